"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { controlClass, Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { useUploadForm } from "./use-upload-form";

export interface DocumentItemFormProps {
  placementId: string;
  templateItemId: string;
  label: string;
  needsNumber: boolean;
  needsExpiry: boolean;
  number: string | null;
  expiresOn: string | null;
  version: number | null;
  fileName: string | null;
  maxSize: string;
}

/**
 * One checklist item's number, expiry and file, sent to the upload route (a route, not a server action: files may be
 * larger than an action's 1 MB). Errors come back per field and are shown there; what was typed stays.
 */
export function DocumentItemForm(props: DocumentItemFormProps) {
  const t = useTranslations("documents.form");
  const { formRef, pending, onSubmit, formMessage, fieldError } = useUploadForm(`/api/placements/${props.placementId}/documents/${props.templateItemId}`, t("failed"), (form) => {
    const fileInput = form.querySelector<HTMLInputElement>('input[type="file"]');
    if (fileInput) fileInput.value = "";
  });
  const idPrefix = useId();

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex min-w-0 flex-col gap-3" aria-label={t("legend", { item: props.label })} data-testid={`document-form-${props.templateItemId}`}>
      <FormMessage message={formMessage} />
      {props.version !== null && <input type="hidden" name="version" value={props.version} />}
      {props.needsNumber && <TextField id={`${idPrefix}-number`} name="number" label={t("number")} defaultValue={props.number ?? ""} error={fieldError("number")} maxLength={60} autoComplete="off" />}
      {props.needsExpiry && <TextField id={`${idPrefix}-expiresOn`} name="expiresOn" type="date" label={t("expiresOn")} defaultValue={props.expiresOn ?? ""} error={fieldError("expiresOn")} />}
      <Field id={`${idPrefix}-file`} label={t("file")} hint={[t("fileHint", { size: props.maxSize }), props.fileName ? t("replaceHint", { name: props.fileName }) : ""].filter(Boolean).join(" ")} error={fieldError("file")}>
        <input name="file" type="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" className={`${controlClass(fieldError("file"))} w-full min-w-0`} />
      </Field>
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
