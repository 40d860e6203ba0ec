import { errorResponse, defineRoute } from "@/lib/route";
import { PDF_MAX_ROWS } from "@/features/reports/export/pdf";
import { auditedPlacementExportStream, ExportsBusyError, preparePlacementExport, ReportTooLargeForPdfError } from "@/features/reports/export-service";
import { exportFormats, readFilterParams, reportFiltersSchema, type ExportFormat } from "@/features/reports/schemas";

// Placement report downloads: report:export (defineRoute), then the report's own scoping of rows and columns.
// Streams the file, audits each export.
export const dynamic = "force-dynamic";

export const GET = defineRoute<{ format: string }>({
  name: "reports.placements.export",
  permission: "report:export",
  async handle(request, { user, request: context, params: { format }, t }) {
    if (!exportFormats.includes(format as ExportFormat)) return errorResponse(404, { error: t("errors.notFound") });
    const filters = reportFiltersSchema.safeParse(readFilterParams(request.nextUrl.searchParams));
    if (!filters.success) return errorResponse(400, { error: t("reports.export.invalidFilters") });
    try {
      const placementExport = await preparePlacementExport(user, filters.data, format as ExportFormat);
      const { stream, rowCount } = await auditedPlacementExportStream(user, context, placementExport);
      return new Response(stream, {
        headers: {
          "Content-Type": placementExport.contentType,
          "Content-Disposition": `attachment; filename="${placementExport.filename}"; filename*=UTF-8''${encodeURIComponent(placementExport.filename)}`,
          "Cache-Control": "no-store",
          "X-Report-Rows": String(rowCount),
        },
      });
    } catch (error) {
      if (error instanceof ExportsBusyError) return errorResponse(503, { error: t("reports.export.busy") }, { "Retry-After": "60" });
      if (error instanceof ReportTooLargeForPdfError) return errorResponse(422, { error: t("reports.export.pdfTooLarge", { limit: PDF_MAX_ROWS, count: error.rowCount }) });
      throw error;
    }
  },
});
