"use client";

import Link from "next/link";
import { useTranslations } from "@/lib/i18n/client";
import { DataTable } from "@/components/data-table";
import "./placement-board.css";
import type { PlacementDisplayStatus } from "../display-status";
import { decodeBoardRows, type EncodedBoardRows } from "../board-rows";

interface PlacementBoardTableProps {
  /** The rows as plain, already-translated values, compactly encoded (board-rows.ts, decision 050). */
  encodedRows: EncodedBoardRows;
  /** The status names, once for the page rather than once per row. */
  statusLabels: Record<PlacementDisplayStatus, string>;
  /** The viewer assigns host units (host side of this cohort): the action column is shown. */
  canAssign: boolean;
}

/**
 * The board's table. Rendered from plain values on purpose: a server-rendered row travels twice (as HTML and again as
 * React's element tree in the page's payload), a client row as HTML plus its few texts (decision 050).
 */
export function PlacementBoardTable({ encodedRows, statusLabels, canAssign }: PlacementBoardTableProps) {
  const t = useTranslations("board");
  const rows = decodeBoardRows(encodedRows);
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
        <tr key={row.id} className={row.status === "WITHDRAWN" ? "text-slate-600" : undefined} data-testid="board-row">
          <th scope="row">
            <Link prefetch={false} href={`/placements/${row.id}`}>{row.name}</Link>
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
            <span data-status={row.status}>{statusLabels[row.status]}</span>
          </td>
          <td>{approval(row.sendingApproved, row.status === "WITHDRAWN")}</td>
          <td>{approval(row.hostApproved, row.status === "WITHDRAWN")}</td>
          {canAssign && (
            <td>
              {row.action && (
                <Link prefetch={false} href={`/placements/${row.id}#assign-heading`} aria-label={t(row.action === "assign" ? "assignOfficer" : "changeAssignmentOf", { name: row.name })}>
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
