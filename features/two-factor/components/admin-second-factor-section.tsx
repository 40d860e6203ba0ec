import { getLocale, getTranslations } from "next-intl/server";
import { ConfirmAction } from "@/components/confirm-action";
import { PageSection } from "@/components/page-section";
import { hasPermission, type Actor } from "@/lib/authorization";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { resetSecondFactorAction } from "../actions";
import { findSecondFactorSummary } from "../queries";

/** The admin's user page: whether the user has a second factor, and the reset (a lost phone, no recovery codes). */
export async function AdminSecondFactorSection({ actor, userId }: { actor: Actor; userId: string }) {
  if (!hasPermission(actor, "user:resetSecondFactor")) return null;
  const [t, locale, summary] = await Promise.all([getTranslations("twoFactor.admin"), getLocale(), findSecondFactorSummary(userId)]);
  const status =
    summary.state === "on" && summary.confirmedAt ? t("on", { date: formatDateTime(summary.confirmedAt, locale as AppLocale) }) : summary.state === "pending" ? t("pending") : t("off");
  return (
    <PageSection id="second-factor" title={t("title")} className="rounded border border-slate-300 bg-white p-4" testId="second-factor-admin">
      <p className="mb-3">{status}</p>
      {summary.state !== "off" && (
        <ConfirmAction
          triggerLabel={t("reset")}
          title={t("confirmTitle")}
          body={t("confirmBody")}
          confirmLabel={t("confirm")}
          cancelLabel={t("cancel")}
          fields={{ userId }}
          action={resetSecondFactorAction}
        />
      )}
    </PageSection>
  );
}
