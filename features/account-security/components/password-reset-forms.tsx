"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { requestPasswordResetAction, resetPasswordAction } from "../actions";

export interface RequestResetLabels {
  email: string;
  submit: string;
  /** With "{email}" where the address goes. */
  sent: string;
}

/** Asks for a link; the answer is the same for every well-formed address. */
export function RequestResetForm({ labels }: { labels: RequestResetLabels }) {
  const [sentTo, setSentTo] = useState<string>();
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(requestPasswordResetAction, (data) => setSentTo(data.email));
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="request-reset-form">
      <FormMessage message={formError} />
      {sentTo && (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="reset-sent">
          {labels.sent.replace("{email}", sentTo)}
        </p>
      )}
      <TextField name="email" type="email" label={labels.email} autoComplete="username" required error={fieldError("email")} />
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {labels.submit}
        </Button>
      </div>
    </form>
  );
}

export interface SetPasswordLabels {
  newPassword: string;
  newPasswordHint: string;
  confirmPassword: string;
  submit: string;
  done: string;
  signIn: string;
}

/** The new password, twice, for the link's account; after success, the way to sign in. */
export function SetPasswordForm({ token, labels }: { token: string; labels: SetPasswordLabels }) {
  const { formRef, onSubmit, pending, formError, fieldError, succeeded } = useActionForm(resetPasswordAction);
  if (succeeded) {
    return (
      <div className="flex flex-col gap-4">
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {labels.done}
        </p>
        <div>
          <Link href="/login" className="font-medium text-brand-700 underline">
            {labels.signIn}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="set-password-form">
      <FormMessage message={formError} />
      <input type="hidden" name="token" value={token} />
      <TextField name="newPassword" type="password" label={labels.newPassword} hint={labels.newPasswordHint} autoComplete="new-password" required error={fieldError("newPassword")} />
      <TextField name="confirmPassword" type="password" label={labels.confirmPassword} autoComplete="new-password" required error={fieldError("confirmPassword")} />
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {labels.submit}
        </Button>
      </div>
    </form>
  );
}
