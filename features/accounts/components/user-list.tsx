import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { TextField } from "@/components/ui/text-field";
import { SelectField } from "@/components/ui/form-fields";
import { FilterForm, PagedTable, SortHeader, type SearchParams } from "@/components/data-list";
import type { Actor } from "@/lib/authorization";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { findUserFormOptions, findUsers } from "../queries";
import { roles, type UserListParams } from "../schemas";

const basePath = "/admin/users";

export async function UserList({ actor, params, rawParams, locale }: { actor: Actor; params: UserListParams; rawParams: SearchParams; locale: AppLocale }) {
  const [t, roleNames, list, options] = await Promise.all([getTranslations("accounts.list"), getTranslations("roles"), findUsers(actor, params), findUserFormOptions(actor)]);
  const sortProps = { sort: params.sort, dir: params.dir, basePath, params: rawParams };
  const filtered = Boolean(params.q || params.role || params.side || params.locked || params.invited || params.signIn || params.status !== "all");
  return (
    <>
      <FilterForm basePath={basePath} label={t("searchLabel")}>
        <TextField name="q" type="search" label={t("search")} hint={t("searchHint")} defaultValue={params.q ?? ""} className="min-w-64 flex-1" />
        <SelectField name="role" label={t("role")} options={roles.map((role) => ({ value: role, label: roleNames(role) }))} placeholder={t("any")} defaultValue={params.role ?? ""} />
        <SelectField name="side" label={t("side")} options={options.jurisdictions.map((side) => ({ value: side.id, label: localizedName(side, locale) }))} placeholder={t("any")} defaultValue={params.side ?? ""} className="max-w-64" />
        <SelectField
          name="status"
          label={t("status")}
          options={[
            { value: "all", label: t("allStatuses") },
            { value: "active", label: t("active") },
            { value: "inactive", label: t("inactive") },
          ]}
          defaultValue={params.status}
        />
        <SelectField name="locked" label={t("locked")} options={[{ value: "yes", label: t("lockedOnly") }]} placeholder={t("any")} defaultValue={params.locked ?? ""} />
        <SelectField
          name="invited"
          label={t("invited")}
          options={[
            { value: "yes", label: t("invitedYes") },
            { value: "no", label: t("invitedNo") },
          ]}
          placeholder={t("any")}
          defaultValue={params.invited ?? ""}
        />
        <SelectField
          name="signIn"
          label={t("signIn")}
          options={[
            { value: "sso", label: t("signInSso") },
            { value: "password", label: t("signInPassword") },
          ]}
          placeholder={t("any")}
          defaultValue={params.signIn ?? ""}
        />
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
      </FilterForm>
      {list.total === 0 ? (
        <EmptyState message={filtered ? t("noMatches") : t("empty")} />
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700" role="status">
            {t("resultCount", { formatted: formatNumber(list.total, locale) })}
          </p>
          <PagedTable
            caption={t("tableCaption")}
            cardLabels={[null, t("emailAddress"), t("role"), t("side"), t("status"), t("lastLogin")]}
            pagination={{ page: list.page, pageCount: list.pageCount, total: list.total, basePath, params: rawParams }}
            headers={
              <>
                <SortHeader label={t("name")} sortKey="name" {...sortProps} />
                <SortHeader label={t("emailAddress")} sortKey="email" {...sortProps} />
                <SortHeader label={t("role")} sortKey="role" {...sortProps} />
                <th scope="col">{t("side")}</th>
                <th scope="col">{t("status")}</th>
                <SortHeader label={t("lastLogin")} sortKey="lastLogin" {...sortProps} />
              </>
            }
          >
            {list.rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200" data-testid="user-row">
                <th scope="row" className="font-medium">
                  <Link href={`${basePath}/${row.id}`} className="text-brand-700 underline">
                    {row.name}
                  </Link>
                </th>
                <td className="break-all">{row.email}</td>
                <td>{roleNames(row.role)}</td>
                <td>{row.side ? localizedName(row.side, locale) : "—"}</td>
                <td>{[row.active ? t("active") : t("inactive"), row.locked ? t("locked") : null, row.invited ? t("invitedYes") : null, row.ssoOnly ? t("signInSso") : null].filter(Boolean).join(" · ")}</td>
                <td>{row.lastLoginAt ? formatDateTime(row.lastLoginAt, locale) : t("never")}</td>
              </tr>
            ))}
          </PagedTable>
        </>
      )}
    </>
  );
}
