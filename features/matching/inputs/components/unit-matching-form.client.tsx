"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField, type Choice } from "@/components/ui/form-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/action";
import { RankedListEditor, type RankedItem } from "./ranked-list-editor.client";

interface UnitMatchingFormProps {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<{ version: number }>>;
  cohortId: string;
  hostUnitId: string;
  version: number;
  levels: Choice[];
  rankMinLevel: number | null;
  rankMaxLevel: number | null;
  wishes: RankedItem[];
  candidates: RankedItem[];
  max: number;
}

/** One host unit's rank band (from the host side's ranks) and ranked wishes among the cohort's nominated officers. */
export function UnitMatchingForm({ action, cohortId, hostUnitId, version, levels, rankMinLevel, rankMaxLevel, wishes, candidates, max }: UnitMatchingFormProps) {
  const t = useTranslations("matchingInputs.unit");
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(action, undefined, { navigatesOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
      <FormMessage message={formError} />
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="hostUnitId" value={hostUnitId} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="flex min-w-0 flex-col gap-4">
        <legend className="mb-2 font-semibold">{t("bandTitle")}</legend>
        <p className="text-sm text-slate-700">{t("bandHint")}</p>
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField name="rankMinLevel" label={t("rankMin")} defaultValue={rankMinLevel === null ? "" : String(rankMinLevel)} placeholder={t("anyRank")} options={levels} error={fieldError("rankMinLevel")} />
          <SelectField name="rankMaxLevel" label={t("rankMax")} defaultValue={rankMaxLevel === null ? "" : String(rankMaxLevel)} placeholder={t("anyRank")} options={levels} error={fieldError("rankMaxLevel")} />
        </div>
      </fieldset>
      <RankedListEditor name="placementIds" idPrefix="wishes" chosenTitle={t("wishesTitle")} initial={wishes} choices={candidates} max={max} error={fieldError("placementIds")} />
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
