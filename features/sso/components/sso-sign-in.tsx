import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { isSsoRefusalReason } from "../refusals";
import { singleSignOnSettings, startPath } from "../settings";

/**
 * "Sign in with <provider>" above the password form, when single sign-on is configured, and why the last attempt
 * was refused (the callback sends the browser back with `?sso=<reason>`). A plain link, not a form: a form whose
 * answer redirects to another site is blocked by the CSP's form-action.
 */
export async function SsoSignIn({ refusal, callbackUrl }: { refusal: string | undefined; callbackUrl: string | undefined }) {
  const settings = singleSignOnSettings();
  if (!settings) return null;
  const t = await getTranslations("sso");
  const href = callbackUrl ? `${startPath}?${new URLSearchParams({ callbackUrl })}` : startPath;
  return (
    <div className="mb-6 flex flex-col gap-4">
      {isSsoRefusalReason(refusal) && <FormMessage message={t(`refused.${refusal}`)} />}
      <Button asChild variant="secondary">
        <a href={href}>{t("signInWith", { name: settings.name })}</a>
      </Button>
      <p className="text-center text-sm text-slate-700">{t("or")}</p>
    </div>
  );
}
