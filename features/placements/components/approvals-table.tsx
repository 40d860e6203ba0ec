import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { ClientMessages } from "@/components/client-messages";
import { EmptyState } from "@/components/empty-state";
import { HeaderCells } from "@/components/ui/column-headers";
import { PagedTable } from "@/components/data-list";
import { approveAsHostSideAction, approveAsSendingSideAction, approveSelectedAction } from "../actions";
import type { AwaitingApprovalPage } from "../queries/approvals";
import { ApproveButton } from "./approve-button";
import { ApproveSelected, approveSelectedFormId } from "./approve-selected.client";

/**
 * A coordinator's queue: placements waiting for its side's approval, soonest start first, approvable one by one or
 * several at once ("approve selected"); cards below 768 px with the approve button in full width.
 */
export async function ApprovalsTable({ page, locale, cohortId }: { page: AwaitingApprovalPage; locale: AppLocale; cohortId?: string }) {
  const [t, p, b] = await Promise.all([getTranslations("approvals"), getTranslations("placements"), getTranslations("bulkApproval")]);
  const labels = [p("officer"), p("cohort"), p("hostUnit"), p("post"), p("dates"), t("yourSide"), t("otherSide")];
  // Always mounted, so the confirmation survives the refresh that empties the queue it came from.
  const bulk = (
    <ClientMessages namespaces={["bulkApproval"]}>
      <ApproveSelected action={approveSelectedAction} hasRows={page.total > 0} />
    </ClientMessages>
  );
  if (page.total === 0) {
    return (
      <>
        {bulk}
        <EmptyState message={t("empty")} />
      </>
    );
  }
  return (
    <>
      {bulk}
      <PagedTable
        caption={t("caption")}
        cardLabels={[null, ...labels.slice(1), null]}
        pagination={{ page: page.page, pageCount: page.pageCount, total: page.total, basePath: "/approvals", params: { cohort: cohortId } }}
        headers={
          <>
            <HeaderCells labels={labels} />
            <th scope="col">
              <span className="sr-only">{p("actions")}</span>
            </th>
          </>
        }
      >
        {page.rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-200" data-testid="approval-row">
            <th scope="row" className="font-medium">
              <span className="flex items-start gap-2">
                <input
                  type="checkbox"
                  form={approveSelectedFormId}
                  name="placements"
                  value={`${row.id}:${row.version}`}
                  data-name={row.officer.name}
                  aria-label={b("select", { name: row.officer.name })}
                  className="mt-1 h-4 w-4 shrink-0"
                />
                <span className="min-w-0">
                  <Link href={`/placements/${row.id}`} className="text-brand-700 underline">
                    {row.officer.name}
                  </Link>
                  {row.officer.chineseName && (
                    <span lang="zh" className="block font-normal">
                      {row.officer.chineseName}
                    </span>
                  )}
                  <span className="block text-xs font-normal text-slate-600">{localizedName(row.officer.rank, locale)}</span>
                </span>
              </span>
            </th>
            <td>
              <Link href={`/cohorts/${row.cohort.id}`} className="text-brand-700 underline">
                {localizedName(row.cohort, locale)}
              </Link>
            </td>
            <td>{row.hostUnit ? localizedName(row.hostUnit, locale) : "—"}</td>
            <td>{row.postTitle ?? "—"}</td>
            <td>
              <span className="whitespace-nowrap">{formatCalendarDate(row.startDate, locale)} –</span>{" "}
              <span className="whitespace-nowrap">{formatCalendarDate(row.endDate, locale)}</span>
            </td>
            <td className="whitespace-nowrap">{t(`side.${row.side}`)}</td>
            <td className="whitespace-nowrap">{row.otherSideApproved ? `✓ ${p("approved")}` : p("waiting")}</td>
            <td>
              <ApproveButton
                action={row.side === "sending" ? approveAsSendingSideAction : approveAsHostSideAction}
                placementId={row.id}
                version={row.version}
                label={t("approve")}
                accessibleLabel={t("approveOfficer", { name: row.officer.name })}
              />
            </td>
          </tr>
        ))}
      </PagedTable>
    </>
  );
}
