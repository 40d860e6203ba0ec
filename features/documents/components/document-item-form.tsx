"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClass, Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { clearNotice, publishNotice } from "@/components/notice";

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

type Answer = { ok: true; notice: string } | { ok: false; formError?: string; fieldErrors?: Record<string, string>; error?: string };

/**
 * One checklist item's number, expiry and file, sent to the upload route (a route, not a server action: files may be
 * larger than an action's 1 MB). Errors come back per field and are shown there; what was typed stays.
 */
export function DocumentItemForm(props: DocumentItemFormProps) {
  const t = useTranslations("documents.form");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [pending, startTransition] = useTransition();
  const idPrefix = useId();
  const failure = answer && !answer.ok ? answer : null;
  const fieldError = (name: string) => failure?.fieldErrors?.[name];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    clearNotice();
    startTransition(async () => {
      let next: Answer;
      try {
        const response = await fetch(`/api/placements/${props.placementId}/documents/${props.templateItemId}`, { method: "POST", body: data });
        next = (await response.json()) as Answer;
      } catch {
        next = { ok: false, formError: t("failed") };
      }
      setAnswer(next);
      if (next.ok) {
        publishNotice(next.notice);
        const fileInput = form.querySelector<HTMLInputElement>('input[type="file"]');
        if (fileInput) fileInput.value = "";
        router.refresh();
      } else {
        requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      }
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex min-w-0 flex-col gap-3" aria-label={t("legend", { item: props.label })} data-testid={`document-form-${props.templateItemId}`}>
      <FormMessage message={failure ? (failure.formError ?? failure.error) : undefined} />
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
