import type { PlacementDisplayStatus } from "./display-status";

// Importable by client components: no server-only imports here.

/** One board row, already in the reader's language. */
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
  sendingApproved: boolean;
  hostApproved: boolean;
  /** The host side's assign link, when this viewer assigns and the placement is not withdrawn. */
  action: "assign" | "change" | null;
}

/** A row as sent to the browser: the texts that repeat from row to row (ranks, units, the cohort's dates) by index. */
export type BoardRowTuple = [
  id: string,
  name: string,
  chineseName: string | null,
  staffNumber: string | null,
  rank: number,
  department: number,
  hostUnit: number,
  post: number,
  field: number,
  start: number,
  end: number,
  status: PlacementDisplayStatus,
  approvals: number,
  action: number,
];

/**
 * The board's rows in the page's payload (decision 050): each distinct text once in `texts`, rows as tuples that
 * point into it. A board's 25 rows mostly share their dates, ranks, departments and host units, and the payload
 * carries every row a second time after the HTML; as objects of strings they were a fifth of the page.
 */
export interface EncodedBoardRows {
  texts: string[];
  rows: BoardRowTuple[];
}

const actions = [null, "assign", "change"] as const;
const sendingApproved = 1;
const hostApproved = 2;

export function encodeBoardRows(rows: BoardRowView[]): EncodedBoardRows {
  const texts: string[] = [];
  const indexes = new Map<string, number>();
  const text = (value: string | null): number => {
    if (value === null) return -1;
    let index = indexes.get(value);
    if (index === undefined) {
      index = texts.push(value) - 1;
      indexes.set(value, index);
    }
    return index;
  };
  return {
    texts,
    rows: rows.map((row) => [
      row.id,
      row.name,
      row.chineseName,
      row.staffNumber,
      text(row.rank),
      text(row.department),
      text(row.hostUnit),
      text(row.post),
      text(row.field),
      text(row.start),
      text(row.end),
      row.status,
      (row.sendingApproved ? sendingApproved : 0) | (row.hostApproved ? hostApproved : 0),
      actions.indexOf(row.action),
    ]),
  };
}

export function decodeBoardRows({ texts, rows }: EncodedBoardRows): BoardRowView[] {
  const text = (index: number) => (index < 0 ? null : texts[index]);
  return rows.map(([id, name, chineseName, staffNumber, rank, department, hostUnit, post, field, start, end, status, approvals, action]) => ({
    id,
    name,
    chineseName,
    staffNumber,
    rank: texts[rank],
    department: texts[department],
    hostUnit: text(hostUnit),
    post: text(post),
    field: text(field),
    start: texts[start],
    end: texts[end],
    status,
    sendingApproved: (approvals & sendingApproved) !== 0,
    hostApproved: (approvals & hostApproved) !== 0,
    action: actions[action] ?? null,
  }));
}
