import "server-only";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import type { CohortStatus } from "@/generated/prisma/enums";
import { findJurisdictionOptions } from "../queries";

/** Choices for the cohort form: a coordinator can only send from its own side; an admin from any. */
export async function cohortFormOptions(user: SessionUser, locale: AppLocale, statuses: CohortStatus[]) {
  const [status, jurisdictions] = await Promise.all([getTranslations("status.cohort"), findJurisdictionOptions()]);
  const all = jurisdictions.map((jurisdiction) => ({ value: jurisdiction.id, label: localizedName(jurisdiction, locale) }));
  return {
    sendingOptions: user.role === "ADMIN" ? all : all.filter((option) => option.value === user.jurisdictionId),
    hostOptions: all,
    statusOptions: statuses.map((value) => ({ value, label: status(value) })),
  };
}
