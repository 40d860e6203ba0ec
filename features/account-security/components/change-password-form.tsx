"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { changePasswordAction } from "../actions";

export interface ChangePasswordLabels {
  currentPassword: string;
  newPassword: string;
  newPasswordHint: string;
  confirmPassword: string;
  submit: string;
}

/** Current password, the new one twice; after success the fields are emptied and the notice says what happened. */
export function ChangePasswordForm({ labels }: { labels: ChangePasswordLabels }) {
  // A new key after success empties the fields (uncontrolled inputs), whatever the browser's autofill put there.
  const [cleared, setCleared] = useState(0);
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(changePasswordAction, () => setCleared((count) => count + 1));
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex max-w-md flex-col gap-4" noValidate data-testid="change-password-form">
      <FormMessage message={formError} />
      <div key={cleared} className="flex flex-col gap-4">
      <TextField name="currentPassword" type="password" label={labels.currentPassword} autoComplete="current-password" required error={fieldError("currentPassword")} />
      <TextField name="newPassword" type="password" label={labels.newPassword} hint={labels.newPasswordHint} autoComplete="new-password" required error={fieldError("newPassword")} />
      <TextField name="confirmPassword" type="password" label={labels.confirmPassword} autoComplete="new-password" required error={fieldError("confirmPassword")} />
      </div>
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {labels.submit}
        </Button>
      </div>
    </form>
  );
}
