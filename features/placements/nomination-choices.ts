import "server-only";
import { cohortResource, isAllowed, type Actor } from "@/lib/authorization";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { listText } from "@/lib/list-params";
import { findCohortForActor } from "@/features/cohorts/queries";
import { nominationDeadlinePassed } from "./policy";
import { findNominationCandidates } from "./queries/candidates";
import type { CandidateChoice } from "./components/nominate-dialog.client";

/**
 * The nominate dialog's officer choices, loaded when it opens (never rendered into the board): the cohort is read in
 * the actor's scope (lib/scopes.ts through findCohortForActor; 404 outside it), nominating must be allowed for this
 * cohort (403) and still open (422), then up to 20 matching officers with their rank and department in the reader's
 * language.
 */
export async function findNominationChoices(actor: Actor, cohortId: string, rawQuery: string | null, locale: AppLocale): Promise<CandidateChoice[]> {
  const cohort = await findCohortForActor(actor, cohortId);
  if (!cohort) throw new NotFoundError();
  if (!isAllowed(actor, "placement:nominate", cohortResource(cohort))) throw new ForbiddenError();
  if (cohort.status === "COMPLETED") throw new AppError("cohortClosed");
  if (nominationDeadlinePassed(cohort)) throw new AppError("nominationDeadlinePassed");
  const query = listText(100).parse(rawQuery?.slice(0, 100) ?? undefined);
  const candidates = await findNominationCandidates(actor, cohort.id, query);
  return candidates.map((candidate) => ({
    id: candidate.id,
    name: candidate.name,
    chineseName: candidate.chineseName,
    staffNumber: candidate.staffNumber,
    description: `${localizedName(candidate.rank, locale)}, ${localizedName(candidate.department, locale)}`,
    hasOverlap: candidate.hasOverlap,
  }));
}
