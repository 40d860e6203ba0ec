import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { EmptyState } from "@/components/empty-state";
import { HeaderCells } from "@/components/ui/column-headers";
import { PagedTable } from "@/components/data-list";
import { approveAsHostSideAction, approveAsSendingSideAction } from "../actions";
import type { AwaitingApprovalPage } from "../queries/approvals";
import { ApproveButton } from "./approve-button";
import { PlacementOfficerCell } from "./officer-cell";

/** A coordinator's queue: placements waiting for its side's approval, soonest start first, approvable in place. */
export async function ApprovalsTable({ page, locale }: { page: AwaitingApprovalPage; locale: AppLocale }) {
  const t = await getTranslations("approvals");
  const p = await getTranslations("placements");
  if (page.total === 0) return <EmptyState message={t("empty")} />;
  return (
    <PagedTable
      caption={t("caption")}
      pagination={{ page: page.page, pageCount: page.pageCount, total: page.total, basePath: "/approvals", params: {} }}
      headers={
        <>
          <HeaderCells labels={[p("officer"), p("cohort"), p("hostUnit"), p("post"), p("dates"), t("yourSide"), t("otherSide")]} />
          <th scope="col">
            <span className="sr-only">{p("actions")}</span>
          </th>
        </>
      }
    >
      {page.rows.map((row) => (
        <tr key={row.id} className="border-t border-slate-200" data-testid="approval-row">
          <PlacementOfficerCell placementId={row.id} name={row.officer.name} chineseName={row.officer.chineseName}>
            <span className="block text-xs font-normal text-slate-600">{localizedName(row.officer.rank, locale)}</span>
          </PlacementOfficerCell>
          <td>
            <Link href={`/cohorts/${row.cohort.id}`} className="text-brand-700 underline">
              {localizedName(row.cohort, locale)}
            </Link>
          </td>
          <td>{row.hostUnit ? localizedName(row.hostUnit, locale) : "—"}</td>
          <td>{row.postTitle ?? "—"}</td>
          <td className="whitespace-nowrap">{`${formatCalendarDate(row.startDate, locale)} – ${formatCalendarDate(row.endDate, locale)}`}</td>
          <td>{t(`side.${row.side}`)}</td>
          <td>{row.otherSideApproved ? `✓ ${p("approved")}` : p("waiting")}</td>
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
  );
}
