"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { env } from "@/lib/env";
import { todayInHongKong } from "@/lib/dates";
import { configuredStorage } from "@/features/documents/storage";
import { issueCertificateSchema } from "@/features/documents/schemas";
import { issueCertificate } from "./mutations";
import { finalReportAccepted } from "./wiring";

export const issueCertificateAction = defineAction({
  name: "certificates.issue",
  schema: issueCertificateSchema,
  permission: "certificate:issue",
  async run(input, { user, request }) {
    const settings = env();
    const result = await issueCertificate({ actor: user, request }, input.placementId, {
      today: todayInHongKong(),
      finalReportAccepted,
      storage: configuredStorage(),
      verifyBaseUrl: `${settings.NEXTAUTH_URL ?? `http://localhost:${settings.PORT}`}/verify`,
    });
    revalidatePath(`/placements/${input.placementId}/documents`);
    return result;
  },
  notice: (output, { t }) => t("documents.certificate.issuedNotice", { name: output.officerName }),
});
