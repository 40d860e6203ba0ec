import "server-only";
import { PassThrough } from "node:stream";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { hasPermission, type Actor } from "@/lib/authorization";
import { formatDateOnly, parseDateOnly, todayInHongKong } from "@/lib/dates";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { formatCalendarDate, formatDateTime } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import type { RequestContext } from "@/lib/request-context";
import { scopeWhere } from "@/lib/scopes";
import { webStreamFrom } from "@/lib/web-stream";
import { findOutcomeFilterOptions, findOutcomeIds, readOutcomeDigestEntries, type OutcomeDigestEntry } from "@/features/officer-reports/library";
import type { OutcomeSearch } from "@/features/officer-reports/library-params";
import { ExportsBusyError, exportSlots, translatorFor } from "@/features/reports/export-service";
import { resolvePdfFonts } from "@/features/reports/export/font";
import { writeOutcomesDigestPdf, type DigestDocument, type DigestEntryContent } from "./pdf";

// The outcomes library of one cohort as a PDF digest (decision 114): the library's own query (findOutcomeIds /
// readOutcomeDigestEntries in features/officer-reports/library.ts) decides which reports and which sections, so
// the digest and the page cannot disagree; audited as an export before the first byte leaves.

export type DigestSearch = Omit<OutcomeSearch, "page">;

export interface DigestReader extends Actor {
  locale: AppLocale;
}

export interface OutcomesDigest {
  cohort: { id: string; code: string };
  search: DigestSearch;
  reportIds: string[];
  filename: string;
  document: DigestDocument;
}

/** A cohort must be chosen: the digest is per cohort. */
export class DigestCohortRequiredError extends Error {
  constructor() {
    super("The outcomes digest needs a cohort.");
    this.name = "DigestCohortRequiredError";
  }
}

const names = { nameEn: true, nameZhHant: true, nameZhHans: true } as const;

/**
 * What the digest of a cohort holds for this reader. The cohort must be one the reader's "outcome" scope reaches
 * (a placement of it in scope), else NotFoundError, as for a record of the other side.
 */
export async function prepareOutcomesDigest(reader: DigestReader, search: DigestSearch, options: { now?: Date } = {}): Promise<OutcomesDigest> {
  if (!hasPermission(reader, "outcome:view")) throw new ForbiddenError();
  if (!search.cohort) throw new DigestCohortRequiredError();
  const cohort = await db.cohort.findFirst({
    where: { id: search.cohort, placements: { some: scopeWhere("outcome", reader) } },
    select: { id: true, code: true, ...names },
  });
  if (!cohort) throw new NotFoundError();
  const [reportIds, options_] = await Promise.all([findOutcomeIds(reader, search), findOutcomeFilterOptions(reader)]);

  const { locale } = reader;
  // A missing CJK font fails here, as an error answer with a request id, not as a download broken after it began.
  resolvePdfFonts(locale);
  const t = translatorFor(locale, "outcomesDigest");
  const reports = translatorFor(locale, "officerReports");
  const now = options.now ?? new Date();
  const line = (label: string, value: string) => t("filterLine", { label, value });
  const optionName = (choices: { id: string; nameEn: string; nameZhHant: string; nameZhHans: string }[], id: string | undefined) => {
    const choice = id ? choices.find((candidate) => candidate.id === id) : undefined;
    return choice ? localizedName(choice, locale) : "—";
  };
  const filterLines = [line(t("filters.cohort"), `${cohort.code} — ${localizedName(cohort, locale)}`)];
  if (search.hostUnit) filterLines.push(line(t("filters.hostUnit"), optionName(options_.hostUnits, search.hostUnit)));
  if (search.field) filterLines.push(line(t("filters.field"), optionName(options_.fields, search.field)));
  if (search.q) filterLines.push(line(t("filters.words"), search.q));

  const content = (entry: OutcomeDigestEntry): DigestEntryContent => {
    const details: string[] = [];
    if (entry.officer) {
      const officer = [entry.officer.name, entry.officer.chineseName && `(${entry.officer.chineseName})`].filter(Boolean).join(" ");
      const staffNumber = entry.officer.staffNumber ? `, ${t("staffNumber", { number: entry.officer.staffNumber })}` : "";
      details.push(line(t("officer"), `${officer}${staffNumber}`));
    }
    if (entry.hostUnit) details.push(line(t("hostUnit"), localizedName(entry.hostUnit, locale)));
    if (entry.field) details.push(line(t("field"), localizedName(entry.field, locale)));
    details.push(line(t("period"), `${formatCalendarDate(entry.startDate, locale)} – ${formatCalendarDate(entry.endDate, locale)}`));
    if (entry.acceptedAt) details.push(line(t("accepted"), formatCalendarDate(entry.acceptedAt, locale)));
    return {
      heading: [entry.hostUnit && localizedName(entry.hostUnit, locale), entry.postTitle].filter(Boolean).join(" — ") || localizedName(entry.cohort, locale),
      details,
      sections: entry.sections.map((section) => ({ label: reports(`sections.${section.name}.label`), markdown: section.text })),
    };
  };

  const title = t("title", { cohort: localizedName(cohort, locale) });
  const today = parseDateOnly(todayInHongKong(now));
  return {
    cohort: { id: cohort.id, code: cohort.code },
    search,
    reportIds,
    filename: `outcomes-digest-${cohort.code.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}-${formatDateOnly(today)}.pdf`,
    document: {
      locale,
      title,
      preamble: [...filterLines, t("generated", { when: formatDateTime(now, locale), name: reader.name }), t("count", { count: reportIds.length })],
      labels: { contents: t("contents"), noReports: t("noReports"), page: t.raw("page") as string },
      author: reader.name,
      generatedAt: now,
      entries: async function* () {
        for await (const entry of readOutcomeDigestEntries(reader, reportIds)) yield content(entry);
      },
    },
  };
}

/** One audit entry per digest, written before the first byte leaves (as the placement report's exports). */
export async function recordOutcomesDigestExport(reader: Actor, request: RequestContext, digest: OutcomesDigest): Promise<void> {
  const filters = Object.fromEntries(Object.entries(digest.search).filter(([, value]) => value !== undefined && value !== ""));
  await writeAudit(db, reader, request, {
    action: "outcomeDigest.export",
    entityType: "Cohort",
    entityId: digest.cohort.id,
    after: { format: "pdf", filters, rowCount: digest.reportIds.length, filename: digest.filename },
  });
}

/**
 * The digest as a byte stream, produced as fast as the client reads it, with its audit entry written first (if that
 * fails, nothing is sent). Shares the placement report's export slots (ExportsBusyError when none is free).
 */
export async function auditedOutcomesDigestStream(reader: Actor, request: RequestContext, digest: OutcomesDigest): Promise<ReadableStream<Uint8Array>> {
  const release = exportSlots.take();
  if (!release) throw new ExportsBusyError();
  try {
    await recordOutcomesDigestExport(reader, request, digest);
    const output = new PassThrough();
    output.once("close", release);
    writeOutcomesDigestPdf(digest.document, output).catch((error: unknown) => {
      const { code, name } = (error ?? {}) as { code?: string; name?: string };
      if (code === "ERR_STREAM_PREMATURE_CLOSE" || name === "AbortError") logger.info("outcomes digest ended early by the client", { requestId: request.requestId });
      else logger.error("outcomes digest failed", { requestId: request.requestId, error });
    });
    return webStreamFrom(output);
  } catch (error) {
    release();
    throw error;
  }
}
