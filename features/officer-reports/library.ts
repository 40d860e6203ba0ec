import "server-only";
import { sql, expressionBuilder, type Expression, type SqlBool } from "kysely";
import { db } from "@/lib/db";
import type { DB } from "@/generated/kysely/types";
import type { Prisma } from "@/generated/prisma/client";
import { hasPermission, type Actor } from "@/lib/authorization";
import { foldHanScript } from "@/lib/han-folding";
import { prismaFragment, runQuery, sqlBuilder } from "@/lib/kysely";
import { isInScope, scopeSql, scopeWhere } from "@/lib/scopes";
import { formatOfficerName } from "@/features/officers/names";
import { containsPattern } from "@/lib/sql-search";
import type { TrilingualName } from "@/lib/i18n/locales";
import { outcomePageSize, outcomeSearchTerms, type OutcomeSearch } from "./library-params";
import { reportSections, shareableFlag, type ReportSection } from "./schemas";

// The outcomes library (decision 094): the shareable sections of accepted final reports (the latest accepted
// revision of each), for the placements the reader's "outcome" scope covers. Only shareable text is returned and
// only shareable text is searched, so a search can never reveal a sending-side-only section. Words match in any
// Chinese script: both the text and the words are folded with fold_han_script / foldHanScript (decision 061).

type Tables = DB & { r: DB["OfficerReport"]; p: DB["Placement"]; c: DB["Cohort"] };

/** The shareable text of a report, folded and lower-cased, as one SQL expression. */
const sharedText = sql<string>`lower(fold_han_script(concat_ws(' ', ${sql.join(
  reportSections.map((section) => sql`CASE WHEN r.${sql.ref(shareableFlag(section))} THEN r.${sql.ref(section)} END`),
)})))`;

function libraryCondition(actor: Actor, search: Omit<OutcomeSearch, "page">): Expression<SqlBool> {
  const eb = expressionBuilder<Tables, "r" | "p" | "c">();
  const conditions: Expression<SqlBool>[] = [
    eb("r.kind", "=", sql.lit("FINAL")),
    eb("r.status", "=", sql.lit("ACCEPTED")),
    // The latest accepted revision only.
    eb.not(
      eb.exists(
        eb
          .selectFrom("OfficerReport as n")
          .select(sql.lit(1).as("one"))
          .whereRef("n.placementId", "=", "r.placementId")
          .where("n.kind", "=", sql.lit("FINAL"))
          .where("n.status", "=", sql.lit("ACCEPTED"))
          .whereRef("n.revision", ">", "r.revision"),
      ),
    ),
    eb.or(reportSections.map((section) => eb(`r.${shareableFlag(section)}`, "=", true))),
    prismaFragment<SqlBool>(scopeSql("outcome", actor, { Placement: "p", Cohort: "c" })),
  ];
  if (search.cohort) conditions.push(eb("p.cohortId", "=", search.cohort));
  if (search.hostUnit) conditions.push(eb("p.hostUnitId", "=", search.hostUnit));
  if (search.field) conditions.push(eb("p.fieldId", "=", search.field));
  for (const term of outcomeSearchTerms(search.q)) conditions.push(eb(sharedText, "like", containsPattern(foldHanScript(term).toLowerCase())));
  return eb.and(conditions);
}

const fromLibrary = () => sqlBuilder.selectFrom("OfficerReport as r").innerJoin("Placement as p", "p.id", "r.placementId").innerJoin("Cohort as c", "c.id", "p.cohortId");

export interface OutcomeEntry {
  id: string;
  placementId: string;
  acceptedAt: Date | null;
  cohort: TrilingualName & { id: string };
  hostUnit: (TrilingualName & { id: string }) | null;
  field: (TrilingualName & { id: string }) | null;
  postTitle: string | null;
  sections: { name: ReportSection; text: string }[];
}

export interface OutcomePage {
  entries: OutcomeEntry[];
  total: number;
  page: number;
  pageCount: number;
}

const names = { nameEn: true, nameZhHant: true, nameZhHans: true } as const;

const entryInclude = {
  placement: {
    select: {
      postTitle: true,
      cohort: { select: { id: true, ...names } },
      hostUnit: { select: { id: true, ...names } },
      field: { select: { id: true, ...names } },
    },
  },
} as const;

type EntryRow = Prisma.OfficerReportGetPayload<{ include: typeof entryInclude }>;

/** A report row as a library entry: only its shareable sections leave this module. */
function toEntry(row: EntryRow): OutcomeEntry {
  return {
    id: row.id,
    placementId: row.placementId,
    acceptedAt: row.acceptedAt,
    cohort: row.placement.cohort,
    hostUnit: row.placement.hostUnit,
    field: row.placement.field,
    postTitle: row.placement.postTitle,
    sections: reportSections.filter((section) => row[shareableFlag(section)]).map((section) => ({ name: section, text: row[section] })),
  };
}

/** The ids of the entries a search finds, newest accepted first; with `page`, one page of them. */
function findEntryIds(condition: Expression<SqlBool>, page?: { size: number; number: number }): Promise<{ id: string }[]> {
  let query = fromLibrary().select("r.id").where(condition).orderBy("r.acceptedAt", "desc").orderBy("r.id");
  if (page) query = query.limit(page.size).offset((page.number - 1) * page.size);
  return runQuery(query);
}

/** One page of the library. */
export async function findOutcomes(actor: Actor, search: OutcomeSearch): Promise<OutcomePage> {
  if (!hasPermission(actor, "outcome:view")) return { entries: [], total: 0, page: 1, pageCount: 1 };
  const condition = libraryCondition(actor, search);
  const [{ total }] = await runQuery(fromLibrary().select(sql<number>`count(*)::int`.as("total")).where(condition));
  const pageCount = Math.max(1, Math.ceil(total / outcomePageSize));
  const page = Math.min(search.page, pageCount);
  const ids = await findEntryIds(condition, { size: outcomePageSize, number: page });
  const rows = await db.officerReport.findMany({ where: { id: { in: ids.map((row) => row.id) } }, include: entryInclude });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const entries = ids.flatMap(({ id }) => {
    const row = byId.get(id);
    return row ? [toEntry(row)] : [];
  });
  return { entries, total, page, pageCount };
}

// ---- digest: the library of one cohort as a PDF (decision 114) ----

/** A digest entry: the library entry, the placement's period, and the officer as the reader may see them. */
export interface OutcomeDigestEntry extends OutcomeEntry {
  startDate: Date;
  endDate: Date;
  /**
   * Null when the placement is outside the reader's "placement" scope (an officer reading other officers' reports);
   * the staff number only where the "staffNumber" field rule allows it (never for the host side).
   */
  officer: { name: string; chineseName: string | null; staffNumber: string | null } | null;
}

/**
 * The ids of every entry a search finds (the digest of a cohort), newest accepted first, with the same condition as
 * the library page. Only ids are held: the digest reads the rows in batches by them (readOutcomeDigestEntries).
 */
export async function findOutcomeIds(actor: Actor, search: Omit<OutcomeSearch, "page">): Promise<string[]> {
  if (!hasPermission(actor, "outcome:view")) return [];
  return (await findEntryIds(libraryCondition(actor, search))).map((row) => row.id);
}

const digestInclude = {
  placement: {
    select: {
      ...entryInclude.placement.select,
      officerId: true,
      hostUnitId: true,
      startDate: true,
      endDate: true,
      cohort: { select: { id: true, ...names, sendingJurisdictionId: true, hostJurisdictionId: true } },
      officer: { select: { surname: true, givenName: true, otherName: true, chineseName: true, staffNumber: true, jurisdiction: { select: { kind: true } } } },
    },
  },
} as const;

/**
 * The entries of `ids` (from findOutcomeIds), read `batchSize` at a time in the order given, so a large cohort is
 * never in memory at once. The reader's "outcome" scope is applied again, so ids from elsewhere reveal nothing.
 */
export async function* readOutcomeDigestEntries(actor: Actor, ids: string[], batchSize = 20): AsyncGenerator<OutcomeDigestEntry> {
  if (!hasPermission(actor, "outcome:view")) return;
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    const rows = await db.officerReport.findMany({ where: { id: { in: batch }, placement: scopeWhere("outcome", actor) }, include: digestInclude });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of batch) {
      const row = byId.get(id);
      if (!row) continue;
      const { placement } = row;
      const officer = isInScope("placement", actor, placement)
        ? {
            name: formatOfficerName(placement.officer),
            chineseName: placement.officer.chineseName,
            staffNumber: isInScope("staffNumber", actor, placement) ? placement.officer.staffNumber : null,
          }
        : null;
      yield { ...toEntry(row), startDate: placement.startDate, endDate: placement.endDate, officer };
    }
  }
}

export interface OutcomeFilterOptions {
  cohorts: (TrilingualName & { id: string })[];
  hostUnits: (TrilingualName & { id: string })[];
  fields: (TrilingualName & { id: string })[];
}

/** The cohorts, host units and fields that have entries the reader can find, for the filter menus. */
export async function findOutcomeFilterOptions(actor: Actor): Promise<OutcomeFilterOptions> {
  if (!hasPermission(actor, "outcome:view")) return { cohorts: [], hostUnits: [], fields: [] };
  const placements = await runQuery(fromLibrary().select(["p.cohortId", "p.hostUnitId", "p.fieldId"]).distinct().where(libraryCondition(actor, { q: undefined })));
  const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null))];
  const [cohorts, hostUnits, fields] = await Promise.all([
    db.cohort.findMany({ where: { id: { in: unique(placements.map((row) => row.cohortId)) } }, select: { id: true, ...names }, orderBy: { startDate: "desc" } }),
    db.hostUnit.findMany({ where: { id: { in: unique(placements.map((row) => row.hostUnitId)) } }, select: { id: true, ...names }, orderBy: { nameEn: "asc" } }),
    db.field.findMany({ where: { id: { in: unique(placements.map((row) => row.fieldId)) } }, select: { id: true, ...names }, orderBy: { sortOrder: "asc" } }),
  ]);
  return { cohorts, hostUnits, fields };
}
