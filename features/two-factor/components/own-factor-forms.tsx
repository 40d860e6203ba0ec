"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { disableSecondFactorAction, regenerateRecoveryCodesAction } from "../actions";
import { RecoveryCodesList } from "./recovery-codes-list";

export interface RegenerateLabels {
  code: string;
  submit: string;
  codesIntro: string;
  codesLabel: string;
}

/** New recovery codes for a current code; the new ones are shown here once. */
export function RegenerateRecoveryCodesForm({ labels }: { labels: RegenerateLabels }) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const [cleared, setCleared] = useState(0);
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(regenerateRecoveryCodesAction, (data) => {
    setCodes(data.recoveryCodes);
    setCleared((count) => count + 1);
  });
  return (
    <div className="flex flex-col gap-4">
      {codes && (
        <div className="flex flex-col gap-2">
          <p>{labels.codesIntro}</p>
          <RecoveryCodesList codes={codes} label={labels.codesLabel} />
        </div>
      )}
      <form ref={formRef} onSubmit={onSubmit} className="flex max-w-md flex-col gap-4" noValidate>
        <FormMessage message={formError} />
        <TextField key={cleared} id="regenerate-code" name="code" label={labels.code} inputMode="numeric" autoComplete="one-time-code" required error={fieldError("code")} />
        <div>
          <Button type="submit" variant="secondary" disabled={pending} aria-disabled={pending}>
            {labels.submit}
          </Button>
        </div>
      </form>
    </div>
  );
}

export interface DisableLabels {
  currentPassword: string;
  code: string;
  submit: string;
}

/** Turning the factor off: the current password and a current code. */
export function DisableSecondFactorForm({ labels }: { labels: DisableLabels }) {
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(disableSecondFactorAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex max-w-md flex-col gap-4" noValidate>
      <FormMessage message={formError} />
      <TextField id="disable-current-password" name="currentPassword" type="password" label={labels.currentPassword} autoComplete="current-password" required error={fieldError("currentPassword")} />
      <TextField id="disable-code" name="code" label={labels.code} inputMode="numeric" autoComplete="one-time-code" required error={fieldError("code")} />
      <div>
        <Button type="submit" variant="danger" disabled={pending} aria-disabled={pending}>
          {labels.submit}
        </Button>
      </div>
    </form>
  );
}
