"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { signInWithCredentials } from "@/lib/auth/browser";
import { SecondFactorStep } from "@/features/two-factor/components/second-factor-step";

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
function safeCallbackUrl(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export function LoginForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const searchParams = useSearchParams();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  // After a right password of an account with an authenticator: the pending token of the code step (decision 102).
  const [secondFactorToken, setSecondFactorToken] = useState<string>();

  function finishSignIn() {
    router.replace(safeCallbackUrl(searchParams.get("callbackUrl")));
    router.refresh();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const form = new FormData(event.currentTarget);
    const result = await signInWithCredentials({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
    if (!result.ok) {
      setPending(false);
      if (result.error === "secondFactorRequired") setSecondFactorToken(result.token);
      else if (result.error !== "secondFactorExpired") setError(t(result.error));
      return;
    }
    finishSignIn();
  }

  if (secondFactorToken) {
    return (
      <SecondFactorStep
        token={secondFactorToken}
        onSignedIn={finishSignIn}
        onRestart={(message) => {
          setSecondFactorToken(undefined);
          setError(message || undefined);
        }}
      />
    );
  }

  return (
    <form onSubmit={handleSubmit} className="flex flex-col gap-4" noValidate>
      <FormMessage message={error} />
      <TextField name="email" type="email" label={t("email")} autoComplete="username" required />
      <TextField name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
