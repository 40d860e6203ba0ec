import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isAllowed, placementResource, type Actor, type CohortSides } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { findOwnPreferencePlacements } from "../queries";

/** On a placement: the link to its host-unit preferences, for those who may read them. */
export async function PreferencesLink({ actor, placement }: { actor: Actor; placement: { id: string; officerId: string; hostUnitId: string | null; cohort: CohortSides } }) {
  if (!isAllowed(actor, "matchingPreference:view", placementResource(placement))) return null;
  const t = await getTranslations("matchingInputs.preferences");
  return (
    <p className="mt-2">
      <Link href={`/placements/${placement.id}/preferences`} className="text-brand-700 underline">
        {t("title")}
      </Link>
    </p>
  );
}

/** On a cohort's matching page: the link to its matching settings, for the host side. */
export async function MatchingSettingsLink({ actor, cohortId, sides }: { actor: Actor; cohortId: string; sides: CohortSides }) {
  if (!isAllowed(actor, "matchingSettings:view", { kind: "cohort", ...sides })) return null;
  const t = await getTranslations("matchingInputs.settings");
  return (
    <p className="mt-6">
      {/* No prefetch: each Propose refreshes the matching page, and each refresh would fetch the settings page again. */}
      <Link prefetch={false} href={`/cohorts/${cohortId}/matching/settings`} className="text-brand-700 underline">
        {t("title")}
      </Link>
    </p>
  );
}

/** On the officer's home: each nomination whose preferences they may still rank. */
export async function OwnPreferencesNotice({ actor }: { actor: Actor }) {
  const placements = await findOwnPreferencePlacements(actor);
  if (placements.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("matchingInputs.preferences"), getLocale()]);
  return (
    <section aria-labelledby="own-preferences-heading" className="mb-6 rounded border border-brand-700 bg-white p-4">
      <h2 id="own-preferences-heading" className="font-semibold">
        {t("homeTitle")}
      </h2>
      <ul className="mt-2 flex flex-col gap-1">
        {placements.map((placement) => (
          <li key={placement.id}>
            <Link href={`/placements/${placement.id}/preferences`} className="text-brand-700 underline">
              {t("homeItem", { cohort: localizedName(placement.cohort, locale as AppLocale) })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
