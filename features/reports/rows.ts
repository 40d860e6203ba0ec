// Turns report records into export rows and columns in the reader's language. Pure: the translations come in as
// plain strings, so the same code serves the preview, the three export formats and the tests.
import { formatOfficerName } from "@/features/officers/names";
import { displayStatus, type PlacementDisplayStatus } from "@/features/placements/display-status";
import { languageTags, type AppLocale } from "@/lib/i18n/locales";
import { printableText } from "./export/cell-values";
import type { ExportColumn, PlacementReportRow } from "./export/types";
import type { ReportRecord } from "./queries";
import { reportColumnKeys } from "./schemas";

export interface ReportTexts {
  /** Column headers by row key. */
  headers: Record<keyof PlacementReportRow, string>;
  statuses: Record<PlacementDisplayStatus, string>;
  /** e.g. "Approved {date} by {name}"; {date} and {name} are replaced. */
  approvedBy: string;
}

/** Every column a report can have, in the order the preview and the files show them. */
export const REPORT_COLUMN_ORDER: readonly (keyof PlacementReportRow)[] = reportColumnKeys;

/**
 * The report's columns: those the reader chose (all when `chosen` is null; report-columns.ts), in the fixed order,
 * and the staff number only when the reader may see sending-side fields.
 */
export function reportColumns(texts: ReportTexts, includeStaffNumber: boolean, chosen: readonly (keyof PlacementReportRow)[] | null = null): ExportColumn[] {
  return REPORT_COLUMN_ORDER.filter((key) => (includeStaffNumber || key !== "staffNumber") && (chosen === null || chosen.includes(key))).map((key) => ({
    key,
    header: texts.headers[key],
  }));
}

export interface RowFormatter {
  (record: ReportRecord): PlacementReportRow;
}

/**
 * A formatter for one report: statuses and the approval template are resolved once, so formatting 100,000 rows
 * costs string concatenation, not message parsing.
 */
export function createRowFormatter(texts: ReportTexts, locale: AppLocale, today: Date, includeStaffNumber: boolean): RowFormatter {
  const approvalDate = new Intl.DateTimeFormat(languageTags[locale], { dateStyle: "medium", timeZone: "UTC" });
  // Approvals fall on a few hundred distinct days; formatting each day once keeps Intl out of the per-row cost.
  const formattedDays = new Map<number, string>();
  const formatDay = (day: Date) => {
    let text = formattedDays.get(day.getTime());
    if (text === undefined) {
      text = approvalDate.format(day);
      formattedDays.set(day.getTime(), text);
    }
    return text;
  };
  // The same approver on the same day gives the same text: built once, then shared (cheaper to write out, too).
  const approvals = new Map<string, Map<number, string>>();
  const approval = (on: Date | null, name: string | null) => {
    if (!on) return null;
    const approver = name ?? "—";
    let byDay = approvals.get(approver);
    if (!byDay) {
      byDay = new Map();
      approvals.set(approver, byDay);
    }
    let text = byDay.get(on.getTime());
    if (text === undefined) {
      text = texts.approvedBy.replace("{date}", formatDay(on)).replace("{name}", approver);
      byDay.set(on.getTime(), text);
    }
    return text;
  };
  return (record) => {
    const row: PlacementReportRow = {
      cohortCode: record.cohortCode,
      cohortName: record.cohortName,
      // Control characters typed into names and posts print as spaces in every format (report-copy.ts does the same).
      officerNameEn: printableText(formatOfficerName(record)),
      officerNameZh: record.chineseName === null ? null : printableText(record.chineseName),
      rank: record.rank,
      homeDepartment: record.homeDepartment,
      hostUnit: record.hostUnit,
      post: record.postTitle === null ? null : printableText(record.postTitle),
      field: record.field,
      startDate: record.startDate,
      endDate: record.endDate,
      status: texts.statuses[displayStatus(record, today)],
      sendingApproval: approval(record.sendingApprovedOn, record.sendingApprover),
      hostApproval: approval(record.hostApprovedOn, record.hostApprover),
    };
    if (includeStaffNumber) row.staffNumber = record.staffNumber;
    return row;
  };
}

export async function* formatRecords(records: AsyncIterable<ReportRecord>, format: RowFormatter): AsyncGenerator<PlacementReportRow> {
  for await (const record of records) yield format(record);
}
