import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { EmptyState } from "@/components/empty-state";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { displayStatuses, type PlacementDisplayStatus } from "../display-status";
import type { BoardPlacement } from "../queries/board";
import { encodeBoardRows, type BoardRowView } from "../board-rows";
import { PlacementBoardTable } from "./placement-board.client";

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
  const [t, status] = await Promise.all([getTranslations("placements"), getTranslations("status.placement")]);
  if (placements.length === 0) return <EmptyState message={t(isFiltered ? "boardNoMatch" : "boardEmpty")} />;
  const rows = placements.map(
    (placement): BoardRowView => ({
      id: placement.id,
      name: placement.officer.name,
      chineseName: placement.officer.chineseName,
      staffNumber: placement.officer.staffNumber,
      rank: localizedName(placement.officer.rank, locale),
      department: localizedName(placement.officer.department, locale),
      hostUnit: placement.hostUnit && localizedName(placement.hostUnit, locale),
      post: placement.postTitle,
      field: placement.field && localizedName(placement.field, locale),
      start: formatCalendarDate(placement.startDate, locale),
      end: formatCalendarDate(placement.endDate, locale),
      status: placement.displayStatus,
      sendingApproved: placement.sendingApprovedAt !== null,
      hostApproved: placement.hostApprovedAt !== null,
      action: !canAssign || placement.status === "WITHDRAWN" ? null : placement.status === "NOMINATED" ? "assign" : "change",
    }),
  );
  const statusLabels = Object.fromEntries(displayStatuses.map((value) => [value, status(value)])) as Record<PlacementDisplayStatus, string>;
  return (
    <ClientMessages namespaces={["board"]}>
      <PlacementBoardTable encodedRows={encodeBoardRows(rows)} statusLabels={statusLabels} canAssign={canAssign} />
    </ClientMessages>
  );
}
