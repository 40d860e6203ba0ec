"use client";

import { useTranslations } from "@/lib/i18n/client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/action";
import { CheckboxGroup, SelectField } from "@/components/ui/form-fields";
import { useActionForm } from "@/components/forms/use-action-form";

interface Choice {
  value: string;
  label: string;
}

export interface OfficerFormValues {
  id?: string;
  version?: number;
  staffNumber: string;
  surname: string;
  givenName: string;
  otherName: string;
  chineseName: string;
  rankId: string;
  departmentId: string;
  workEmail: string;
  fieldIds: string[];
}

export function OfficerForm({
  action,
  values,
  ranks,
  departments,
  fields,
  cancelHref,
}: {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<unknown>>;
  values: OfficerFormValues;
  ranks: Choice[];
  departments: Choice[];
  fields: Choice[];
  cancelHref: string;
}) {
  const t = useTranslations("officers");
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(action);
  const isEdit = Boolean(values.id);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-5 rounded border border-slate-300 bg-white p-6">
      <FormMessage message={formError} />
      {isEdit && (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      )}
      <div className="grid gap-5 md:grid-cols-2">
        <TextField name="staffNumber" label={t("staffNumber")} hint={t("staffNumberHint")} defaultValue={values.staffNumber} error={fieldError("staffNumber")} required autoComplete="off" />
        <TextField name="workEmail" type="email" label={t("workEmail")} defaultValue={values.workEmail} error={fieldError("workEmail")} required autoComplete="off" />
        <TextField name="surname" label={t("surname")} hint={t("surnameHint")} defaultValue={values.surname} error={fieldError("surname")} required autoComplete="off" />
        <TextField name="givenName" label={t("givenName")} hint={t("givenNameHint")} defaultValue={values.givenName} error={fieldError("givenName")} required autoComplete="off" />
        <TextField name="otherName" label={t("otherName")} hint={t("otherNameHint")} defaultValue={values.otherName} error={fieldError("otherName")} autoComplete="off" />
        <TextField name="chineseName" label={t("chineseName")} hint={t("chineseNameHint")} defaultValue={values.chineseName} error={fieldError("chineseName")} autoComplete="off" lang="zh" />
        <SelectField name="rankId" label={t("rank")} options={ranks} placeholder={t("choose")} defaultValue={values.rankId} error={fieldError("rankId")} required />
        <SelectField
          name="departmentId"
          label={t("department")}
          options={departments}
          placeholder={t("choose")}
          defaultValue={values.departmentId}
          error={fieldError("departmentId")}
          required
        />
      </div>
      <CheckboxGroup name="fieldIds" legend={t("fields")} hint={t("fieldsHint")} options={fields} defaultValues={values.fieldIds} error={fieldError("fieldIds")} />
      <div className="flex gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("saving") : isEdit ? t("saveChanges") : t("create")}
        </Button>
        <Button asChild variant="secondary">
          <Link href={cancelHref}>
            {t("cancel")}
          </Link>
        </Button>
      </div>
    </form>
  );
}
