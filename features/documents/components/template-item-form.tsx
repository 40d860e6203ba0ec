"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/action";

export interface TemplateItemValues {
  id?: string;
  version?: number;
  direction: "HK_TO_MAINLAND" | "MAINLAND_TO_HK";
  labelEn: string;
  labelZhHant: string;
  labelZhHans: string;
  needsNumber: boolean;
  needsExpiry: boolean;
  required: boolean;
  active: boolean;
  sortOrder: number;
}

/** An admin's form for one checklist item, new or existing. */
export function TemplateItemForm({ action, values }: { action: (previous: unknown, payload: FormData) => Promise<ActionResult<unknown>>; values: TemplateItemValues }) {
  const t = useTranslations("documents.templates");
  const directions = useTranslations("documents.directions");
  const router = useRouter();
  const prefix = useId();
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(action, () => router.refresh());
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3">
      <FormMessage message={formError} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version && <input type="hidden" name="version" value={values.version} />}
      <SelectField
        id={id("direction")}
        name="direction"
        label={t("direction")}
        defaultValue={values.direction}
        error={fieldError("direction")}
        options={[
          { value: "HK_TO_MAINLAND", label: directions("HK_TO_MAINLAND") },
          { value: "MAINLAND_TO_HK", label: directions("MAINLAND_TO_HK") },
        ]}
      />
      <TextField id={id("labelEn")} name="labelEn" label={t("labelEn")} defaultValue={values.labelEn} error={fieldError("labelEn")} maxLength={120} required />
      <TextField id={id("labelZhHant")} name="labelZhHant" label={t("labelZhHant")} defaultValue={values.labelZhHant} error={fieldError("labelZhHant")} maxLength={120} required lang="zh-Hant" />
      <TextField id={id("labelZhHans")} name="labelZhHans" label={t("labelZhHans")} defaultValue={values.labelZhHans} error={fieldError("labelZhHans")} maxLength={120} required lang="zh-Hans" />
      <TextField id={id("sortOrder")} name="sortOrder" type="number" min={0} max={1000} label={t("sortOrder")} defaultValue={values.sortOrder} error={fieldError("sortOrder")} />
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <CheckboxField id={id("needsNumber")} name="needsNumber" label={t("needsNumber")} defaultChecked={values.needsNumber} />
        <CheckboxField id={id("needsExpiry")} name="needsExpiry" label={t("needsExpiry")} defaultChecked={values.needsExpiry} />
        <CheckboxField id={id("required")} name="required" label={t("required")} defaultChecked={values.required} />
        <CheckboxField id={id("active")} name="active" label={t("active")} defaultChecked={values.active} />
      </div>
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
