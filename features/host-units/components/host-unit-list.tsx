import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { TextField } from "@/components/ui/text-field";
import type { Actor } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { joinNames } from "@/lib/i18n/join-names";
import { SelectField } from "@/components/ui/form-fields";
import { ActiveStatusFilter, FilterForm, PagedTable, SortHeader, type SearchParams } from "@/components/data-list";
import { findHostUnitFilterOptions, findHostUnits } from "../queries";
import type { HostUnitListParams } from "../schemas";

const basePath = "/host-units";

export async function HostUnitList({ actor, params, rawParams, locale }: { actor: Actor; params: HostUnitListParams; rawParams: SearchParams; locale: AppLocale }) {
  const [t, options, list] = await Promise.all([getTranslations("hostUnits"), findHostUnitFilterOptions(actor), findHostUnits(actor, params, locale)]);
  const isAdmin = actor.role === "ADMIN";
  const sortProps = { sort: params.sort, dir: params.dir, basePath, params: rawParams };
  const filtered = Boolean(params.q || params.district || params.field || params.jurisdiction || params.status !== "active");
  return (
    <>
      <FilterForm basePath={basePath} label={t("searchLabel")}>
        <TextField name="q" type="search" label={t("search")} hint={t("searchHint")} defaultValue={params.q ?? ""} className="min-w-64 flex-1" />
        {isAdmin && (
          <SelectField
            name="jurisdiction"
            label={t("side")}
            options={options.jurisdictions.map((item) => ({ value: item.id, label: localizedName(item, locale) }))}
            placeholder={t("any")}
            defaultValue={params.jurisdiction}
          />
        )}
        <SelectField name="district" label={t("district")} options={options.districts.map((district) => ({ value: district, label: district }))} placeholder={t("any")} defaultValue={params.district} />
        <SelectField name="field" label={t("field")} options={options.fields.map((field) => ({ value: field.id, label: localizedName(field, locale) }))} placeholder={t("any")} defaultValue={params.field} />
        <ActiveStatusFilter value={params.status} />
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
      </FilterForm>
      {list.total === 0 ? (
        <EmptyState message={filtered ? t("noMatches") : t("empty")} />
      ) : (
        <PagedTable
          caption={t("tableCaption")}
          pagination={{ page: list.page, pageCount: list.pageCount, total: list.total, basePath, params: rawParams }}
          headers={
            <>
              <SortHeader label={t("name")} sortKey="name" {...sortProps} />
              <SortHeader label={t("code")} sortKey="code" {...sortProps} />
              <SortHeader label={t("district")} sortKey="district" {...sortProps} />
              <th scope="col">{t("fields")}</th>
              {isAdmin && <th scope="col">{t("side")}</th>}
              <th scope="col" className="text-right">
                {t("defaultCapacity")}
              </th>
              <th scope="col">{t("status")}</th>
            </>
          }
        >
          {list.rows.map((unit) => (
            <tr key={unit.id} className="border-t border-slate-200" data-testid="host-unit-row">
              <th scope="row" className="font-medium">
                <Link href={`/host-units/${unit.id}`} className="text-brand-700 underline">
                  {localizedName(unit, locale)}
                </Link>
              </th>
              <td>{unit.code}</td>
              <td>{unit.district ?? "—"}</td>
              <td>{joinNames(unit.fields.map((field) => localizedName(field, locale)), locale)}</td>
              {isAdmin && <td>{localizedName(unit.jurisdiction, locale)}</td>}
              <td className="text-right tabular-nums">{unit.defaultCapacity}</td>
              <td>{unit.active ? t("active") : t("inactive")}</td>
            </tr>
          ))}
        </PagedTable>
      )}
    </>
  );
}
