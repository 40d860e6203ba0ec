import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { TextField } from "@/components/ui/text-field";
import type { Actor } from "@/lib/authorization";
import { formatNumber } from "@/lib/i18n/format";
import { joinNames } from "@/lib/i18n/join-names";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { SelectField } from "@/components/ui/form-fields";
import { ActiveStatusFilter, FilterForm, PagedTable, SortHeader, type SearchParams } from "@/components/data-list";
import { findOfficerFilterOptions, findOfficers } from "../queries";
import type { OfficerListParams } from "../schemas";

const basePath = "/officers";

export async function OfficerList({ actor, params, rawParams, locale }: { actor: Actor; params: OfficerListParams; rawParams: SearchParams; locale: AppLocale }) {
  const [t, options, list] = await Promise.all([getTranslations("officers"), findOfficerFilterOptions(actor), findOfficers(actor, params, locale)]);
  const isAdmin = actor.role === "ADMIN";
  const choice = (items: { id: string; code: string; active: boolean; nameEn: string; nameZhHant: string; nameZhHans: string }[]) =>
    items.map((item) => ({ value: item.id, label: `${localizedName(item, locale)}${item.active ? "" : ` — ${t("inactive")}`}` }));
  const sortProps = { sort: params.sort, dir: params.dir, basePath, params: rawParams };
  const filtered = Boolean(params.q || params.rank || params.department || params.field || params.jurisdiction || params.status !== "active");
  return (
    <>
      <FilterForm basePath={basePath} label={t("searchLabel")}>
        <TextField name="q" type="search" label={t("search")} hint={t("searchHint")} defaultValue={params.q ?? ""} className="min-w-64 flex-1" />
        {isAdmin && <SelectField name="jurisdiction" label={t("side")} options={choice(options.jurisdictions)} placeholder={t("any")} defaultValue={params.jurisdiction} />}
        <SelectField name="rank" label={t("rank")} options={choice(options.ranks)} placeholder={t("any")} defaultValue={params.rank} className="max-w-64" />
        <SelectField name="department" label={t("department")} options={choice(options.departments)} placeholder={t("any")} defaultValue={params.department} className="max-w-64" />
        <SelectField name="field" label={t("field")} options={choice(options.fields)} placeholder={t("any")} defaultValue={params.field} />
        <ActiveStatusFilter value={params.status} />
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
      </FilterForm>
      {list.total === 0 ? (
        <EmptyState message={filtered ? t("noMatches") : t("empty")} />
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700" role="status">
            {t("resultCount", { count: list.total, formatted: formatNumber(list.total, locale) })}
          </p>
          <PagedTable
            caption={t("tableCaption")}
            cardLabels={[null, t("staffNumber"), t("rank"), t("department"), t("fields"), ...(isAdmin ? [t("side")] : []), t("status")]}
            pagination={{ page: list.page, pageCount: list.pageCount, total: list.total, basePath, params: rawParams }}
            headers={
              <>
                <SortHeader label={t("name")} sortKey="name" {...sortProps} />
                <SortHeader label={t("staffNumber")} sortKey="staffNumber" {...sortProps} />
                <SortHeader label={t("rank")} sortKey="rank" {...sortProps} />
                <SortHeader label={t("department")} sortKey="department" {...sortProps} />
                <th scope="col">{t("fields")}</th>
                {isAdmin && <th scope="col">{t("side")}</th>}
                <th scope="col">{t("status")}</th>
              </>
            }
          >
            {list.rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200" data-testid="officer-row">
                <th scope="row" className="font-medium">
                  <Link href={`/officers/${row.id}`} className="text-brand-700 underline">
                    {row.name}
                  </Link>
                  {row.chineseName && (
                    <span lang="zh" className="ml-2 whitespace-nowrap font-normal text-slate-700">
                      {row.chineseName}
                    </span>
                  )}
                </th>
                <td className="tabular-nums">{row.staffNumber}</td>
                <td>{localizedName(row.rank, locale)}</td>
                <td>{localizedName(row.department, locale)}</td>
                <td>{joinNames(row.fields.map((field) => localizedName(field, locale)), locale)}</td>
                {isAdmin && <td>{localizedName(row.jurisdiction, locale)}</td>}
                <td>{row.active ? t("active") : t("inactive")}</td>
              </tr>
            ))}
          </PagedTable>
        </>
      )}
    </>
  );
}
