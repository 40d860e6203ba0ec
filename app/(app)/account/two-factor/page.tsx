import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { PageSection } from "@/components/page-section";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { findOwnSecondFactor } from "@/features/two-factor/queries";
import { EnrolmentPanel } from "@/features/two-factor/components/enrolment-panel";
import { DisableSecondFactorForm, RegenerateRecoveryCodesForm } from "@/features/two-factor/components/own-factor-forms";

export async function generateMetadata() {
  const t = await getTranslations("twoFactor.account");
  return { title: t("title") };
}

export default async function TwoFactorPage() {
  const user = await requireSessionUser();
  if (!hasPermission(user, "account:manageOwn")) forbidden();
  const [t, locale, factor] = await Promise.all([getTranslations("twoFactor"), getLocale(), findOwnSecondFactor(user)]);
  return (
    <>
      <PageHeader title={t("account.title")} description={t("account.intro")} />
      <div className="flex flex-col gap-10">
        <section aria-label={t("account.title")} className="flex flex-col gap-1" data-testid="two-factor-status">
          <p className="font-semibold">{factor.state === "on" ? t("account.statusOn", { date: formatDateTime(factor.confirmedAt, locale as AppLocale) }) : t("account.statusOff")}</p>
          {factor.requiredByRole && <p>{t("account.requiredByRole")}</p>}
          {factor.state === "on" && <p>{t("account.recoveryRemaining", { count: factor.remainingRecoveryCodes })}</p>}
        </section>
        {factor.state !== "on" ? (
          <EnrolmentPanel factor={factor} continueHref="/account/two-factor" />
        ) : (
          <>
            <PageSection id="regenerate" title={t("regenerate.title")} intro={t("regenerate.intro")}>
              <RegenerateRecoveryCodesForm labels={{ code: t("regenerate.code"), submit: t("regenerate.submit"), codesIntro: t("enrol.codesIntro"), codesLabel: t("enrol.codesLabel") }} />
            </PageSection>
            {!factor.requiredByRole && (
              <PageSection id="disable" title={t("disable.title")} intro={t("disable.intro")}>
                <DisableSecondFactorForm labels={{ currentPassword: t("disable.currentPassword"), code: t("disable.code"), submit: t("disable.submit") }} />
              </PageSection>
            )}
          </>
        )}
      </div>
    </>
  );
}
