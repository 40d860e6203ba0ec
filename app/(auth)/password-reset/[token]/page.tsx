import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PublicPage } from "@/features/account-security/components/public-page";
import { SetPasswordForm } from "@/features/account-security/components/password-reset-forms";
import { isResetLinkUsable } from "@/features/account-security/password-reset";

export async function generateMetadata() {
  const t = await getTranslations("accountSecurity.passwordReset");
  return { title: t("newTitle") };
}

export default async function SetNewPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, account] = await Promise.all([getTranslations("accountSecurity.passwordReset"), getTranslations("accountSecurity.changePassword")]);
  // A malformed token is simply not a usable link.
  if (token.length > 200 || !(await isResetLinkUsable(token))) {
    return (
      <PublicPage title={t("invalidTitle")} intro={t("invalidBody")}>
        <Link href="/password-reset" className="font-medium text-brand-700 underline">
          {t("requestAgain")}
        </Link>
      </PublicPage>
    );
  }
  return (
    <PublicPage title={t("newTitle")} intro={t("newIntro")}>
      <SetPasswordForm
        token={token}
        labels={{
          newPassword: account("newPassword"),
          newPasswordHint: account("newPasswordHint"),
          confirmPassword: account("confirmPassword"),
          submit: t("setSubmit"),
          done: t("done"),
          signIn: t("signIn"),
        }}
      />
    </PublicPage>
  );
}
