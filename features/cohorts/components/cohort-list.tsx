import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { EmptyState } from "@/components/empty-state";
import { HeaderCells } from "@/components/ui/column-headers";
import type { CohortPage } from "../queries";
import { cohortSorts, cohortStatusOrder, type CohortListParams } from "../schemas";
import { PagedTable } from "@/components/data-list";
import { SelectField } from "@/components/ui/form-fields";

export async function CohortFilters({ params }: { params: CohortListParams }) {
  const [t, status] = await Promise.all([getTranslations("cohorts"), getTranslations("status.cohort")]);
  return (
    <form method="get" action="/cohorts" role="search" aria-label={t("filtersLabel")} className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-4">
      <TextField name="q" type="search" label={t("search")} hint={t("searchHint")} defaultValue={params.q ?? ""} className="min-w-64 flex-1" />
      <SelectField
        name="status"
        label={t("statusFilter")}
        defaultValue={params.status ?? ""}
        options={[{ value: "", label: t("allStatuses") }, ...cohortStatusOrder.map((value) => ({ value, label: status(value) }))]}
      />
      <SelectField name="sort" label={t("sort")} defaultValue={params.sort} options={cohortSorts.map((value) => ({ value, label: t(`sorts.${value}`) }))} />
      <Button type="submit">{t("apply")}</Button>
      {(params.q || params.status) && (
        <Link href="/cohorts" className="py-2 text-sm text-brand-700 underline">
          {t("clearFilters")}
        </Link>
      )}
    </form>
  );
}

export async function CohortTable({ page, params, locale }: { page: CohortPage; params: CohortListParams; locale: AppLocale }) {
  const [t, status] = await Promise.all([getTranslations("cohorts"), getTranslations("status.cohort")]);
  if (page.total === 0) {
    return <EmptyState message={params.q || params.status ? t("noMatch") : t("empty")} />;
  }
  const linkParams = { q: params.q, status: params.status, sort: params.sort };
  return (
    <PagedTable
      caption={t("tableCaption")}
      pagination={{ page: page.page, pageCount: page.pageCount, total: page.total, basePath: "/cohorts", params: linkParams }}
      headers={
        <>
          <HeaderCells labels={[t("name"), t("sending"), t("host"), t("yourSide"), t("dates"), t("status")]} />
          <th scope="col" className="text-right">
            {t("placements")}
          </th>
        </>
      }
    >
      {page.rows.map((cohort) => (
        <tr key={cohort.id} className="border-t border-slate-200" data-testid="cohort-row">
          <th scope="row" className="font-medium">
            <Link href={`/cohorts/${cohort.id}`} className="text-brand-700 underline">
              {localizedName(cohort.name, locale)}
            </Link>
            <span className="block text-xs font-normal text-slate-600">{cohort.code}</span>
          </th>
          <td>{localizedName(cohort.sendingSide, locale)}</td>
          <td>{localizedName(cohort.hostSide, locale)}</td>
          <td>{cohort.viewerRole ? t(`viewerRole.${cohort.viewerRole}`) : "—"}</td>
          <td className="whitespace-nowrap">{`${formatCalendarDate(cohort.startDate, locale)} – ${formatCalendarDate(cohort.endDate, locale)}`}</td>
          <td>{status(cohort.status)}</td>
          <td className="text-right tabular-nums">{cohort.livePlacements}</td>
        </tr>
      ))}
    </PagedTable>
  );
}
