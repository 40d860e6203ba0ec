import { getTranslations } from "next-intl/server";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ClientMessages } from "@/components/client-messages";
import { EmptyState } from "@/components/empty-state";
import { PageSection } from "@/components/page-section";
import { nominateOfficersAction } from "../actions";
import type { NominationCandidate } from "../queries/candidates";
import { NominateForm } from "./nominate-form";

interface NominatePanelProps {
  cohortId: string;
  query: string | undefined;
  candidates: NominationCandidate[];
  locale: AppLocale;
}

/** The sending side's picker: a server-side search of its active officers not yet in the cohort. */
export async function NominatePanel({ cohortId, query, candidates, locale }: NominatePanelProps) {
  const t = await getTranslations("placements");
  return (
    <NominateSection title={t("nominateTitle")}>
      <p className="mb-4 text-sm text-slate-700">{t("nominateIntro")}</p>
      <form method="get" action={`/cohorts/${cohortId}`} role="search" aria-label={t("searchOfficers")} className="mb-4 flex flex-wrap items-end gap-3">
        <TextField name="officerQuery" type="search" label={t("searchOfficers")} hint={t("searchOfficersHint")} defaultValue={query ?? ""} className="min-w-64 flex-1" />
        <Button type="submit" variant="secondary">
          {t("search")}
        </Button>
      </form>
      {/* Always mounted, so the confirmation survives the refresh that empties the list it came from. */}
      <ClientMessages namespaces={["placements"]}>
        <NominateForm
          action={nominateOfficersAction}
          cohortId={cohortId}
          emptyState={<EmptyState message={query ? t("noCandidatesMatch") : t("noCandidates")} />}
          candidates={candidates.map((candidate) => ({
            id: candidate.id,
            name: candidate.name,
            chineseName: candidate.chineseName,
            staffNumber: candidate.staffNumber,
            description: `${localizedName(candidate.rank, locale)}, ${localizedName(candidate.department, locale)}`,
            hasOverlap: candidate.hasOverlap,
          }))}
        />
      </ClientMessages>
    </NominateSection>
  );
}

/** Where the picker would be once the nomination deadline has passed: says so, and who can change it. */
export async function NominationsClosedNotice({ deadline }: { deadline: string }) {
  const t = await getTranslations("placements");
  return (
    <NominateSection title={t("nominateTitle")}>
      <p className="text-sm text-slate-800" data-testid="nominations-closed">
        {t("nominationsClosed", { date: deadline })}
      </p>
    </NominateSection>
  );
}

/** The board's nomination section, open or closed: one heading, so the page's outline is the same either way. */
function NominateSection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <PageSection id="nominate" title={title} className="mt-8 rounded border border-slate-300 bg-white p-5">
      {children}
    </PageSection>
  );
}
