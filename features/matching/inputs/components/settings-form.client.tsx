"use client";

import { useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/action";

type WeightName = "fieldFitWeight" | "preferenceWeight" | "wishWeight" | "rankBandWeight";
const weightNames: readonly WeightName[] = ["fieldFitWeight", "preferenceWeight", "wishWeight", "rankBandWeight"];

interface SettingsFormProps {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<{ version: number }>>;
  cohortId: string;
  version: number;
  values: Record<WeightName, number> & { maxPerDepartmentPerUnit: number | null };
  defaults: Record<WeightName, number>;
}

/** The four weights, each explained, with "reset to defaults", and the department cap. */
export function SettingsForm({ action, cohortId, version, values, defaults }: SettingsFormProps) {
  const t = useTranslations("matchingInputs.settings");
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(action);
  const [weights, setWeights] = useState<Record<WeightName, string>>(() => {
    const initial = {} as Record<WeightName, string>;
    for (const name of weightNames) initial[name] = String(values[name]);
    return initial;
  });
  const [cap, setCap] = useState(values.maxPerDepartmentPerUnit === null ? "" : String(values.maxPerDepartmentPerUnit));
  const labels: Record<WeightName, { label: string; hint: string }> = {
    fieldFitWeight: { label: t("fieldFitWeight"), hint: t("fieldFitHint") },
    preferenceWeight: { label: t("preferenceWeight"), hint: t("preferenceHint") },
    wishWeight: { label: t("wishWeight"), hint: t("wishHint") },
    rankBandWeight: { label: t("rankBandWeight"), hint: t("rankBandHint") },
  };

  function resetToDefaults() {
    const next = {} as Record<WeightName, string>;
    for (const name of weightNames) next[name] = String(defaults[name]);
    setWeights(next);
    setCap("");
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormMessage message={formError} />
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-700">{t("weightsHint")}</p>
      <div className="grid gap-4 md:grid-cols-2">
        {weightNames.map((name) => (
          <TextField
            key={name}
            name={name}
            type="number"
            inputMode="numeric"
            min={0}
            max={1000}
            step={1}
            label={labels[name].label}
            hint={labels[name].hint}
            value={weights[name]}
            onChange={(event) => setWeights({ ...weights, [name]: event.target.value })}
            error={fieldError(name)}
            required
          />
        ))}
      </div>
      <TextField
        name="maxPerDepartmentPerUnit"
        type="number"
        inputMode="numeric"
        min={1}
        max={1000}
        step={1}
        label={t("cap")}
        hint={t("capHint")}
        value={cap}
        onChange={(event) => setCap(event.target.value)}
        error={fieldError("maxPerDepartmentPerUnit")}
      />
      <p className="text-sm text-slate-700">{t("defaultsNote", { fieldFit: defaults.fieldFitWeight, preference: defaults.preferenceWeight, wish: defaults.wishWeight, rankBand: defaults.rankBandWeight })}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Button type="button" variant="secondary" onClick={resetToDefaults}>
          {t("reset")}
        </Button>
      </div>
    </form>
  );
}
