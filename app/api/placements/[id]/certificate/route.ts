import { defineRoute } from "@/lib/route";
import { downloadCertificateRoute } from "@/features/certificates/routes";

// The certificate of completion of a placement, as a PDF attachment; audited.
export const dynamic = "force-dynamic";

export const GET = defineRoute(downloadCertificateRoute);
