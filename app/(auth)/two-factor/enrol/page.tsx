import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionAllowingEnrolment } from "@/lib/auth/session";
import { LanguageSwitcher } from "@/features/preferences/language-switcher";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { findOwnSecondFactor } from "@/features/two-factor/queries";
import { EnrolmentPanel } from "@/features/two-factor/components/enrolment-panel";

export async function generateMetadata() {
  const t = await getTranslations("twoFactor.enrol");
  return { title: t("forcedTitle") };
}

// Where a user whose role requires a second factor (REQUIRE_2FA_ROLES) lands until they have one: outside the app's
// layout (which would send them here again), with nothing but the set-up, the language and signing out.
export default async function EnrolSecondFactorPage() {
  const user = await getSessionAllowingEnrolment();
  if (!user) redirect("/login");
  if (!user.secondFactorEnrolmentRequired) redirect("/account/two-factor");
  const [t, common, factor] = await Promise.all([getTranslations("twoFactor.enrol"), getTranslations("common"), findOwnSecondFactor(user)]);
  return (
    <>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <p className="text-lg font-bold">{common("appName")}</p>
          <div className="flex flex-wrap items-center gap-3">
            <LanguageSwitcher />
            <SignOutButton label={common("signOut")} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-2xl px-4 py-10">
        <h1 className="mb-2 text-2xl font-bold">{t("forcedTitle")}</h1>
        <p className="mb-6 text-slate-700">{t("forcedIntro")}</p>
        {factor.state === "on" ? null : <EnrolmentPanel factor={factor} continueHref="/" />}
      </main>
    </>
  );
}
