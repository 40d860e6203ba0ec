import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import { localizedName, type AppLocale, type TrilingualName } from "@/lib/i18n/locales";
import { ClientMessages } from "@/components/client-messages";
import { DataTable } from "@/components/data-table";
import { DetailList } from "@/components/detail-list";
import { EmptyState } from "@/components/empty-state";
import { PageSection } from "@/components/page-section";
import { HeaderCells } from "@/components/ui/column-headers";
import { acceptMatchingAction, discardMatchingAction, proposeMatchingAction } from "../actions";
import type { Actor } from "@/lib/authorization";
import { findMatchingPage, type MatchingPage, type MatchingRunDetail } from "../queries";
import type { ProposeOutcome } from "../mutations";
import { pairValue } from "../pair";
import { AcceptSelected, DiscardRun, ProposeForm, proposeAgainFormId } from "./run-forms.client";
import { ProposalRows } from "./proposal-rows.client";

type Translate = Awaited<ReturnType<typeof getTranslations<"matchingRuns">>>;

/**
 * The cohort's matching view showing one run, rendered for an action's answer (decision 118): "Propose" sends the new
 * run's view alone, and the page shows it in place of its own (ProposalSlot) without rendering the whole page again.
 */
export async function proposedMatchingView(actor: Actor, proposed: ProposeOutcome, locale: AppLocale) {
  const page = await findMatchingPage(actor, proposed.cohort, proposed.id, proposed.stored);
  return <MatchingView page={page} cohortId={proposed.cohortId} locale={locale} />;
}

export async function MatchingView({ page, cohortId, locale }: { page: MatchingPage; cohortId: string; locale: AppLocale }) {
  const t = await getTranslations("matchingRuns");
  const { run } = page;
  const canChange = run !== null && run.isOpen;
  const time = (date: Date) => formatDateTime(date, locale);
  return (
    <ClientMessages namespaces={["matchingRuns"]}>
      {page.canPropose ? (
        <div className="mb-6 flex flex-col gap-3">
          <p className="text-sm text-slate-700">{t("intro")}</p>
          {!canChange && <ProposeForm action={proposeMatchingAction} cohortId={cohortId} again={false} />}
        </div>
      ) : (
        <p className="mb-6 text-sm text-slate-700">{t("viewOnly")}</p>
      )}
      {/* Keyed by run: a new proposal shown in place (ProposalSlot) must not inherit the last one's ticked checkboxes. */}
      {run ? <RunSection key={run.id} run={run} page={page} cohortId={cohortId} locale={locale} t={t} /> : <EmptyState message={t("noRuns")} className="mb-6" />}
      {page.runs.length > 0 && (
        <PageSection id="matching-runs" title={t("runsHeading")} className="mt-8">
          <DataTable
            caption={t("runsCaption")}
            cardLabels={[null, t("runColumns.by"), t("runColumns.status"), t("runColumns.result"), null]}
            headers={<HeaderCells labels={[t("runColumns.when"), t("runColumns.by"), t("runColumns.status"), t("runColumns.result"), t("runColumns.actions")]} />}
            testId="matching-runs"
          >
            {page.runs.map((summary) => (
              <tr key={summary.id} className="border-t border-slate-200" data-testid="matching-run">
                <th scope="row" className="font-medium">
                  {time(summary.createdAt)}
                </th>
                <td>{summary.createdByName ?? t("none")}</td>
                <td>{t(`status.${summary.status}`)}</td>
                <td>{t("runResult", { assigned: summary.assigned, unassigned: summary.unassigned, accepted: summary.acceptedCount })}</td>
                <td>
                  <div className="flex flex-wrap items-start gap-2">
                    {summary.id === run?.id ? (
                      <span className="text-sm text-slate-700">{t("shown")}</span>
                    ) : (
                      <Link prefetch={false} href={`/cohorts/${cohortId}/matching?run=${summary.id}`} className="text-brand-700 underline" aria-label={t("viewLabel", { time: time(summary.createdAt) })}>
                        {t("view")}
                      </Link>
                    )}
                    {page.canDiscard && summary.isOpen && <DiscardRun action={discardMatchingAction} runId={summary.id} label={t("discardLabel", { time: time(summary.createdAt) })} />}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        </PageSection>
      )}
    </ClientMessages>
  );
}

function RunSection({ run, page, cohortId, locale, t }: { run: MatchingRunDetail; page: MatchingPage; cohortId: string; locale: AppLocale; t: Translate }) {
  const canAccept = page.canAccept && run.isOpen;
  const canRepropose = page.canPropose && run.isOpen;
  const hasAcceptable = run.rows.some((row) => row.isAcceptable);
  const unit = (id: string) => (run.unitNames[id] ? localizedName(run.unitNames[id] as TrilingualName, locale) : id);
  const officer = (id: string) => run.officerNames[id] ?? id;
  const facts: [string, React.ReactNode][] = [
    [t("facts.status"), t(`status.${run.status}`)],
    [t("facts.proposedBy"), run.createdByName ?? t("none")],
    [t("facts.total"), run.objectiveScore.toFixed(2)],
    [t("facts.placed"), run.assigned],
    [t("facts.unassigned"), run.unassigned],
    [t("facts.weights"), t("facts.weightsValue", run.weights)],
    [t("facts.departmentCap"), run.maxPerDepartmentPerUnit ?? t("facts.noCap")],
    [t("facts.solveTime"), t("facts.solveMs", { ms: Math.round(run.solveMs) })],
  ];
  return (
    <PageSection id="matching-run" title={t("runHeading", { time: formatDateTime(run.createdAt, locale) })} testId="matching-run-detail">
      <DetailList items={facts} className="mb-4 rounded border border-slate-300 bg-white p-4 text-sm" />
      {canAccept && hasAcceptable && (
        <div className="mb-4">
          <AcceptSelected action={acceptMatchingAction} runId={run.id} />
        </div>
      )}
      <ProposalRows run={{ rows: run.rows, unitNames: run.unitNames, officerNames: run.officerNames }} canAccept={canAccept} canRepropose={canRepropose} />
      {canRepropose && (
        <section aria-labelledby="matching-rules-heading" className="mt-6 rounded border border-slate-300 bg-white p-4">
          <h3 id="matching-rules-heading" className="text-base font-semibold">
            {t("rulesHeading")}
          </h3>
          <p className="mb-3 text-sm text-slate-700">{t("rulesIntro")}</p>
          {run.forbidden.length + run.released.length === 0 && run.pinned.length === 0 ? (
            <p className="mb-3 text-sm text-slate-700">{t("noRules")}</p>
          ) : (
            <ul className="mb-3 flex flex-col gap-1 text-sm" data-testid="matching-rules">
              {/* Pins of this run are ticked in the table (their rows show the pinned pair); forbids and releases here. */}
              {run.forbidden.map(([placementId, unitId]) => (
                <li key={`f-${placementId}-${unitId}`}>
                  <label className="inline-flex items-center gap-2">
                    <input type="checkbox" form={proposeAgainFormId} name="forbidden" value={pairValue(placementId, unitId)} defaultChecked className="h-4 w-4" />
                    {t("ruleForbidden", { name: officer(placementId), unit: unit(unitId) })}
                  </label>
                </li>
              ))}
              {run.released.map((placementId) => (
                <li key={`r-${placementId}`}>
                  <label className="inline-flex items-center gap-2">
                    <input type="checkbox" form={proposeAgainFormId} name="released" value={placementId} defaultChecked className="h-4 w-4" />
                    {t("ruleReleased", { name: officer(placementId) })}
                  </label>
                </li>
              ))}
              {run.pinned.map(([placementId, unitId]) => (
                <li key={`p-${placementId}-${unitId}`}>{t("rulePinned", { name: officer(placementId), unit: unit(unitId) })}</li>
              ))}
            </ul>
          )}
          <ProposeForm action={proposeMatchingAction} cohortId={cohortId} again />
        </section>
      )}
    </PageSection>
  );
}
