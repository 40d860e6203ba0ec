"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "@/lib/i18n/client";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
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

type Choices = { state: "loading" } | { state: "loaded"; query: string; candidates: CandidateChoice[] } | { state: "failed"; message: string };

export interface NominateDialogProps {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<{ nominated: number }>>;
  cohortId: string;
  /** Opened at once: the board loads this module only when the coordinator first asks for it (nominate-dialog-loader). */
  initiallyOpen?: boolean;
}

/**
 * Nominating opens where the coordinator is: a dialog whose officer choices are fetched when it opens (and on each
 * search) from the cohort's nomination-candidates route, so nothing of the picker is in the board's HTML. Several
 * officers are nominated at once, all or nothing; a refused officer shows its reason under its name.
 */
export function NominateDialog({ action, cohortId, initiallyOpen = false }: NominateDialogProps) {
  const t = useTranslations("nominate");
  const [open, setOpen] = useState(initiallyOpen);
  const [query, setQuery] = useState("");
  const [choices, setChoices] = useState<Choices>({ state: "loading" });
  const [notice, setNotice] = useState<string>();
  const descriptionId = useId();
  // Only the latest request's answer is shown: an earlier, slower one (the first load) must not overwrite a search.
  const latestRequest = useRef(0);

  const fetchChoices = useCallback(
    async (search: string): Promise<Choices> => {
      try {
        const response = await fetch(`/api/cohorts/${encodeURIComponent(cohortId)}/nomination-candidates?q=${encodeURIComponent(search)}`, { cache: "no-store" });
        const body = (await response.json()) as { candidates?: CandidateChoice[]; error?: string };
        if (!response.ok || !body.candidates) return { state: "failed", message: body.error ?? t("loadFailed") };
        return { state: "loaded", query: search, candidates: body.candidates };
      } catch {
        return { state: "failed", message: t("loadFailed") };
      }
    },
    [cohortId, t],
  );

  const load = useCallback(
    async (search: string) => {
      const request = ++latestRequest.current;
      setChoices({ state: "loading" });
      const next = await fetchChoices(search);
      if (request === latestRequest.current) setChoices(next);
    },
    [fetchChoices],
  );

  const { formRef, onSubmit, pending, formError, fieldError, reset } = useActionForm(action, (data) => {
    setNotice(t("nominated", { count: data.nominated }));
    void load(query);
  });

  // Opened at mount (loaded lazily on the first press): fetch the first choices once; later openings load in onOpenChange.
  useEffect(() => {
    if (!initiallyOpen) return;
    let cancelled = false;
    const request = ++latestRequest.current;
    void fetchChoices("").then((next) => {
      if (!cancelled && request === latestRequest.current) setChoices(next);
    });
    return () => {
      cancelled = true;
    };
  }, [initiallyOpen, fetchChoices]);

  function onOpenChange(next: boolean) {
    setOpen(next);
    setNotice(undefined);
    reset();
    // Loaded when opened, never before: the board page carries no officer list.
    if (next) void load(query);
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <Button type="button">{t("open")}</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content
          aria-describedby={descriptionId}
          className="fixed inset-x-2 top-2 bottom-2 z-50 mx-auto flex max-w-2xl flex-col gap-3 overflow-hidden rounded border border-slate-300 bg-white p-4 shadow-xl sm:inset-x-4 sm:top-[5vh] sm:bottom-[5vh] sm:p-6"
        >
          <div className="flex items-start justify-between gap-3">
            <Dialog.Title className="text-lg font-semibold">{t("title")}</Dialog.Title>
            <Dialog.Close asChild>
              <Button type="button" variant="secondary" size="small">
                {t("close")}
              </Button>
            </Dialog.Close>
          </div>
          <Dialog.Description id={descriptionId} className="text-sm text-slate-700">
            {t("intro")}
          </Dialog.Description>
          <form
            role="search"
            aria-label={t("searchLabel")}
            className="flex flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              setNotice(undefined);
              reset();
              void load(query);
            }}
          >
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <label htmlFor={`${descriptionId}-query`} className="text-sm font-medium">
                {t("searchLabel")}
              </label>
              <input
                id={`${descriptionId}-query`}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                maxLength={100}
                className={controlClass()}
                aria-describedby={`${descriptionId}-hint`}
              />
              <span id={`${descriptionId}-hint`} className="text-xs text-slate-600">
                {t("searchHint")}
              </span>
            </div>
            <Button type="submit" variant="secondary">
              {t("search")}
            </Button>
          </form>
          <form
            ref={formRef}
            onSubmit={(event) => {
              setNotice(undefined);
              onSubmit(event);
            }}
            className="flex min-h-0 flex-1 flex-col gap-3"
            noValidate
          >
            <FormMessage message={formError} />
            <FormMessage message={notice} tone="success" />
            <input type="hidden" name="cohortId" value={cohortId} />
            <CandidateList choices={choices} fieldError={fieldError} />
            <div>
              <Button type="submit" disabled={pending || choices.state !== "loaded" || choices.candidates.length === 0} aria-disabled={pending}>
                {pending ? t("saving") : t("submit")}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function CandidateList({ choices, fieldError }: { choices: Choices; fieldError: (name: string) => string | undefined }) {
  const t = useTranslations("nominate");
  if (choices.state === "loading") {
    return (
      <p className="text-sm text-slate-700" role="status">
        {t("loading")}
      </p>
    );
  }
  if (choices.state === "failed") return <FormMessage message={choices.message} />;
  if (choices.candidates.length === 0) {
    return (
      <p className="rounded border border-dashed border-slate-400 p-4 text-center text-sm text-slate-700" role="status">
        {choices.query ? t("noCandidatesMatch") : t("noCandidates")}
      </p>
    );
  }
  const listError = fieldError("officerIds");
  return (
    <fieldset className="flex min-h-0 flex-col" aria-describedby={listError ? "nominate-officers-error" : undefined}>
      <legend className="mb-2 text-sm font-semibold">{t("legend")}</legend>
      {listError && (
        <p id="nominate-officers-error" className="mb-2 text-sm text-red-700">
          {listError}
        </p>
      )}
      {/* The list scrolls inside the dialog; each checkbox in it is focusable, so the keyboard reaches every row. */}
      <ul className="min-h-0 flex-1 divide-y divide-slate-200 overflow-y-auto rounded border border-slate-300">
        {choices.candidates.map((candidate) => {
          const reason = fieldError(`rows.${candidate.id}`);
          const detailsId = `candidate-${candidate.id}-details`;
          return (
            <li key={candidate.id} className="flex items-start gap-3 px-3 py-2" data-testid="nominate-candidate">
              <input
                type="checkbox"
                id={`candidate-${candidate.id}`}
                name="officerIds"
                value={candidate.id}
                disabled={candidate.hasOverlap}
                aria-describedby={reason ? `${detailsId} ${detailsId}-reason` : detailsId}
                aria-invalid={reason ? true : undefined}
                className="mt-1 h-4 w-4 shrink-0"
              />
              <label htmlFor={`candidate-${candidate.id}`} className="flex min-w-0 flex-col [overflow-wrap:anywhere]">
                <span className="font-medium">
                  {candidate.name} {candidate.chineseName && <span lang="zh">{candidate.chineseName}</span>}
                </span>
                <span id={detailsId} className="text-sm text-slate-700">
                  {candidate.staffNumber} · {candidate.description}
                  {candidate.hasOverlap && <> · {t("alreadyPlaced")}</>}
                </span>
                {reason && (
                  <span id={`${detailsId}-reason`} className="text-sm font-medium text-red-700" data-testid="row-reason">
                    {reason}
                  </span>
                )}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
