"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/action";
import { RankedListEditor, type RankedItem } from "./ranked-list-editor.client";

interface PreferencesFormProps {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<{ version: number }>>;
  placementId: string;
  version: number;
  chosen: RankedItem[];
  choices: RankedItem[];
  max: number;
  chosenFields: RankedItem[];
  fieldChoices: RankedItem[];
  maxFields: number;
}

/** The officer's (or sending coordinator's) ranking of host units and fields of work; saved whole, from the version shown. */
export function PreferencesForm({ action, placementId, version, chosen, choices, max, chosenFields, fieldChoices, maxFields }: PreferencesFormProps) {
  const t = useTranslations("matchingInputs.preferences");
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormMessage message={formError} />
      <input type="hidden" name="placementId" value={placementId} />
      <input type="hidden" name="version" value={version} />
      {/* Keyed by version: after a save the page's fresh list replaces the edited one. */}
      <RankedListEditor key={version} name="hostUnitIds" idPrefix="preferences" chosenTitle={t("chosenTitle")} initial={chosen} choices={choices} max={max} error={fieldError("hostUnitIds")} />
      <div className="flex flex-col gap-2 border-t border-slate-300 pt-4">
        <p className="text-sm text-slate-700">{t("fieldsIntro", { max: maxFields })}</p>
        <RankedListEditor
          key={version}
          name="fieldIds"
          idPrefix="field-preferences"
          chosenTitle={t("fieldsTitle")}
          initial={chosenFields}
          choices={fieldChoices}
          max={maxFields}
          error={fieldError("fieldIds")}
          searchLabel={t("fieldSearchLabel")}
          availableLabel={t("fieldAvailableLabel")}
        />
      </div>
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
