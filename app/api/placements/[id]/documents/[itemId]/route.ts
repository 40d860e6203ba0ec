import { defineRoute } from "@/lib/route";
import { uploadDocumentRoute } from "@/features/documents/routes";

// Saves one checklist item of a placement (number, expiry, file): features/documents/routes.ts.
export const dynamic = "force-dynamic";

export const POST = defineRoute(uploadDocumentRoute());
