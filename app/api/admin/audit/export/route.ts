import { getLocale } from "next-intl/server";
import { defineRoute } from "@/lib/route";
import type { AppLocale } from "@/lib/i18n/locales";
import { exportAuditLog } from "@/features/audit/export";
import { readerContext } from "@/features/audit/presentation";
import { auditListParamsSchema } from "@/features/audit/schemas";

// The filtered audit log as CSV: admins only (audit:view), streamed, and audited as "auditLog.export".
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  name: "audit.export",
  permission: "audit:view",
  async handle(request, { user, request: context }) {
    const params = auditListParamsSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const locale = (await getLocale()) as AppLocale;
    const { stream, filename, rowCount } = await exportAuditLog(readerContext(user, locale), context, params);
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
        "X-Export-Rows": String(rowCount),
      },
    });
  },
});
