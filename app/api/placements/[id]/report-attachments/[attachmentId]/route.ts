import { defineRoute } from "@/lib/route";
import { downloadReportAttachmentRoute } from "@/features/officer-reports/attachment-routes";

// A report attachment, as an attachment, for those who may read it (host side: shareable ones only); audited.
export const dynamic = "force-dynamic";

export const GET = defineRoute(downloadReportAttachmentRoute);
