import "server-only";
import type { RouteDefinition } from "@/lib/route";
import { fileResponse } from "@/features/documents/routes";
import { readCertificateFile } from "./mutations";

/** GET the certificate PDF of a placement, as an attachment; audited. */
export const downloadCertificateRoute: RouteDefinition<{ id: string }> = {
  name: "certificates.download",
  permission: "certificate:download",
  async handle(_request, { user, request: context, params }) {
    return fileResponse(await readCertificateFile({ actor: user, request: context }, params.id));
  },
};
