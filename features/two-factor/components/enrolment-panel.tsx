import { getTranslations } from "next-intl/server";
import { PageSection } from "@/components/page-section";
import type { OwnSecondFactor } from "../queries";
import { ConfirmEnrolmentForm } from "./confirm-enrolment-form";
import { StartEnrolmentButton } from "./start-enrolment-button";

/**
 * Setting up an authenticator: a button that makes a pending secret, then the QR code (rendered on the server, an
 * SVG image) with the key to type by hand, and the code that confirms it. Used by /account/two-factor and by the
 * enrolment page a REQUIRE_2FA_ROLES user is sent to.
 */
export async function EnrolmentPanel({ factor, continueHref }: { factor: Exclude<OwnSecondFactor, { state: "on" }>; continueHref: string }) {
  const t = await getTranslations("twoFactor.enrol");
  if (factor.state === "off" || !factor.enrolment) {
    return (
      <div className="flex flex-col gap-3">
        <p>{t("startIntro")}</p>
        <StartEnrolmentButton label={t("start")} />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-8">
      <PageSection id="enrol-scan" title={t("scanTitle")} intro={t("scan")}>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server; nothing to optimise */}
        <img src={factor.enrolment.qrDataUrl} alt={t("qrAlt")} width={200} height={200} className="rounded border border-slate-300 bg-white" />
        <dl className="mt-4">
          <dt className="font-semibold">{t("manualKey")}</dt>
          <dd>
            <code className="break-all text-base" data-testid="manual-key">
              {factor.enrolment.manualKey}
            </code>
            <p className="text-sm text-slate-700">{t("manualKeyHint")}</p>
          </dd>
        </dl>
      </PageSection>
      <PageSection id="enrol-confirm" title={t("confirmTitle")}>
        <ConfirmEnrolmentForm
          continueHref={continueHref}
          labels={{ code: t("code"), codeHint: t("codeHint"), confirm: t("confirm"), codesTitle: t("codesTitle"), codesIntro: t("codesIntro"), codesLabel: t("codesLabel"), continue: t("continue") }}
        />
      </PageSection>
    </div>
  );
}
