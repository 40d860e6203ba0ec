"use client";

import { useTranslations } from "@/lib/i18n/client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { DepartmentKind, JurisdictionKind } from "@/generated/prisma/enums";
import { saveReferenceRecordAction } from "../actions";
import type { ReferenceKind } from "../entities";
import { CheckboxField, CheckboxGroup, SelectField } from "@/components/ui/form-fields";
import { useActionForm } from "@/components/forms/use-action-form";

interface Choice {
  value: string;
  label: string;
}

/** What the edit form starts from; every value as the form shows it. Empty for a new record. */
export interface ReferenceFormValues {
  id?: string;
  version?: string;
  jurisdictionId?: string;
  code?: string;
  nameEn?: string;
  nameZhHant?: string;
  nameZhHans?: string;
  jurisdictionKind?: string;
  departmentKind?: string;
  timeZone?: string;
  district?: string;
  defaultCapacity?: string;
  fieldIds?: string[];
  grade?: string;
  level?: string;
  isDirectorate?: boolean;
  sortOrder?: string;
}

export function ReferenceForm({ kind, values, jurisdictions, fields }: { kind: ReferenceKind; values: ReferenceFormValues; jurisdictions: Choice[]; fields: Choice[] }) {
  const t = useTranslations("referenceData");
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(saveReferenceRecordAction);
  const isEdit = Boolean(values.id);
  const text = (name: keyof ReferenceFormValues, options: { required?: boolean; hint?: string; type?: string; lang?: string } = {}) => (
    <TextField
      name={name}
      label={t(`form.${name}`)}
      hint={options.hint}
      type={options.type ?? "text"}
      lang={options.lang}
      defaultValue={(values[name] as string | undefined) ?? ""}
      error={fieldError(name)}
      required={options.required}
      autoComplete="off"
    />
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-5 rounded border border-slate-300 bg-white p-6">
      <FormMessage message={formError} />
      <input type="hidden" name="referenceKind" value={kind} />
      {isEdit && (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      )}
      {(kind === "departments" || kind === "host-units" || kind === "ranks") &&
        (isEdit ? (
          <p className="text-sm text-slate-700">
            {t("form.jurisdictionId")}: {jurisdictions.find((choice) => choice.value === values.jurisdictionId)?.label}
          </p>
        ) : (
          <SelectField
            name="jurisdictionId"
            label={t("form.jurisdictionId")}
            hint={t("form.jurisdictionHint")}
            options={jurisdictions}
            placeholder={t("form.choose")}
            defaultValue={values.jurisdictionId}
            error={fieldError("jurisdictionId")}
            required
          />
        ))}
      <div className="grid gap-5 md:grid-cols-2">
        {kind === "ranks" && text("grade", { required: true, hint: t("form.gradeHint") })}
        {kind === "ranks" && text("level", { required: true, type: "number", hint: t("form.levelHint") })}
        {text("code", { required: true, hint: t("form.codeHint") })}
        {kind === "jurisdictions" && (
          <SelectField
            name="jurisdictionKind"
            label={t("form.jurisdictionKind")}
            options={Object.values(JurisdictionKind).map((value) => ({ value, label: t(`jurisdictionKinds.${value}`) }))}
            placeholder={t("form.choose")}
            defaultValue={values.jurisdictionKind}
            error={fieldError("jurisdictionKind")}
            required
          />
        )}
        {kind === "departments" && (
          <SelectField
            name="departmentKind"
            label={t("form.departmentKind")}
            options={Object.values(DepartmentKind).map((value) => ({ value, label: t(`departmentKinds.${value}`) }))}
            placeholder={t("form.choose")}
            defaultValue={values.departmentKind}
            error={fieldError("departmentKind")}
            required
          />
        )}
        {kind === "jurisdictions" && text("timeZone", { required: true, hint: t("form.timeZoneHint") })}
        {kind === "host-units" && text("district", { hint: t("form.districtHint") })}
        {kind === "host-units" && text("defaultCapacity", { required: true, type: "number", hint: t("form.defaultCapacityHint") })}
        {kind === "fields" && text("sortOrder", { required: true, type: "number", hint: t("form.sortOrderHint") })}
      </div>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 font-medium">{t("form.names")}</legend>
        {text("nameEn", { required: true, lang: "en" })}
        {text("nameZhHant", { required: true, lang: "zh-Hant" })}
        {text("nameZhHans", { required: true, lang: "zh-Hans" })}
      </fieldset>
      {kind === "host-units" && (
        <CheckboxGroup name="fieldIds" legend={t("form.fieldIds")} options={fields} defaultValues={values.fieldIds} error={fieldError("fieldIds")} />
      )}
      {kind === "ranks" && <CheckboxField name="isDirectorate" label={t("form.isDirectorate")} defaultChecked={values.isDirectorate} />}
      <div className="flex gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("form.saving") : isEdit ? t("form.save") : t("form.create")}
        </Button>
        <Button asChild variant="secondary">
          <Link href={`/admin/reference/${kind}`}>
            {t("form.cancel")}
          </Link>
        </Button>
      </div>
    </form>
  );
}
