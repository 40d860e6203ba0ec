import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { HeaderCells } from "@/components/ui/column-headers";
import type { BoardPlacement } from "../queries/board";
import { PlacementOfficerCell } from "./officer-cell";
import { ApprovalState, StatusBadge } from "./placement-status";

interface PlacementBoardProps {
  placements: BoardPlacement[];
  locale: AppLocale;
  /** The viewer assigns host units (host side of this cohort). */
  canAssign: boolean;
  /** A search or filter is applied, so "nothing here" means "nothing matches". */
  isFiltered?: boolean;
}

/** Every nominated officer of a cohort with host unit, post, field, dates, status and both approvals. */
export async function PlacementBoard({ placements, locale, canAssign, isFiltered = false }: PlacementBoardProps) {
  const t = await getTranslations("placements");
  if (placements.length === 0) return <EmptyState message={t(isFiltered ? "boardNoMatch" : "boardEmpty")} />;
  return (
    <DataTable
      caption={t("boardCaption")}
      headers={
        <>
          <HeaderCells
            labels={[t("officer"), t("rankAndDepartment"), t("hostUnit"), t("post"), t("field"), t("dates"), t("status"), t("sendingApproval"), t("hostApproval")]}
          />
          {canAssign && (
            <th scope="col">
              <span className="sr-only">{t("actions")}</span>
            </th>
          )}
        </>
      }
    >
      {placements.map((placement) => (
        <tr key={placement.id} className={`border-t border-slate-200 ${placement.status === "WITHDRAWN" ? "text-slate-600" : ""}`} data-testid="board-row">
          <PlacementOfficerCell placementId={placement.id} name={placement.officer.name} chineseName={placement.officer.chineseName}>
            {/* Null unless the staff-number rule (lib/scopes.ts) lets this viewer see it. */}
            {placement.officer.staffNumber && (
              <span className="block text-xs font-normal text-slate-600" data-testid="staff-number">
                {placement.officer.staffNumber}
              </span>
            )}
          </PlacementOfficerCell>
          <td>
            {localizedName(placement.officer.rank, locale)}
            <span className="block text-xs text-slate-600">{localizedName(placement.officer.department, locale)}</span>
          </td>
          <td>{placement.hostUnit ? localizedName(placement.hostUnit, locale) : t("notAssigned")}</td>
          <td>{placement.postTitle ?? "—"}</td>
          <td>{placement.field ? localizedName(placement.field, locale) : "—"}</td>
          <td className="whitespace-nowrap">
            {formatCalendarDate(placement.startDate, locale)} – {formatCalendarDate(placement.endDate, locale)}
          </td>
          <td>
            <StatusBadge status={placement.displayStatus} />
          </td>
          <td>
            <ApprovalState approved={placement.sendingApprovedAt !== null} withdrawn={placement.status === "WITHDRAWN"} />
          </td>
          <td>
            <ApprovalState approved={placement.hostApprovedAt !== null} withdrawn={placement.status === "WITHDRAWN"} />
          </td>
          {canAssign && (
            <td>
              {placement.status !== "WITHDRAWN" && (
                <Link
                  href={`/placements/${placement.id}#assign-heading`}
                  className="whitespace-nowrap text-brand-700 underline"
                  aria-label={t(placement.status === "NOMINATED" ? "assignOfficer" : "changeAssignmentOf", { name: placement.officer.name })}
                >
                  {t(placement.status === "NOMINATED" ? "assign" : "changeAssignment")}
                </Link>
              )}
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
