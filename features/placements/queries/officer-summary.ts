import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { formatOfficerName } from "@/features/officers/names";
import { canSeeStaffNumber } from "@/lib/scopes";
import { Prisma } from "@/generated/prisma/client";
import type { TrilingualName } from "@/lib/i18n/locales";
import { trilingualNameSelect } from "@/lib/i18n/locales";

/** Of an officer, what every side that sees the placement may see; the staff number is added only for those allowed. */
export const officerSelect = {
  id: true,
  surname: true,
  givenName: true,
  otherName: true,
  jurisdiction: { select: { kind: true } },
  chineseName: true,
  workEmail: true,
  rank: { select: trilingualNameSelect },
  department: { select: trilingualNameSelect },
  fields: { select: { field: { select: { id: true, sortOrder: true, ...trilingualNameSelect } } } },
} as const;

export interface OfficerSummary {
  id: string;
  name: string;
  chineseName: string | null;
  rank: TrilingualName;
  department: TrilingualName;
  fields: (TrilingualName & { id: string })[];
  workEmail: string;
  /** Null whenever the viewer may not see it (the host side, supervisors). */
  staffNumber: string | null;
}

type OfficerRow = Prisma.OfficerGetPayload<{ select: typeof officerSelect }>;

export function toOfficerSummary(officer: OfficerRow, staffNumber: string | null): OfficerSummary {
  return {
    id: officer.id,
    name: formatOfficerName(officer),
    chineseName: officer.chineseName,
    rank: officer.rank,
    department: officer.department,
    fields: [...officer.fields].sort((a, b) => a.field.sortOrder - b.field.sortOrder).map(({ field }) => field),
    workEmail: officer.workEmail,
    staffNumber,
  };
}

/** Staff numbers of these officers, read only when the viewer may see them. */
export async function staffNumbersFor(actor: Actor, placements: { officerId: string; hostUnitId: string | null; cohort: { sendingJurisdictionId: string; hostJurisdictionId: string } }[]) {
  const allowed = placements.filter((placement) => canSeeStaffNumber(actor, placement)).map((placement) => placement.officerId);
  if (allowed.length === 0) return new Map<string, string>();
  const rows = await db.officer.findMany({ where: { id: { in: allowed } }, select: { id: true, staffNumber: true } });
  return new Map(rows.map((row) => [row.id, row.staffNumber]));
}
