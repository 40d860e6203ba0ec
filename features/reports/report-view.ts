import "server-only";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { findReportColumnChoice } from "./column-choice";
import { reportTexts } from "./export-service";
import type { ExportColumn } from "./export/types";
import { reportColumns } from "./rows";
import {
  countReportRecords,
  findReportCohort,
  findReportFilterOptions,
  findReportPage,
  mayIncludeSendingSideFields,
  type ReportFilterOptions,
  type ReportRecord,
} from "./queries";
import {
  filtersToSearchParams,
  readFilterParams,
  REPORT_PAGE_SIZE,
  reportFiltersSchema,
  reportPageSchema,
  type ReportColumnKey,
  type ReportFilterName,
  type ReportFilters,
} from "./schemas";

interface FormState {
  /** The filters as typed, shown back in the form even when invalid. */
  values: Record<ReportFilterName, string | undefined>;
  errors: Partial<Record<ReportFilterName, string>>;
  options: ReportFilterOptions;
  /** Every column a report can have (for the column chooser), and the keys the user keeps. */
  columnChoice: { columns: { key: ReportColumnKey; header: string }[]; chosen: ReportColumnKey[] };
}

export type PlacementReportView =
  | { kind: "notFound" }
  | ({ kind: "invalid" } & FormState)
  | ({
      kind: "ready";
      filters: ReportFilters;
      query: URLSearchParams;
      total: number;
      page: number;
      records: ReportRecord[];
      includeStaffNumber: boolean;
      /** The preview's columns: the user's choice, the staff number only where the reader may see it. */
      columns: ExportColumn[];
    } & FormState);

/**
 * Everything the report page shows for these URL parameters: the form (with translated errors next to the fields),
 * and, when the filters are valid, the count and one page of rows. A cohort outside the actor's scope is "not found".
 */
export async function findPlacementReportView(
  actor: Actor,
  params: Record<string, string | string[] | undefined>,
  locale: AppLocale,
): Promise<PlacementReportView> {
  const values = readFilterParams(params);
  const parsed = reportFiltersSchema.safeParse(values);
  const errors: Partial<Record<ReportFilterName, string>> = {};
  const t = await getTranslations("errors");
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path[0] as ReportFilterName;
      const key = issue.message?.startsWith("errors.") ? issue.message.slice("errors.".length) : "invalidValue";
      errors[name] ??= t(key);
    }
  }
  const cohortId = parsed.success ? parsed.data.cohort : errors.cohort ? undefined : values.cohort || undefined;
  const cohort = cohortId ? await findReportCohort(actor, cohortId) : null;
  if (cohortId && !cohort) return { kind: "notFound" };
  const [options, chosen] = await Promise.all([findReportFilterOptions(actor, cohort), findReportColumnChoice(actor)]);
  const texts = reportTexts(locale);
  const allColumns = reportColumns(texts, true);
  const columnChoice = {
    columns: allColumns.map((column) => ({ key: column.key as ReportColumnKey, header: column.header })),
    chosen: chosen ?? allColumns.map((column) => column.key as ReportColumnKey),
  };

  // An id that is not among the choices offered (e.g. a host unit of another cohort) is a wrong choice, not an
  // empty report.
  const offered = (name: "hostUnit" | "department" | "field", list: { id: string }[]) => {
    const value = parsed.success ? parsed.data[name] : undefined;
    if (value && !list.some((option) => option.id === value)) errors[name] ??= t("invalidChoice");
  };
  offered("hostUnit", options.hostUnits);
  offered("department", options.departments);
  offered("field", options.fields);
  if (!parsed.success || Object.keys(errors).length > 0) return { kind: "invalid", values, errors, options, columnChoice };

  const filters = parsed.data;
  const requestedPage = reportPageSchema.parse(Array.isArray(params.page) ? params.page[0] : params.page);
  const [total, includeStaffNumber, firstTry] = await Promise.all([
    countReportRecords(actor, filters),
    mayIncludeSendingSideFields(actor, filters),
    findReportPage(actor, filters, requestedPage, locale),
  ]);
  const lastPage = Math.max(1, Math.ceil(total / REPORT_PAGE_SIZE));
  const page = Math.min(requestedPage, lastPage);
  const records = page === requestedPage ? firstTry : await findReportPage(actor, filters, page, locale);
  const columns = reportColumns(texts, includeStaffNumber, chosen);
  return { kind: "ready", values, errors, options, columnChoice, filters, query: filtersToSearchParams(filters), total, page, records, includeStaffNumber, columns };
}
