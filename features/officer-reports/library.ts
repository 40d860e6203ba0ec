import "server-only";
import { sql, expressionBuilder, type Expression, type SqlBool } from "kysely";
import { db } from "@/lib/db";
import type { DB } from "@/generated/kysely/types";
import { hasPermission, type Actor } from "@/lib/authorization";
import { foldHanScript } from "@/lib/han-folding";
import { prismaFragment, runQuery, sqlBuilder } from "@/lib/kysely";
import { scopeSql } from "@/lib/scopes";
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

/** One page of the library (or, with `all`, every entry: the PDF digest of a cohort). */
export async function findOutcomes(actor: Actor, search: OutcomeSearch, options: { all?: boolean } = {}): Promise<OutcomePage> {
  if (!hasPermission(actor, "outcome:view")) return { entries: [], total: 0, page: 1, pageCount: 1 };
  const condition = libraryCondition(actor, search);
  const [{ total }] = await runQuery(fromLibrary().select(sql<number>`count(*)::int`.as("total")).where(condition));
  const pageSize = options.all ? Math.max(total, 1) : outcomePageSize;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = options.all ? 1 : Math.min(search.page, pageCount);
  const ids = await runQuery(
    fromLibrary()
      .select("r.id")
      .where(condition)
      .orderBy("r.acceptedAt", "desc")
      .orderBy("r.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  );
  const rows = await db.officerReport.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    include: {
      placement: {
        select: {
          postTitle: true,
          cohort: { select: { id: true, ...names } },
          hostUnit: { select: { id: true, ...names } },
          field: { select: { id: true, ...names } },
        },
      },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const entries = ids.flatMap(({ id }) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        placementId: row.placementId,
        acceptedAt: row.acceptedAt,
        cohort: row.placement.cohort,
        hostUnit: row.placement.hostUnit,
        field: row.placement.field,
        postTitle: row.placement.postTitle,
        sections: reportSections.filter((section) => row[shareableFlag(section)]).map((section) => ({ name: section, text: row[section] })),
      },
    ];
  });
  return { entries, total, page, pageCount };
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
