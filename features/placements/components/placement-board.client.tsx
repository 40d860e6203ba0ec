"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import "./placement-board.css";
import type { PlacementDisplayStatus } from "../display-status";

/**
 * One board row, already in the reader's language. The board is rendered from these plain values on purpose: a
 * server-rendered row travels twice (as HTML and again as React's element tree in the page's payload), a client row
 * as HTML plus these few strings — about half the bytes per row (decision 050).
 */
export interface BoardRowView {
  id: string;
  name: string;
  chineseName: string | null;
  /** Null unless the staff-number rule (lib/scopes.ts) lets this viewer see it. */
  staffNumber: string | null;
  rank: string;
  department: string;
  hostUnit: string | null;
  post: string | null;
  field: string | null;
  start: string;
  end: string;
  status: PlacementDisplayStatus;
  withdrawn: boolean;
  sendingApproved: boolean;
  hostApproved: boolean;
  /** The host side's assign link, when this viewer assigns and the placement is not withdrawn. */
  action: "assign" | "change" | null;
}

interface PlacementBoardTableProps {
  rows: BoardRowView[];
  /** The status names, once for the page rather than once per row. */
  statusLabels: Record<PlacementDisplayStatus, string>;
  /** The viewer assigns host units (host side of this cohort): the action column is shown. */
  canAssign: boolean;
}

export function PlacementBoardTable({ rows, statusLabels, canAssign }: PlacementBoardTableProps) {
  const t = useTranslations("board");
  const labels = [t("officer"), t("rankAndDepartment"), t("hostUnit"), t("post"), t("field"), t("dates"), t("status"), t("sendingApproval"), t("hostApproval")];
  const approval = (approved: boolean, withdrawn: boolean) => (approved ? <b>✓ {t("approved")}</b> : withdrawn ? "—" : t("waiting"));
  return (
    <DataTable
      caption={t("caption")}
      cardLabels={[null, ...labels.slice(1), null]}
      className="placement-board"
      headers={
        <>
          {labels.map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
          {canAssign && (
            <th scope="col">
              <span className="sr-only">{t("actions")}</span>
            </th>
          )}
        </>
      }
    >
      {rows.map((row) => (
        <tr key={row.id} className={row.withdrawn ? "text-slate-600" : undefined} data-testid="board-row">
          <th scope="row">
            <Link href={`/placements/${row.id}`}>{row.name}</Link>
            {row.chineseName && <span lang="zh">{row.chineseName}</span>}
            {row.staffNumber && <small data-testid="staff-number">{row.staffNumber}</small>}
          </th>
          <td>
            {row.rank}
            <small>{row.department}</small>
          </td>
          <td>{row.hostUnit ?? t("notAssigned")}</td>
          <td>{row.post ?? "—"}</td>
          <td>{row.field ?? "—"}</td>
          <td>
            <span>{`${row.start} –`}</span> <span>{row.end}</span>
          </td>
          <td>
            <span data-status={row.status} data-testid="placement-status">
              {statusLabels[row.status]}
            </span>
          </td>
          <td>{approval(row.sendingApproved, row.withdrawn)}</td>
          <td>{approval(row.hostApproved, row.withdrawn)}</td>
          {canAssign && (
            <td>
              {row.action && (
                <Link href={`/placements/${row.id}#assign-heading`} aria-label={t(row.action === "assign" ? "assignOfficer" : "changeAssignmentOf", { name: row.name })}>
                  {t(row.action)}
                </Link>
              )}
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
