import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { HeaderCells } from "@/components/ui/column-headers";
import { TextField } from "@/components/ui/text-field";
import type { Actor } from "@/lib/authorization";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { SelectField } from "@/components/ui/form-fields";
import { FilterForm, PagedTable, type SearchParams } from "@/components/data-list";
import { findAuditEntries, findAuditFilterOptions } from "../queries";
import type { AuditListParams } from "../schemas";
import { AuditChanges } from "./audit-changes";
import { actionLabel } from "./record-history";

const basePath = "/admin/audit";

/** Where an audited record's own page lives; null when it has none. The route layer knows every feature's pages. */
export type RecordHref = (entityType: string, entityId: string | null) => string | null;

export async function AuditList({
  actor,
  params,
  rawParams,
  locale,
  recordHref,
}: {
  actor: Actor;
  params: AuditListParams;
  rawParams: SearchParams;
  locale: AppLocale;
  recordHref: RecordHref;
}) {
  const [t, options, list] = await Promise.all([getTranslations("audit"), findAuditFilterOptions(actor), findAuditEntries(actor, params)]);
  const filtered = Boolean(params.actor || params.action || params.entityType || params.entityId || params.from || params.to);
  return (
    <>
      <FilterForm basePath={basePath} label={t("filterLabel")}>
        <TextField name="actor" type="search" label={t("actor")} hint={t("actorHint")} defaultValue={params.actor ?? ""} />
        <SelectField name="action" label={t("action")} options={options.actions.map((action) => ({ value: action, label: actionLabel(t, action) }))} placeholder={t("any")} defaultValue={params.action} />
        <SelectField
          name="entityType"
          label={t("entityType")}
          options={options.entityTypes.map((type) => ({ value: type, label: t.has(`entityTypes.${type}` as never) ? t(`entityTypes.${type}` as never) : type }))}
          placeholder={t("any")}
          defaultValue={params.entityType}
        />
        <TextField name="from" type="date" label={t("from")} defaultValue={params.from ?? ""} />
        <TextField name="to" type="date" label={t("to")} defaultValue={params.to ?? ""} />
        {params.entityId && <input type="hidden" name="entityId" value={params.entityId} />}
      </FilterForm>
      {list.total === 0 ? (
        <EmptyState message={filtered ? t("noMatches") : t("empty")} />
      ) : (
        <PagedTable
          caption={t("tableCaption")}
          pagination={{ page: list.page, pageCount: list.pageCount, total: list.total, basePath, params: rawParams }}
          headers={<HeaderCells labels={[t("time"), t("actor"), t("action"), t("record"), t("changes"), t("origin")]} />}
        >
          {list.entries.map((entry) => {
            const href = recordHref(entry.entityType, entry.entityId);
            const type = t.has(`entityTypes.${entry.entityType}` as never) ? t(`entityTypes.${entry.entityType}` as never) : entry.entityType;
            return (
              <tr key={entry.id} className="border-t border-slate-200 align-top" data-testid="audit-row">
                <td className="whitespace-nowrap">{formatDateTime(entry.createdAt, locale)}</td>
                <td>
                  {entry.actorName ?? t("system")}
                  {entry.actorEmail && <span className="block text-xs text-slate-600">{entry.actorEmail}</span>}
                </td>
                <th scope="row" className="font-normal">{actionLabel(t, entry.action)}</th>
                <td>
                  {type}
                  {entry.entityId && (
                    <span className="block text-xs">
                      {href ? (
                        <Link href={href} className="text-brand-700 underline">
                          {entry.entityId}
                        </Link>
                      ) : (
                        <span className="font-mono">{entry.entityId}</span>
                      )}
                    </span>
                  )}
                </td>
                <td>
                  <AuditChanges before={entry.before} after={entry.after} labels={{ empty: t("noDetails") }} />
                </td>
                <td className="text-xs">
                  {entry.ipAddress ?? "—"}
                  {entry.requestId && <span className="block font-mono text-slate-600">{entry.requestId}</span>}
                </td>
              </tr>
            );
          })}
        </PagedTable>
      )}
    </>
  );
}
