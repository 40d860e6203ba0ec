"use client";

import { useId } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { controlClass, Field } from "@/components/ui/field";
import { CheckboxField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { useUploadForm } from "@/features/documents/components/use-upload-form";
import type { ReportKind } from "../schemas";

/**
 * Attaches one file to the open revision of a report, through the upload route (a route, not a server action: files
 * may be larger than an action's 1 MB). The type is read from the content on the server; refusals (too large, not an
 * accepted type, the report locked meanwhile) come back per field and are shown at the file field.
 */
export function AttachmentUploadForm({ placementId, kind, maxSize }: { placementId: string; kind: ReportKind; maxSize: string }) {
  const t = useTranslations("reportAttachments");
  const { formRef, pending, onSubmit, formMessage, fieldError } = useUploadForm(`/api/placements/${placementId}/report-attachments`, t("failed"), (form) => form.reset());
  const idPrefix = useId();

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex min-w-0 flex-col gap-3" aria-label={t("uploadLegend")} data-testid={`attachment-form-${kind}`}>
      <FormMessage message={formMessage} />
      <input type="hidden" name="kind" value={kind} />
      <Field id={`${idPrefix}-file`} label={t("file")} hint={t("fileHint", { size: maxSize })} error={fieldError("file")}>
        <input name="file" type="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" className={`${controlClass(fieldError("file"))} w-full min-w-0`} />
      </Field>
      <CheckboxField id={`${idPrefix}-shareable`} name="shareable" label={t("shareable")} hint={t("shareableHint")} error={fieldError("shareable")} />
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("uploading") : t("upload")}
        </Button>
      </div>
    </form>
  );
}
