import type { NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { AppError, NotFoundError } from "@/lib/errors";
import { defaultLocale, type AppLocale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { getRequestContext } from "@/lib/request-context";
import { PDF_MAX_ROWS } from "@/features/reports/export/pdf";
import { auditedPlacementExportStream, ExportsBusyError, preparePlacementExport, ReportTooLargeForPdfError, translatorFor } from "@/features/reports/export-service";
import { exportFormats, readFilterParams, reportFiltersSchema, type ExportFormat } from "@/features/reports/schemas";

// Placement report downloads. Authorizes itself (proxy.ts only sends signed-out visitors to sign in): session,
// report:export, and the report's own scoping of rows and columns. Streams the file, audits each export.
export const dynamic = "force-dynamic";

function errorResponse(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ format: string }> }) {
  const { format } = await params;
  const context = await getRequestContext();
  const user = await getSessionUser();
  const locale: AppLocale = user?.locale ?? defaultLocale;
  const t = translatorFor(locale, "reports.export");
  const errors = translatorFor(locale, "errors");

  if (!user) return errorResponse(401, t("unauthenticated"));
  if (!hasPermission(user, "report:export")) return errorResponse(403, errors("forbidden"));
  if (!exportFormats.includes(format as ExportFormat)) return errorResponse(404, errors("notFound"));
  const filters = reportFiltersSchema.safeParse(readFilterParams(request.nextUrl.searchParams));
  if (!filters.success) return errorResponse(400, t("invalidFilters"));

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
    if (error instanceof ExportsBusyError) return Response.json({ error: t("busy") }, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "60" } });
    if (error instanceof ReportTooLargeForPdfError) return errorResponse(422, t("pdfTooLarge", { limit: PDF_MAX_ROWS, count: error.rowCount }));
    if (error instanceof NotFoundError) return errorResponse(404, errors("notFound"));
    if (error instanceof AppError) return errorResponse(403, errors(error.messageKey));
    logger.error("report export could not start", { requestId: context.requestId, userId: user.userId, format, error });
    return errorResponse(500, errors("unexpected", { requestId: context.requestId }));
  }
}
