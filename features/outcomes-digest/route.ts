import "server-only";
import { errorResponse, type RouteDefinition } from "@/lib/route";
import { parseOutcomeSearch } from "@/features/officer-reports/library-params";
import { ExportsBusyError } from "@/features/reports/export-service";
import { auditedOutcomesDigestStream, DigestCohortRequiredError, prepareOutcomesDigest } from "./digest";

/**
 * GET /outcomes/digest?cohort=…&hostUnit=…&field=…&q=…: the outcomes library of one cohort as a PDF attachment
 * (decision 114). outcome:view, then the library's own scope; streamed; audited as an export.
 */
export const outcomesDigestRoute: RouteDefinition<Record<string, never>> = {
  name: "outcomes.digest",
  permission: "outcome:view",
  async handle(request, { user, request: context, t }) {
    const { page: _page, ...search } = parseOutcomeSearch(Object.fromEntries(request.nextUrl.searchParams));
    try {
      const digest = await prepareOutcomesDigest(user, search);
      const stream = await auditedOutcomesDigestStream(user, context, digest);
      return new Response(stream, {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `attachment; filename="${digest.filename}"; filename*=UTF-8''${encodeURIComponent(digest.filename)}`,
          "Cache-Control": "no-store",
          "X-Report-Count": String(digest.reportIds.length),
        },
      });
    } catch (error) {
      if (error instanceof DigestCohortRequiredError) return errorResponse(400, { error: t("outcomesDigest.cohortRequired") });
      if (error instanceof ExportsBusyError) return errorResponse(503, { error: t("outcomesDigest.busy") }, { "Retry-After": "60" });
      throw error;
    }
  },
};
