import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { DataTable } from "@/components/data-table";
import { HeaderCells } from "@/components/ui/column-headers";
import { unsafeFindRecordHistory, type HistorySource } from "../queries";
import { AuditChanges } from "./audit-changes";

type Translator = Awaited<ReturnType<typeof getTranslations<"audit">>>;

/** "officer.update" → "Officer updated"; an action this catalog does not know yet is shown as recorded. */
export function actionLabel(t: Translator, action: string): string {
  const key = `actions.${action}`;
  return t.has(key as never) ? t(key as never) : action;
}

/**
 * One record's own history. The page decides whether the actor may see it (see unsafeFindRecordHistory); this
 * component only renders.
 */
export async function RecordHistory({ sources, locale }: { sources: HistorySource[]; locale: AppLocale }) {
  const [t, entries] = await Promise.all([getTranslations("audit"), unsafeFindRecordHistory(sources)]);
  if (entries.length === 0) return <EmptyState message={t("noHistory")} />;
  return (
    <DataTable caption={t("historyCaption")} headers={<HeaderCells labels={[t("time"), t("actor"), t("action"), t("changes")]} />}>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-t border-slate-200 align-top" data-testid="history-row">
              <td className="whitespace-nowrap">{formatDateTime(entry.createdAt, locale)}</td>
              <td>{entry.actorName ?? entry.actorEmail ?? t("system")}</td>
              <th scope="row" className="font-normal">{actionLabel(t, entry.action)}</th>
              <td>
                <AuditChanges before={entry.before} after={entry.after} labels={{ empty: t("noDetails") }} />
              </td>
            </tr>
          ))}
    </DataTable>
  );
}
