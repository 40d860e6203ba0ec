import "server-only";
import { PassThrough } from "node:stream";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { writeAudit } from "@/lib/audit";
import { hasPermission, type Actor } from "@/lib/authorization";
import { formatDateOnly, parseDateOnly, todayInHongKong } from "@/lib/dates";
import { formatCalendarDate } from "@/lib/i18n/format";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { logger } from "@/lib/logger";
import { webStreamFrom } from "@/lib/web-stream";
import type { RequestContext } from "@/lib/request-context";
import { spreadsheetCsv } from "./export/csv";
import { PDF_MAX_ROWS, writePlacementPdf } from "./export/pdf";
import { openReportCsv, openReportSheet, type ReportCopyOptions } from "./export/report-copy";
import type { ExportColumn, ExportMeta, PlacementReportRow } from "./export/types";
import { writePlacementXlsx } from "./export/xlsx";
import { findReportColumnChoice } from "./column-choice";
import { countReportRecords, findReportCohort, mayIncludeSendingSideFields, streamReportRecords, type ReportCohort } from "./queries";
import { createRowFormatter, formatRecords, reportColumns, type ReportTexts } from "./rows";
import { displayStatuses, type PlacementDisplayStatus } from "@/features/placements/display-status";
import { filtersToSearchParams, type ExportFormat, type ReportFilters } from "./schemas";

export const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/**
 * Exports producing at once in one server process. Each holds a database connection of its own (CSV, XLSX) or reads
 * rows in batches (PDF) until its last byte is handed on, which for a large export is as long as its client takes
 * to download; past this, a reader is asked to try again.
 */
export const MAX_CONCURRENT_EXPORTS = env().EXPORT_CONCURRENCY_LIMIT;

class ExportSlots {
  inUse = 0;
  constructor(readonly size: number) {}
  /** A release function, or null when every slot is taken. Releasing twice frees one slot. */
  take(): (() => void) | null {
    if (this.inUse >= this.size) return null;
    this.inUse += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse -= 1;
    };
  }
}

export const exportSlots = new ExportSlots(MAX_CONCURRENT_EXPORTS);

/** Every export slot is taken (MAX_CONCURRENT_EXPORTS). */
export class ExportsBusyError extends Error {
  constructor() {
    super(`${MAX_CONCURRENT_EXPORTS} exports are already running.`);
    this.name = "ExportsBusyError";
  }
}

/** A PDF is for reading and printing; above PDF_MAX_ROWS the reader is pointed to CSV or XLSX. */
export class ReportTooLargeForPdfError extends Error {
  constructor(readonly rowCount: number) {
    super(`The report has ${rowCount} rows; PDF exports are limited to ${PDF_MAX_ROWS}.`);
    this.name = "ReportTooLargeForPdfError";
  }
}

export interface PlacementExport {
  format: ExportFormat;
  filename: string;
  contentType: string;
  columns: ExportColumn[];
  meta: ExportMeta;
  /** The rows in the report, counted while the export starts; the audit entry records this number. */
  rowCount: Promise<number>;
  filters: ReportFilters;
  /** What PostgreSQL needs to write the CSV and XLSX rows itself. */
  copy: ReportCopyOptions;
  /** A fresh pass over the rows, read from the database in batches while they are written (the PDF). */
  rows(): AsyncIterable<PlacementReportRow>;
}

export interface ExportReader extends Actor {
  locale: AppLocale;
}

export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  raw(key: string): unknown;
}

/** A translator outside React (route handlers, exports): the catalogs are untyped here, so keys are plain strings. */
export function translatorFor(locale: AppLocale, namespace: string): Translate {
  return createTranslator({ locale, messages: loadMessages(locale), namespace }) as unknown as Translate;
}

export function reportTexts(locale: AppLocale): ReportTexts & { translate: Translate } {
  const t = translatorFor(locale, "reports");
  const status = translatorFor(locale, "status.placement");
  const statuses = Object.fromEntries(displayStatuses.map((key) => [key, status(key)])) as Record<PlacementDisplayStatus, string>;
  return {
    translate: t,
    headers: {
      cohortCode: t("columns.cohortCode"),
      cohortName: t("columns.cohortName"),
      officerNameEn: t("columns.officerName"),
      officerNameZh: t("columns.chineseName"),
      staffNumber: t("columns.staffNumber"),
      rank: t("columns.rank"),
      homeDepartment: t("columns.homeDepartment"),
      hostUnit: t("columns.hostUnit"),
      post: t("columns.post"),
      field: t("columns.field"),
      startDate: t("columns.startDate"),
      endDate: t("columns.endDate"),
      status: t("columns.status"),
      sendingApproval: t("columns.sendingApproval"),
      hostApproval: t("columns.hostApproval"),
    },
    statuses,
    approvedBy: t.raw("approvedBy") as string,
  };
}

/**
 * The filters of a report as "Label: value" lines in the reader's language, for the PDF's title block: always the
 * cohort (or "All cohorts"), then each other filter that is set. Reference names are looked up by id (names only).
 */
export async function reportFilterSummary(filters: ReportFilters, cohort: ReportCohort | null, locale: AppLocale): Promise<string[]> {
  const t = translatorFor(locale, "reports");
  const status = translatorFor(locale, "status.placement");
  const line = (label: string, value: string) => t("pdf.filterLine", { label, value });
  const named = async (lookup: Promise<{ nameEn: string; nameZhHant: string; nameZhHans: string } | null>) => {
    const record = await lookup;
    return record ? localizedName(record, locale) : "—";
  };
  const names = { nameEn: true, nameZhHant: true, nameZhHans: true } as const;
  const [hostUnit, department, field] = await Promise.all([
    filters.hostUnit ? named(db.hostUnit.findUnique({ where: { id: filters.hostUnit }, select: names })) : null,
    filters.department ? named(db.department.findUnique({ where: { id: filters.department }, select: names })) : null,
    filters.field ? named(db.field.findUnique({ where: { id: filters.field }, select: names })) : null,
  ]);
  const lines = [line(t("filters.cohort"), cohort ? `${cohort.code} — ${localizedName(cohort, locale)}` : t("filters.anyCohort"))];
  if (filters.status) lines.push(line(t("filters.status"), status(filters.status)));
  if (hostUnit) lines.push(line(t("filters.hostUnit"), hostUnit));
  if (department) lines.push(line(t("filters.department"), department));
  if (field) lines.push(line(t("filters.field"), field));
  if (filters.from || filters.to) {
    const day = (value: string | undefined) => (value ? formatCalendarDate(parseDateOnly(value), locale) : "…");
    lines.push(line(t("filters.dateRange"), `${day(filters.from)} – ${day(filters.to)}`));
  }
  return lines;
}

function exportFilename(cohort: ReportCohort | null, today: Date, format: ExportFormat): string {
  const cohortPart = cohort ? `-${cohort.code.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}` : "";
  return `placement-report${cohortPart}-${formatDateOnly(today)}.${format}`;
}

export interface PrepareExportOptions {
  today?: Date;
  now?: Date;
  batchSize?: number;
}

/**
 * Decides what an export of the placement report holds for this reader: the rows its scope allows, the columns its
 * side may see (a host-side or mixed export never has the staff number), headers in the reader's language, and the
 * file name. Throws ForbiddenError, NotFoundError (a cohort outside the reader's scope) or ReportTooLargeForPdfError.
 */
export async function preparePlacementExport(
  reader: ExportReader,
  filters: ReportFilters,
  format: ExportFormat,
  options: PrepareExportOptions = {},
): Promise<PlacementExport> {
  if (!hasPermission(reader, "report:export")) throw new ForbiddenError();
  const cohort = filters.cohort ? await findReportCohort(reader, filters.cohort) : null;
  if (filters.cohort && !cohort) throw new NotFoundError();
  const rowCount = countReportRecords(reader, filters);
  rowCount.catch(() => {}); // awaited by whoever records the export; a failure must not count as unhandled before then
  const [includeStaffNumber, chosenColumns, filterSummary] = await Promise.all([
    mayIncludeSendingSideFields(reader, filters),
    findReportColumnChoice(reader),
    reportFilterSummary(filters, cohort, reader.locale),
  ]);
  if (format === "pdf" && (await rowCount) > PDF_MAX_ROWS) throw new ReportTooLargeForPdfError(await rowCount);

  const now = options.now ?? new Date();
  const today = options.today ?? parseDateOnly(todayInHongKong(now));
  const texts = reportTexts(reader.locale);
  const t = texts.translate;
  const format_ = createRowFormatter(texts, reader.locale, today, includeStaffNumber);
  const columns = reportColumns(texts, includeStaffNumber, chosenColumns);
  return {
    format,
    filename: exportFilename(cohort, today, format),
    contentType: contentTypes[format],
    columns,
    meta: {
      title: cohort ? `${t("exportTitle")} — ${localizedName(cohort, reader.locale)}` : t("exportTitle"),
      generatedAt: now,
      generatedBy: reader.name,
      locale: reader.locale,
      filterSummary,
      labels: { page: t.raw("pdf.page") as string, generatedAt: t("pdf.generatedAt"), generatedBy: t("pdf.generatedBy"), noRows: t("empty") },
    },
    rowCount,
    filters,
    copy: { actor: reader, filters, locale: reader.locale, texts, columns, today },
    rows: () => formatRecords(streamReportRecords(reader, filters, reader.locale, options.batchSize), format_),
  };
}

/** One audit entry per export, written before the first byte leaves, so even an interrupted download is on record. */
export async function recordPlacementExport(reader: Actor, request: RequestContext, placementExport: PlacementExport): Promise<void> {
  await writeAudit(db, reader, request, {
    action: "report.export",
    entityType: "PlacementReport",
    entityId: placementExport.filters.cohort ?? null,
    after: {
      format: placementExport.format,
      filters: Object.fromEntries(filtersToSearchParams(placementExport.filters)),
      rowCount: await placementExport.rowCount,
      columns: placementExport.columns.map((column) => column.key),
      filename: placementExport.filename,
    },
  });
}

/**
 * The export as a byte stream that is produced only as fast as the client reads it. CSV and XLSX rows come straight
 * from PostgreSQL (COPY); the PDF is laid out from rows read in batches. Resolves once the database connection is
 * open, so a failure to start is an error response, not a broken download.
 */
export async function placementExportStream(placementExport: PlacementExport, requestId: string, onClose?: () => void): Promise<ReadableStream<Uint8Array>> {
  const { format, columns, meta } = placementExport;
  if (format === "csv") {
    const csv = spreadsheetCsv(await openReportCsv(placementExport.copy));
    if (onClose) csv.once("close", onClose);
    return webStreamFrom(csv);
  }
  const output = new PassThrough();
  if (onClose) output.once("close", onClose);
  let written: Promise<void>;
  if (format === "xlsx") {
    const sheet = await openReportSheet(placementExport.copy);
    written = writePlacementXlsx(sheet.rows, columns, meta, output, sheet.sharedStrings);
  } else {
    written = writePlacementPdf(placementExport.rows(), columns, meta, output);
  }
  written.catch((error: unknown) => {
    // The writer has already destroyed the output; a client that went away is not worth more than a note.
    const { code, name } = (error ?? {}) as { code?: string; name?: string };
    const aborted = code === "ERR_STREAM_PREMATURE_CLOSE" || name === "AbortError";
    if (aborted) logger.info("report export ended early by the client", { requestId, format });
    else logger.error("report export failed", { requestId, format, error });
  });
  return webStreamFrom(output);
}

/**
 * The export's byte stream with its audit entry written, and the number of rows: the database connection opens and
 * the COPY starts while the rows are counted and the entry is written, but the stream is handed out only once the
 * entry is written. If writing it fails, the stream is cancelled and nothing is sent. Takes one of the
 * MAX_CONCURRENT_EXPORTS slots until the stream ends, fails or is cancelled (ExportsBusyError when none is free).
 */
export async function auditedPlacementExportStream(
  reader: Actor,
  request: RequestContext,
  placementExport: PlacementExport,
): Promise<{ stream: ReadableStream<Uint8Array>; rowCount: number }> {
  const release = exportSlots.take();
  if (!release) throw new ExportsBusyError();
  try {
    const [audit, stream] = await Promise.allSettled([
      recordPlacementExport(reader, request, placementExport),
      placementExportStream(placementExport, request.requestId, release),
    ]);
    if (audit.status === "rejected") {
      if (stream.status === "fulfilled") await stream.value.cancel().catch(() => {});
      throw audit.reason;
    }
    if (stream.status === "rejected") throw stream.reason;
    return { stream: stream.value, rowCount: await placementExport.rowCount };
  } catch (error) {
    release();
    throw error;
  }
}
