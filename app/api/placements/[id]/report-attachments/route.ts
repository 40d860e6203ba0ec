import { defineRoute } from "@/lib/route";
import { uploadReportAttachmentRoute } from "@/features/officer-reports/attachment-routes";

// Attaches a file to the open revision of a placement's report: features/officer-reports/attachment-routes.ts.
export const dynamic = "force-dynamic";

export const POST = defineRoute(uploadReportAttachmentRoute());
