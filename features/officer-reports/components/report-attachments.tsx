import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { env } from "@/lib/env";
import { formatSize } from "@/features/documents/routes";
import { removeReportAttachmentAction } from "../actions";
import type { ReportRevisionView } from "../queries";
import type { ReportKind } from "../schemas";
import { AttachmentUploadForm } from "./attachment-upload-form.client";
import { StepForm } from "./review-forms.client";

/**
 * A revision's attachments (decision 112): each a download link through the authorized route; while the officer may
 * still edit the revision, a remove button each and the upload form. The list holds only what this reader may see.
 */
export async function ReportAttachments({
  placementId,
  kind,
  revision,
  editable,
}: {
  placementId: string;
  kind: ReportKind;
  revision: ReportRevisionView;
  editable: boolean;
}) {
  const t = await getTranslations("reportAttachments");
  const headingId = `attachments-${revision.id}`;
  if (!editable && revision.attachments.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="mt-4 flex min-w-0 flex-col gap-3" data-testid={`attachments-${kind}-${revision.revision}`}>
      <h4 id={headingId} className="font-semibold">
        {t("title")}
      </h4>
      {revision.attachments.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {revision.attachments.map((attachment) => (
            <li key={attachment.id} className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 rounded border border-slate-200 p-2">
              <a href={`/api/placements/${placementId}/report-attachments/${attachment.id}`} className="break-all text-brand-700 underline" download>
                {attachment.name}
              </a>
              <span className="text-sm text-slate-600">
                {formatSize(attachment.size)} · {attachment.shareable ? t("shareableBadge") : t("sendingOnlyBadge")}
              </span>
              {editable && (
                <ClientMessages namespaces={["officerReports", "errors.formTooLarge", "errors.formNotSent"]}>
                  <StepForm action={removeReportAttachmentAction} hidden={{ attachmentId: attachment.id }} label={t("remove", { name: attachment.name })} variant="secondary" />
                </ClientMessages>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <ClientMessages namespaces={["reportAttachments"]}>
          <AttachmentUploadForm placementId={placementId} kind={kind} maxSize={formatSize(env().UPLOAD_MAX_BYTES)} />
        </ClientMessages>
      )}
    </section>
  );
}
