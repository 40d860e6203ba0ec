"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/action";
import { useActionForm } from "@/components/forms/use-action-form";
import { controlClass, Field } from "@/components/ui/field";

interface WithdrawDialogProps {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<{ id: string }>>;
  placementId: string;
  version: number;
  officerName: string;
}

/** Withdrawal is the one destructive step: a modal dialog asks for the reason and a second, explicit confirmation. */
export function WithdrawDialog({ action, placementId, version, officerName }: WithdrawDialogProps) {
  const t = useTranslations("placements");
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useActionForm(action, () => dialog.current?.close());
  const reasonError = form.fieldError("reason");
  return (
    <>
      <Button type="button" variant="danger" onClick={() => dialog.current?.showModal()}>
        {t("withdraw")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="withdraw-title"
        aria-describedby="withdraw-description"
        className="m-auto w-full max-w-lg rounded border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/50"
        onClose={form.reset}
      >
        <form onSubmit={form.onSubmit} className="flex flex-col gap-4 p-6" noValidate>
          <h2 id="withdraw-title" className="text-lg font-semibold">
            {t("withdrawTitle")}
          </h2>
          <p id="withdraw-description" className="text-sm text-slate-700">
            {t("withdrawExplanation", { name: officerName })}
          </p>
          <FormMessage message={form.formError} />
          <input type="hidden" name="placementId" value={placementId} />
          <input type="hidden" name="version" value={version} />
          <Field id="withdraw-reason" label={t("withdrawReason")} error={reasonError}>
            <textarea name="reason" rows={3} maxLength={500} required className={controlClass(reasonError)} />
          </Field>
          <div className="flex flex-wrap justify-end gap-3">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant="danger" disabled={form.pending} aria-disabled={form.pending}>
              {form.pending ? t("saving") : t("confirmWithdraw")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
