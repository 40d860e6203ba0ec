import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { PageSection } from "@/components/page-section";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { findOwnSessions } from "@/features/account-security/queries";
import { ChangePasswordForm } from "@/features/account-security/components/change-password-form";
import { SessionsSection } from "@/features/account-security/components/sessions-section";

export async function generateMetadata() {
  const t = await getTranslations("accountSecurity");
  return { title: t("title") };
}

export default async function AccountPage() {
  const user = await requireSessionUser();
  if (!hasPermission(user, "account:manageOwn")) forbidden();
  const [t, locale, sessions, twoFactor] = await Promise.all([getTranslations("accountSecurity"), getLocale(), findOwnSessions(user, user.sessionId), getTranslations("twoFactor.account")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { email: user.email })} />
      <div className="flex flex-col gap-10">
        <PageSection id="change-password" title={t("changePassword.title")} intro={t("changePassword.intro")}>
          <ChangePasswordForm
              labels={{
                currentPassword: t("changePassword.currentPassword"),
                newPassword: t("changePassword.newPassword"),
                newPasswordHint: t("changePassword.newPasswordHint"),
                confirmPassword: t("changePassword.confirmPassword"),
                submit: t("changePassword.submit"),
              }}
          />
        </PageSection>
        <PageSection id="two-factor" title={twoFactor("title")} intro={twoFactor("intro")}>
          <Link href="/account/two-factor" className="text-brand-700 underline">
            {twoFactor("link")}
          </Link>
        </PageSection>
        <PageSection id="sessions" title={t("sessions.title")} intro={t("sessions.intro")}>
          <SessionsSection sessions={sessions} locale={locale as AppLocale} />
        </PageSection>
      </div>
    </>
  );
}
