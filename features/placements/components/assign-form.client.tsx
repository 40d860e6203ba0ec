"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/action";
import { SelectField } from "@/components/ui/form-fields";
import { useActionForm } from "@/components/forms/use-action-form";

export interface AssignHostUnitChoice {
  id: string;
  name: string;
  remaining: number;
  capacity: number;
  fieldIds: string[];
}

interface AssignFormProps {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<{ approvalsReset: boolean }>>;
  placementId: string;
  version: number;
  hostUnits: AssignHostUnitChoice[];
  fields: { id: string; name: string }[];
  values: { hostUnitId: string; fieldId: string; postTitle: string; startDate: string; endDate: string };
  cohortWindow: { startDate: string; endDate: string };
  /** Either side has approved: a change of host unit, dates or post will clear the approvals. */
  hasApprovals: boolean;
}

export function AssignForm({ action, placementId, version, hostUnits, fields, values, cohortWindow, hasApprovals }: AssignFormProps) {
  const t = useTranslations("placements");
  const [fieldId, setFieldId] = useState(values.fieldId);
  // What the save did is said by the app's notice region (components/notice.tsx), which the next action clears.
  const form = useActionForm(action);

  const unitOptions = hostUnits.map((unit) => {
    const fits = fieldId ? unit.fieldIds.includes(fieldId) : null;
    const places = t("placesLeft", { remaining: unit.remaining, capacity: unit.capacity });
    const fit = fits === null ? "" : ` · ${fits ? t("fieldFits") : t("fieldDoesNotFit")}`;
    // A full unit stays choosable only for the placement already in it.
    return { value: unit.id, label: `${unit.name} — ${places}${fit}`, disabled: unit.remaining === 0 && unit.id !== values.hostUnitId };
  });

  return (
    <form
      onSubmit={form.onSubmit}
      className="flex flex-col gap-4"
      noValidate
      aria-labelledby="assign-heading"
    >
      <FormMessage message={form.formError} />
      {hasApprovals && <p className="rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("materialChangeWarning")}</p>}
      <input type="hidden" name="placementId" value={placementId} />
      <input type="hidden" name="version" value={version} />
      <SelectField
        name="fieldId"
        label={t("field")}
        value={fieldId}
        onChange={(event) => setFieldId(event.target.value)}
        options={[{ value: "", label: t("chooseField") }, ...fields.map((field) => ({ value: field.id, label: field.name }))]}
        error={form.fieldError("fieldId")}
        required
      />
      <SelectField
        name="hostUnitId"
        label={t("hostUnit")}
        hint={t("hostUnitHint")}
        defaultValue={values.hostUnitId}
        options={[{ value: "", label: t("chooseHostUnit") }, ...unitOptions]}
        error={form.fieldError("hostUnitId")}
        required
      />
      <TextField name="postTitle" label={t("post")} hint={t("postHint")} defaultValue={values.postTitle} error={form.fieldError("postTitle")} required maxLength={200} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="startDate"
          type="date"
          label={t("startDate")}
          defaultValue={values.startDate}
          min={cohortWindow.startDate}
          max={cohortWindow.endDate}
          error={form.fieldError("startDate")}
          required
        />
        <TextField
          name="endDate"
          type="date"
          label={t("endDate")}
          defaultValue={values.endDate}
          min={cohortWindow.startDate}
          max={cohortWindow.endDate}
          error={form.fieldError("endDate")}
          required
        />
      </div>
      <div>
        <Button type="submit" disabled={form.pending} aria-disabled={form.pending}>
          {form.pending ? t("saving") : t("saveAssignment")}
        </Button>
      </div>
    </form>
  );
}
