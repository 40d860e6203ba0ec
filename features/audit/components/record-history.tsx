import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { requireSessionUser } from "@/lib/auth/session";
import type { AppLocale } from "@/lib/i18n/locales";
import { unsafeFindRecordHistory, type HistorySource } from "../queries";
import { presentAuditEntries, readerContext } from "../presentation";
import { AuditEntryTable } from "./audit-entry-table";

/**
 * One record's own history, rendered as the audit log renders it. The page decides whether the actor may see it
 * (see unsafeFindRecordHistory); links inside go only to records the signed-in reader may open.
 */
export async function RecordHistory({ sources, locale }: { sources: HistorySource[]; locale?: AppLocale }) {
  const [actor, t, pageLocale, found] = await Promise.all([
    requireSessionUser(),
    getTranslations("audit"),
    getLocale() as Promise<AppLocale>,
    unsafeFindRecordHistory(sources),
  ]);
  if (found.length === 0) return <EmptyState message={t("noHistory")} />;
  const entries = await presentAuditEntries(found, readerContext(actor, locale ?? pageLocale));
  return (
    <AuditEntryTable
      entries={entries}
      compact
      testId="history-row"
      labels={{
        caption: t("historyCaption"),
        whenAndWho: t("whenAndWho"),
        action: t("action"),
        changes: t("changes"),
        empty: t("noDetails"),
        was: t("was"),
        now: t("now"),
      }}
    />
  );
}
