import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/data-list";
import { approveAsHostSideAction, approveAsSendingSideAction } from "../actions";
import type { AwaitingApprovalPage } from "../queries";
import { ApproveButton } from "./approve-button";

/** A coordinator's queue: placements waiting for its side's approval, soonest start first, approvable in place. */
export async function ApprovalsTable({ page, locale }: { page: AwaitingApprovalPage; locale: AppLocale }) {
  const t = await getTranslations("approvals");
  const p = await getTranslations("placements");
  if (page.total === 0) return <EmptyState message={t("empty")} />;
  const cell = "px-3 py-2 align-top";
  return (
    <>
      <div className="overflow-x-auto rounded border border-slate-300 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={cell}>{p("officer")}</th>
              <th scope="col" className={cell}>{p("cohort")}</th>
              <th scope="col" className={cell}>{p("hostUnit")}</th>
              <th scope="col" className={cell}>{p("post")}</th>
              <th scope="col" className={cell}>{p("dates")}</th>
              <th scope="col" className={cell}>{t("yourSide")}</th>
              <th scope="col" className={cell}>{t("otherSide")}</th>
              <th scope="col" className={cell}>
                <span className="sr-only">{p("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200" data-testid="approval-row">
                <th scope="row" className={`${cell} font-medium`}>
                  <Link href={`/placements/${row.id}`} className="text-brand-700 underline">
                    {row.officer.name}
                  </Link>
                  {row.officer.chineseName && (
                    <span lang="zh" className="block font-normal">
                      {row.officer.chineseName}
                    </span>
                  )}
                  <span className="block text-xs font-normal text-slate-600">{localizedName(row.officer.rank, locale)}</span>
                </th>
                <td className={cell}>
                  <Link href={`/cohorts/${row.cohort.id}`} className="text-brand-700 underline">
                    {localizedName(row.cohort, locale)}
                  </Link>
                </td>
                <td className={cell}>{row.hostUnit ? localizedName(row.hostUnit, locale) : "—"}</td>
                <td className={cell}>{row.postTitle ?? "—"}</td>
                <td className={`${cell} whitespace-nowrap`}>
                  {formatCalendarDate(row.startDate, locale)} – {formatCalendarDate(row.endDate, locale)}
                </td>
                <td className={cell}>{t(`side.${row.side}`)}</td>
                <td className={cell}>{row.otherSideApproved ? `✓ ${p("approved")}` : p("waiting")}</td>
                <td className={cell}>
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
          </tbody>
        </table>
      </div>
      <Pagination basePath="/approvals" params={{}} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
