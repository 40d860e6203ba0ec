import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PlacementStatus } from "@/generated/prisma/enums";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { Button } from "@/components/ui/button";
import type { ReportFilterOptions } from "../queries";
import type { ReportFilterName } from "../schemas";

type Option = { value: string; label: string };

const inputClass = (invalid: boolean) => `rounded border px-3 py-2 text-base ${invalid ? "border-red-700" : "border-slate-500"} disabled:bg-slate-100 disabled:text-slate-600`;

function FilterSelect(props: {
  name: ReportFilterName;
  label: string;
  value: string;
  options: Option[];
  error?: string;
  hint?: string;
  disabled?: boolean;
}) {
  const id = `filter-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex min-w-48 flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        defaultValue={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        className={`${inputClass(Boolean(props.error))} bg-white`}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}

function FilterDate(props: { name: "from" | "to"; label: string; value: string; error?: string; hintId: string }) {
  const id = `filter-${props.name}`;
  const describedBy = [props.hintId, props.error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type="date"
        defaultValue={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass(Boolean(props.error))}
      />
      {props.error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}

/**
 * The report's filters as a plain GET form: they live in the URL, so a filtered report can be bookmarked and the
 * form works without JavaScript. Values are shown as typed, even when invalid, with the error beside the field.
 */
export async function ReportFiltersForm({
  values,
  errors,
  options,
  locale,
}: {
  values: Record<ReportFilterName, string | undefined>;
  errors: Partial<Record<ReportFilterName, string>>;
  options: ReportFilterOptions;
  locale: AppLocale;
}) {
  const [t, status] = await Promise.all([getTranslations("reports.filters"), getTranslations("status.placement")]);
  const named = (records: { id: string; nameEn: string; nameZhHant: string; nameZhHans: string }[]) =>
    records.map((record) => ({ value: record.id, label: localizedName(record, locale) }));
  const hasFilters = Object.values(values).some(Boolean);
  return (
    <form method="get" action="/reports" role="search" aria-labelledby="report-filters-legend" className="mb-6 rounded border border-slate-300 bg-white p-4">
      <h2 id="report-filters-legend" className="mb-3 text-lg font-semibold">
        {t("legend")}
      </h2>
      <div className="flex flex-wrap items-start gap-4">
        <FilterSelect
          name="cohort"
          label={t("cohort")}
          value={values.cohort ?? ""}
          error={errors.cohort}
          options={[
            { value: "", label: t("anyCohort") },
            ...options.cohorts.map((cohort) => ({ value: cohort.id, label: `${localizedName(cohort, locale)} (${cohort.code})` })),
          ]}
        />
        <FilterSelect
          name="status"
          label={t("status")}
          value={values.status ?? ""}
          error={errors.status}
          options={[{ value: "", label: t("anyStatus") }, ...Object.values(PlacementStatus).map((value) => ({ value, label: status(value) }))]}
        />
        <FilterSelect
          name="hostUnit"
          label={t("hostUnit")}
          value={values.hostUnit ?? ""}
          error={errors.hostUnit}
          disabled={options.hostUnits.length === 0 && !values.hostUnit}
          hint={values.cohort ? undefined : t("hostUnitNeedsCohort")}
          options={[{ value: "", label: t("anyHostUnit") }, ...named(options.hostUnits)]}
        />
        <FilterSelect
          name="department"
          label={t("department")}
          value={values.department ?? ""}
          error={errors.department}
          options={[{ value: "", label: t("anyDepartment") }, ...named(options.departments)]}
        />
        <FilterSelect
          name="field"
          label={t("field")}
          value={values.field ?? ""}
          error={errors.field}
          options={[{ value: "", label: t("anyField") }, ...named(options.fields)]}
        />
      </div>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium text-slate-800">{t("dateRange")}</legend>
        <p id="filter-dates-hint" className="text-sm text-slate-600">
          {t("dateHint")}
        </p>
        <div className="mt-2 flex flex-wrap items-start gap-4">
          <FilterDate name="from" label={t("from")} value={values.from ?? ""} error={errors.from} hintId="filter-dates-hint" />
          <FilterDate name="to" label={t("to")} value={values.to ?? ""} error={errors.to} hintId="filter-dates-hint" />
        </div>
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <Button type="submit">{t("apply")}</Button>
        {hasFilters && (
          <Link href="/reports" className="text-sm text-brand-700 underline">
            {t("clear")}
          </Link>
        )}
      </div>
    </form>
  );
}
