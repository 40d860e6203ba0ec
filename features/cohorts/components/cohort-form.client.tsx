"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/action";
import { SelectField } from "@/components/ui/form-fields";
import { useActionForm } from "@/components/forms/use-action-form";

export interface CohortFormValues {
  id?: string;
  version?: number;
  code: string;
  nameEn: string;
  nameZhHant: string;
  nameZhHans: string;
  sendingJurisdictionId: string;
  hostJurisdictionId: string;
  startDate: string;
  endDate: string;
  nominationDeadline: string;
  status: string;
}

type Option = { value: string; label: string };

interface CohortFormProps {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<{ id: string }>>;
  values: CohortFormValues;
  /** The sending sides the user may choose: only their own for a coordinator. */
  sendingOptions: Option[];
  hostOptions: Option[];
  statusOptions: Option[];
  submitLabel: string;
}

export function CohortForm({ action, values, sendingOptions, hostOptions, statusOptions, submitLabel }: CohortFormProps) {
  const t = useTranslations("cohorts");
  const router = useRouter();
  const form = useActionForm(action, (data) => router.push(`/cohorts/${data.id}`), { navigatesOnSuccess: true });
  return (
    <form onSubmit={form.onSubmit} className="flex max-w-3xl flex-col gap-5" noValidate>
      <FormMessage message={form.formError} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      <TextField name="code" label={t("code")} hint={t("codeHint")} defaultValue={values.code} error={form.fieldError("code")} required maxLength={40} />
      <fieldset className="flex flex-col gap-4 rounded border border-slate-300 p-4">
        <legend className="px-1 text-sm font-semibold">{t("nameLegend")}</legend>
        <TextField name="nameEn" label={t("nameEn")} defaultValue={values.nameEn} error={form.fieldError("nameEn")} required maxLength={200} lang="en" />
        <TextField
          name="nameZhHant"
          label={t("nameZhHant")}
          defaultValue={values.nameZhHant}
          error={form.fieldError("nameZhHant")}
          required
          maxLength={200}
          lang="zh-Hant"
        />
        <TextField
          name="nameZhHans"
          label={t("nameZhHans")}
          defaultValue={values.nameZhHans}
          error={form.fieldError("nameZhHans")}
          required
          maxLength={200}
          lang="zh-Hans"
        />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="sendingJurisdictionId"
          label={t("sending")}
          defaultValue={values.sendingJurisdictionId}
          options={sendingOptions}
          error={form.fieldError("sendingJurisdictionId")}
          required
        />
        <SelectField
          name="hostJurisdictionId"
          label={t("host")}
          defaultValue={values.hostJurisdictionId}
          options={[{ value: "", label: t("chooseSide") }, ...hostOptions]}
          error={form.fieldError("hostJurisdictionId")}
          required
        />
        <TextField name="startDate" type="date" label={t("startDate")} defaultValue={values.startDate} error={form.fieldError("startDate")} required />
        <TextField name="endDate" type="date" label={t("endDate")} defaultValue={values.endDate} error={form.fieldError("endDate")} required />
        <TextField
          name="nominationDeadline"
          type="date"
          label={t("nominationDeadline")}
          hint={t("nominationDeadlineHint")}
          defaultValue={values.nominationDeadline}
          error={form.fieldError("nominationDeadline")}
        />
        <SelectField
          name="status"
          label={t("status")}
          hint={t("statusHint")}
          defaultValue={values.status}
          options={statusOptions}
          error={form.fieldError("status")}
          required
        />
      </div>
      <div>
        <Button type="submit" disabled={form.pending} aria-disabled={form.pending}>
          {form.pending ? t("saving") : submitLabel}
        </Button>
      </div>
    </form>
  );
}
