import { getTranslations } from "next-intl/server";
import { ConfirmAction } from "@/components/confirm-action";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { signOutOtherSessionsAction } from "../actions";
import type { OwnSession } from "../queries";

/** The user's sessions that still work, this one marked, and "sign out everywhere else" when there are others. */
export async function SessionsSection({ sessions, locale }: { sessions: OwnSession[]; locale: AppLocale }) {
  const t = await getTranslations("accountSecurity.sessions");
  const others = sessions.filter((session) => !session.isCurrent).length;
  const labels = [t("signedInAt"), t("address"), t("browser"), t("endsAt")];
  return (
    <div className="flex flex-col gap-4">
      <DataTable
        caption={t("caption")}
        cardLabels={labels}
        testId="sessions-table"
        headers={labels.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
      >
        {sessions.map((session) => (
          <tr key={session.id} data-current={session.isCurrent || undefined}>
            <td>
              <time dateTime={session.createdAt.toISOString()}>{formatDateTime(session.createdAt, locale)}</time>
              {session.isCurrent && <strong className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">{t("current")}</strong>}
            </td>
            <td className="break-all">{session.ipAddress}</td>
            <td className="break-words">{session.userAgent ?? t("unknownBrowser")}</td>
            <td>
              <time dateTime={session.expiresAt.toISOString()}>{formatDateTime(session.expiresAt, locale)}</time>
            </td>
          </tr>
        ))}
      </DataTable>
      {others > 0 ? (
        <div>
          <ConfirmAction
            triggerLabel={t("signOutOthers")}
            title={t("confirmTitle")}
            body={t("confirmBody", { count: others })}
            confirmLabel={t("signOutOthers")}
            cancelLabel={t("cancel")}
            fields={{}}
            action={signOutOtherSessionsAction}
          />
        </div>
      ) : (
        <EmptyState message={t("noOthers")} />
      )}
    </div>
  );
}
