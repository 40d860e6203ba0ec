"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { signInWithSecondFactor } from "@/lib/auth/browser";

/**
 * The second step of a password sign-in (decision 102): the pending token from the password step stays in memory
 * here, never in the address bar; a code or a recovery code finishes the sign-in through next-auth's "totp" provider.
 */
export function SecondFactorStep({ token, onSignedIn, onRestart }: { token: string; onSignedIn: () => void; onRestart: (message: string) => void }) {
  const t = useTranslations("twoFactor.signInStep");
  const auth = useTranslations("auth");
  const headingId = useId();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    const result = await signInWithSecondFactor({ token, code });
    if (result.ok) {
      onSignedIn();
      return;
    }
    setPending(false);
    if (result.error === "secondFactorExpired") onRestart(t("expired"));
    else if (result.error === "serviceUnavailable" || result.error === "signInFailed") setError(auth(result.error));
    else setError(t("invalidCode"));
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <h2 id={headingId} className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-700">{t("intro")}</p>
      <form onSubmit={handleSubmit} className="flex flex-col gap-4" noValidate>
        <FormMessage message={error} />
        <TextField name="code" label={t("code")} hint={t("codeHint")} autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} required autoFocus />
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
        <button type="button" className="self-start text-sm text-brand-700 underline" onClick={() => onRestart("")}>
          {t("back")}
        </button>
      </form>
    </section>
  );
}
