"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/action";
import { useActionForm } from "@/components/forms/use-action-form";

export interface CandidateChoice {
  id: string;
  name: string;
  chineseName: string | null;
  staffNumber: string;
  description: string;
  hasOverlap: boolean;
}

interface NominateFormProps {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<{ nominated: number }>>;
  cohortId: string;
  candidates: CandidateChoice[];
  /** Shown instead of the list when no officer is left to nominate. */
  emptyState: React.ReactNode;
}

export function NominateForm({ action, cohortId, candidates, emptyState }: NominateFormProps) {
  const t = useTranslations("placements");
  const [notice, setNotice] = useState<string>();
  const form = useActionForm(action, (data) => setNotice(t("nominated", { count: data.nominated })));
  const error = form.fieldError("officerIds");
  return (
    <form
      onSubmit={(event) => {
        setNotice(undefined);
        form.onSubmit(event);
      }}
      className="flex flex-col gap-3"
      noValidate
    >
      <FormMessage message={form.formError} />
      <FormMessage message={notice} tone="success" />
      {candidates.length === 0 ? emptyState : <CandidateList candidates={candidates} error={error} pending={form.pending} cohortId={cohortId} />}
    </form>
  );
}

function CandidateList({ candidates, error, pending, cohortId }: { candidates: CandidateChoice[]; error?: string; pending: boolean; cohortId: string }) {
  const t = useTranslations("placements");
  return (
    <>
      <input type="hidden" name="cohortId" value={cohortId} />
      <fieldset aria-describedby={error ? "officerIds-error" : undefined}>
        <legend className="mb-2 text-sm font-semibold">{t("candidatesLegend")}</legend>
        {error && (
          <p id="officerIds-error" className="mb-2 text-sm text-red-700">
            {error}
          </p>
        )}
        <ul className="flex flex-col divide-y divide-slate-200 rounded border border-slate-300 bg-white">
          {candidates.map((candidate) => (
            <li key={candidate.id} className="flex items-start gap-3 px-3 py-2">
              <input
                type="checkbox"
                id={`candidate-${candidate.id}`}
                name="officerIds"
                value={candidate.id}
                disabled={candidate.hasOverlap}
                aria-describedby={`candidate-${candidate.id}-details`}
                className="mt-1 h-4 w-4"
              />
              <label htmlFor={`candidate-${candidate.id}`} className="flex flex-col">
                <span className="font-medium">
                  {candidate.name} {candidate.chineseName && <span lang="zh">{candidate.chineseName}</span>}
                </span>
                <span id={`candidate-${candidate.id}-details`} className="text-sm text-slate-700">
                  {candidate.staffNumber} · {candidate.description}
                  {candidate.hasOverlap && <> · {t("alreadyPlaced")}</>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("saving") : t("nominateSelected")}
        </Button>
      </div>
    </>
  );
}
