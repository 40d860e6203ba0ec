import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { ConfirmAction } from "@/components/confirm-action";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageSection } from "@/components/page-section";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/form-fields";
import { TextField } from "@/components/ui/text-field";
import { firstSupportedYear, lastSupportedYear } from "@/lib/dates";
import type { AppLocale } from "@/lib/i18n/locales";
import { formatIsoDate, holidayName } from "@/features/schedule/components/format";
import { removeHolidayAction } from "../actions";
import type { HolidayYear } from "../queries";
import { holidaySides } from "../schemas";
import { HolidayForm, type HolidayFormValues } from "./holiday-form";
import { HolidayPasteForm } from "./holiday-paste-form";

const packageKind = { holiday: "HOLIDAY", makeUpWorkday: "MAKE_UP_WORKDAY" } as const;

/** The side + year picker: a GET form, so the choice is in the address and survives a reload. */
async function YearPicker({ side, year }: { side: string; year: number }) {
  const t = await getTranslations("holidays");
  return (
    <form method="get" action="/admin/holidays" className="flex flex-wrap items-end gap-3" aria-label={t("picker.label")} data-testid="holiday-picker">
      <SelectField name="side" label={t("picker.side")} options={holidaySides.map((value) => ({ value, label: t(`sides.${value}`) }))} defaultValue={side} />
      <TextField name="year" type="number" label={t("picker.year")} defaultValue={String(year)} min={firstSupportedYear} max={lastSupportedYear} className="w-32" />
      <Button type="submit" variant="secondary">
        {t("picker.show")}
      </Button>
    </form>
  );
}

export async function HolidayYearView({ data, editing }: { data: HolidayYear; editing: HolidayFormValues | null }) {
  const [t, locale] = await Promise.all([getTranslations("holidays"), getLocale() as Promise<AppLocale>]);
  const sideLabel = t(`sides.${data.side}`);
  const here = `/admin/holidays?side=${data.side}&year=${data.year}`;
  const coverage = data.packageHasYear ? "packageCovers" : data.hasData ? "adminCovers" : "noData";
  return (
    <div className="flex flex-col gap-8">
      <YearPicker side={data.side} year={data.year} />
      <p className={coverage === "noData" ? "rounded border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-900" : "text-sm text-slate-700"} data-testid="holiday-coverage">
        {t(`coverage.${coverage}`, { side: sideLabel, year: data.year })}
      </p>

      <PageSection id="admin-entries" title={t("admin.title", { side: sideLabel, year: data.year })}>
        {data.adminEntries.length === 0 ? (
          <EmptyState message={t("admin.empty")} />
        ) : (
          <DataTable
            caption={t("admin.caption", { side: sideLabel, year: data.year })}
            testId="holiday-admin-table"
            headers={
              <>
                <th scope="col">{t("columns.date")}</th>
                <th scope="col">{t("columns.kind")}</th>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.replaces")}</th>
                <th scope="col">{t("columns.actions")}</th>
              </>
            }
          >
            {data.adminEntries.map((entry) => (
              <tr key={entry.id} className="border-t border-slate-200">
                <th scope="row" className="font-normal whitespace-nowrap">
                  {formatIsoDate(entry.date, locale)}
                </th>
                <td>{t(`kinds.${entry.kind}`)}</td>
                <td>{holidayName(entry.name, locale)}</td>
                <td>{entry.replaces ? `${t(`kinds.${packageKind[entry.replaces.kind]}`)}: ${holidayName(entry.replaces.name, locale)}` : "—"}</td>
                <td>
                  <div className="flex flex-wrap gap-2">
                    <Button asChild variant="secondary" size="small">
                      <Link href={`${here}&edit=${entry.id}#holiday-form-heading`} aria-label={t("admin.editLabel", { date: formatIsoDate(entry.date, locale) })}>
                        {t("admin.edit")}
                      </Link>
                    </Button>
                    <ConfirmAction
                      triggerLabel={t("admin.remove")}
                      title={t("admin.removeTitle", { date: formatIsoDate(entry.date, locale) })}
                      body={t(entry.replaces ? "admin.removeBodyPackage" : "admin.removeBody")}
                      confirmLabel={t("admin.removeConfirm")}
                      cancelLabel={t("admin.cancel")}
                      fields={{ id: entry.id, version: String(entry.version) }}
                      action={removeHolidayAction}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PageSection>

      <PageSection id="holiday-form" title={editing ? t("form.editTitle", { date: editing.date ?? "" }) : t("form.addTitle", { side: sideLabel, year: data.year })}>
        <ClientMessages namespaces={["holidays"]}>
          <HolidayForm key={editing?.id ?? "new"} side={data.side} year={data.year} values={editing ?? {}} cancelHref={here} />
        </ClientMessages>
      </PageSection>

      <PageSection id="holiday-paste" title={t("paste.title", { year: data.year })} intro={t("paste.intro", { side: sideLabel, year: data.year })}>
        <ClientMessages namespaces={["holidays"]}>
          <HolidayPasteForm side={data.side} year={data.year} sideLabel={sideLabel} />
        </ClientMessages>
      </PageSection>

      <PageSection id="package-entries" title={t("package.title", { side: sideLabel, year: data.year })}>
        {data.packageEntries.length === 0 ? (
          <EmptyState message={t("package.empty", { side: sideLabel, year: data.year })} />
        ) : (
          <DataTable
            caption={t("package.caption", { side: sideLabel, year: data.year })}
            testId="holiday-package-table"
            headers={
              <>
                <th scope="col">{t("columns.date")}</th>
                <th scope="col">{t("columns.kind")}</th>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.state")}</th>
              </>
            }
          >
            {data.packageEntries.map((entry) => (
              <tr key={`${entry.date}-${entry.kind}`} className="border-t border-slate-200">
                <th scope="row" className="font-normal whitespace-nowrap">
                  {formatIsoDate(entry.date, locale)}
                </th>
                <td>{t(`kinds.${packageKind[entry.kind]}`)}</td>
                <td>{holidayName(entry.name, locale)}</td>
                <td>{entry.overridden ? t("package.overridden") : t("package.inEffect")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </PageSection>
    </div>
  );
}
