"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { confirmEnrolmentAction } from "../actions";
import { RecoveryCodesList } from "./recovery-codes-list";

export interface ConfirmEnrolmentLabels {
  code: string;
  codeHint: string;
  confirm: string;
  codesTitle: string;
  codesIntro: string;
  codesLabel: string;
  continue: string;
}

/** The first code turns the factor on; the recovery codes are then shown here, once, until Continue. */
export function ConfirmEnrolmentForm({ labels, continueHref }: { labels: ConfirmEnrolmentLabels; continueHref: string }) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(confirmEnrolmentAction, (data) => setCodes(data.recoveryCodes));
  if (codes) {
    return (
      <section aria-labelledby="recovery-codes-heading" className="flex flex-col gap-3">
        <h2 id="recovery-codes-heading" className="text-lg font-semibold">
          {labels.codesTitle}
        </h2>
        <p>{labels.codesIntro}</p>
        <RecoveryCodesList codes={codes} label={labels.codesLabel} />
        <div>
          <Button
            type="button"
            onClick={() => {
              router.replace(continueHref);
              router.refresh();
            }}
          >
            {labels.continue}
          </Button>
        </div>
      </section>
    );
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex max-w-md flex-col gap-4" noValidate>
      <FormMessage message={formError} />
      <TextField name="code" label={labels.code} hint={labels.codeHint} inputMode="numeric" autoComplete="one-time-code" required error={fieldError("code")} />
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {labels.confirm}
        </Button>
      </div>
    </form>
  );
}
