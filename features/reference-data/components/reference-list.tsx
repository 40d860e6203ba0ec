import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { TextField } from "@/components/ui/text-field";
import type { Actor } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { sidedKinds, type ReferenceKind } from "../entities";
import { findReferenceFormOptions, findReferenceRows } from "../queries";
import type { ReferenceListParams } from "../schemas";
import { SelectField } from "@/components/ui/form-fields";
import { ActiveStatusFilter, FilterForm, PagedTable, type SearchParams } from "@/components/data-list";

/** Kind-specific columns of the list, in order. */
const detailColumns: Record<ReferenceKind, string[]> = {
  jurisdictions: ["kind", "timeZone"],
  departments: ["kind"],
  "host-units": ["district", "defaultCapacity"],
  ranks: ["grade", "level", "isDirectorate"],
  fields: ["sortOrder"],
};

export async function ReferenceList({ actor, kind, params, rawParams, locale }: { actor: Actor; kind: ReferenceKind; params: ReferenceListParams; rawParams: SearchParams; locale: AppLocale }) {
  const [t, list, options] = await Promise.all([getTranslations("referenceData"), findReferenceRows(actor, kind, params), findReferenceFormOptions(actor)]);
  const basePath = `/admin/reference/${kind}`;
  const sided = sidedKinds.has(kind);
  const show = (column: string, value: string | number | boolean | null) => {
    if (value === null || value === "") return "—";
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (column === "kind") return t(kind === "jurisdictions" ? `jurisdictionKinds.${value}` : `departmentKinds.${value}`);
    return String(value);
  };
  return (
    <>
      <FilterForm basePath={basePath} label={t("searchLabel")}>
        <TextField name="q" type="search" label={t("search")} hint={t("searchHint")} defaultValue={params.q ?? ""} className="min-w-64 flex-1" />
        {sided && (
          <SelectField
            name="jurisdiction"
            label={t("form.jurisdictionId")}
            options={options.jurisdictions.map((item) => ({ value: item.id, label: localizedName(item, locale) }))}
            placeholder={t("any")}
            defaultValue={params.jurisdiction}
          />
        )}
        <ActiveStatusFilter value={params.status} />
      </FilterForm>
      {list.total === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <PagedTable
          caption={t(`kinds.${kind}.title`)}
          pagination={{ page: list.page, pageCount: list.pageCount, total: list.total, basePath, params: rawParams }}
          headers={
            <>
              <th scope="col">{t("form.code")}</th>
              <th scope="col">{t("name")}</th>
              {sided && <th scope="col">{t("form.jurisdictionId")}</th>}
              {detailColumns[kind].map((column) => (
                <th key={column} scope="col">
                  {t(`columns.${column}`)}
                </th>
              ))}
              <th scope="col">{t("status")}</th>
            </>
          }
        >
          {list.rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-200" data-testid="reference-row">
              <td className="font-mono">{row.code}</td>
              <th scope="row" className="font-medium">
                <Link href={`${basePath}/${row.id}`} className="text-brand-700 underline">
                  {localizedName(row, locale)}
                </Link>
              </th>
              {sided && <td>{row.jurisdiction ? localizedName(row.jurisdiction, locale) : "—"}</td>}
              {detailColumns[kind].map((column) => (
                <td key={column}>{show(column, row.details[column] ?? null)}</td>
              ))}
              <td>{row.active ? t("active") : t("inactive")}</td>
            </tr>
          ))}
        </PagedTable>
      )}
    </>
  );
}
