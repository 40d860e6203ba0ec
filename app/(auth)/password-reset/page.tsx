import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PublicPage } from "@/features/account-security/components/public-page";
import { RequestResetForm } from "@/features/account-security/components/password-reset-forms";

export async function generateMetadata() {
  const t = await getTranslations("accountSecurity.passwordReset");
  return { title: t("title") };
}

export default async function PasswordResetPage() {
  const t = await getTranslations("accountSecurity.passwordReset");
  return (
    <PublicPage title={t("title")} intro={t("intro")}>
      {/* "{email}" is filled in by the form with the address sent. */}
      <RequestResetForm labels={{ email: t("email"), submit: t("submit"), sent: t.raw("sent") as string }} />
      <p className="mt-6 text-sm">
        <Link href="/login" className="text-brand-700 underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </PublicPage>
  );
}
