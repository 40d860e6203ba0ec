"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { signInWithCredentials } from "@/lib/auth/browser";

/** Sets the password through /api/invitations/accept, then signs in with it the usual way and goes home. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("accounts.accept");
  const errors = useTranslations("errors");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string>();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setPending(true);
    setFormError(undefined);
    setFieldErrors({});
    let answer: { email?: string; error?: string; fieldErrors?: Record<string, string> } | null = null;
    let ok = false;
    try {
      const response = await fetch("/api/invitations/accept", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ token, password, confirmPassword: String(form.get("confirmPassword") ?? "") }),
      });
      ok = response.ok;
      answer = await response.json().catch(() => null);
    } catch {
      answer = null;
    }
    if (!ok) {
      setPending(false);
      setFormError(answer?.error ?? errors("serviceUnavailable"));
      setFieldErrors(answer?.fieldErrors ?? {});
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus());
      return;
    }
    setStatus(t("signingIn"));
    const signedIn = await signInWithCredentials({ email: answer?.email ?? email, password });
    if (!signedIn.ok) {
      setPending(false);
      setStatus(undefined);
      setFormError(t("signInFailed"));
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} className="flex flex-col gap-4" noValidate data-testid="accept-invitation-form">
      <FormMessage message={formError} />
      <FormMessage message={status} tone="success" />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField name="password" type="password" label={t("password")} hint={t("passwordHint")} autoComplete="new-password" error={fieldErrors.password} required />
      <TextField name="confirmPassword" type="password" label={t("confirmPassword")} autoComplete="new-password" error={fieldErrors.confirmPassword} required />
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
