"use client";

import { createContext, use, useCallback, useEffect, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/action";
import { useActionForm } from "@/components/forms/use-action-form";
import type { AcceptRefusalReason } from "../schemas";

// The matching page's forms. The table's checkboxes (accept, pin, forbid; proposal-rows.client.tsx) belong to these
// forms through their `form` attribute, so choosing rows is plain keyboard-operable HTML.

export const acceptFormId = "matching-accept";
export const proposeAgainFormId = "matching-propose-again";

type Action<Output> = (previous: unknown, payload: FormData) => Promise<ActionResult<Output>>;

function checkboxes(form: HTMLFormElement | null, name: string): HTMLInputElement[] {
  if (!form) return [];
  return [...form.elements].filter((element): element is HTMLInputElement => element instanceof HTMLInputElement && element.type === "checkbox" && element.name === name);
}

interface Proposal {
  view: ReactNode;
  url: string;
  /** When the run was stored (epoch ms). */
  proposedAt: number;
}
const ShowProposalContext = createContext<(proposal: Proposal) => void>(() => {
  throw new Error("ProposeForm is used outside a ProposalSlot, which shows its answer.");
});

/**
 * Holds the matching view. "Propose" answers with the new run's view (decision 118): it is shown here at once, in place
 * of the page's own, with the address changed to the run's. The page is then refreshed behind it, so that the router's
 * copy of the page (back and forward) has the run too. The page's own view is shown again once it knows a run at least
 * as new (`newestRunAt`): a refresh that left before a later "Propose again" never replaces that proposal.
 */
export function ProposalSlot({ newestRunAt, children }: { newestRunAt: number; children: ReactNode }) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const [shown, setShown] = useState<Proposal | null>(null);
  const show = useCallback((proposal: Proposal) => {
    setShown(proposal);
    // `null`, not history.state: Next's router takes in only replaceState calls that do not carry its own state.
    window.history.replaceState(null, "", proposal.url);
  }, []);
  useEffect(() => {
    if (!shown) return;
    // The button pressed is gone or far below: the new proposal's heading takes the focus (and the view scrolls to it).
    const heading = document.getElementById("matching-run-heading");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    // Once the proposal is on screen, not before: the refresh renders the whole page again on the server.
    const timer = setTimeout(() => startRefresh(() => router.refresh()), 0);
    return () => clearTimeout(timer);
  }, [shown, router]);
  return <ShowProposalContext value={show}>{shown && shown.proposedAt > newestRunAt ? shown.view : children}</ShowProposalContext>;
}

/** "Propose" (no rules) or "Propose again" (the pins, forbids and releases ticked in the table and the rules list). */
export function ProposeForm({ action, cohortId, again }: { action: Action<Proposal>; cohortId: string; again: boolean }) {
  const t = useTranslations("matchingRuns");
  const showProposal = use(ShowProposalContext);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const { formRef, onSubmit, pending, formError } = useActionForm(action, setProposal);
  // In an effect, after useActionForm's own has published the notice: showing the proposal may unmount this form.
  useEffect(() => {
    if (proposal) showProposal(proposal);
  }, [proposal, showProposal]);
  return (
    <form id={again ? proposeAgainFormId : undefined} ref={formRef} noValidate onSubmit={onSubmit} className="flex flex-col gap-2">
      <input type="hidden" name="cohortId" value={cohortId} />
      <FormMessage message={formError} />
      <div>
        <Button type="submit" variant={again ? "secondary" : "primary"} disabled={pending} aria-disabled={pending}>
          {pending ? t("proposing") : again ? t("proposeAgain") : t("propose")}
        </Button>
      </div>
    </form>
  );
}

interface AcceptOutput {
  accepted: number;
  refused: { placementId: string; reason: AcceptRefusalReason }[];
}

/** "Accept selected", with select all / none; each refused pair is named with its reason while the others are kept. */
export function AcceptSelected({ action, runId }: { action: Action<AcceptOutput>; runId: string }) {
  const t = useTranslations("matchingRuns");
  const [names, setNames] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<AcceptOutput["refused"]>([]);
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(action, (data) => setRefused(data.refused));
  return (
    <form
      id={acceptFormId}
      ref={formRef}
      noValidate
      className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4"
      onSubmit={(event) => {
        const chosen = checkboxes(event.currentTarget, "placementIds").filter((box) => box.checked);
        setRefused([]);
        setNames(Object.fromEntries(chosen.map((box) => [box.value, box.dataset.name ?? box.value])));
        onSubmit(event);
      }}
    >
      <input type="hidden" name="runId" value={runId} />
      <FormMessage message={formError ?? fieldError("placementIds")} />
      {refused.length > 0 && (
        <ul className="list-disc pl-6 text-sm text-red-800" data-testid="refused-pairs">
          {refused.map((row) => (
            <li key={row.placementId}>{t("refusedPair", { name: names[row.placementId] ?? row.placementId, reason: t(`refusals.${row.reason}`) })}</li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("accepting") : t("acceptSelected")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => checkboxes(formRef.current, "placementIds").forEach((box) => (box.checked = true))}>
          {t("selectAll")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => checkboxes(formRef.current, "placementIds").forEach((box) => (box.checked = false))}>
          {t("selectNone")}
        </Button>
      </div>
    </form>
  );
}

/** Discards one run (it stays listed, closed). */
export function DiscardRun({ action, runId, label }: { action: Action<unknown>; runId: string; label: string }) {
  const t = useTranslations("matchingRuns");
  const { formRef, onSubmit, pending, formError } = useActionForm(action);
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="flex flex-col gap-1">
      <input type="hidden" name="runId" value={runId} />
      <FormMessage message={formError} />
      <Button type="submit" variant="secondary" size="small" disabled={pending} aria-disabled={pending} aria-label={label}>
        {t("discard")}
      </Button>
    </form>
  );
}
