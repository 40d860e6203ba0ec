import { defineRoute } from "@/lib/route";
import { downloadDocumentRoute } from "@/features/documents/routes";

// A placement document's file, as an attachment, for those who may see the documents' details; audited.
export const dynamic = "force-dynamic";

export const GET = defineRoute(downloadDocumentRoute);
