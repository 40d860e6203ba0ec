"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { signInWithCredentials } from "@/lib/auth/browser";

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

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const form = new FormData(event.currentTarget);
    const result = await signInWithCredentials({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
    if (!result.ok) {
      setPending(false);
      setError(t(result.error));
      return;
    }
    router.replace(safeCallbackUrl(searchParams.get("callbackUrl")));
    router.refresh();
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
