"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/form-fields";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveHolidayAction } from "../actions";
import { holidayKinds, type HolidaySide } from "../schemas";

export interface HolidayFormValues {
  id?: string;
  version?: string;
  date?: string;
  kind?: string;
  nameEn?: string;
  nameZhHant?: string;
  nameZhHans?: string;
}

/** Adds an entry to one side's calendar, or edits one (with the version it started from). */
export function HolidayForm({ side, year, values, cancelHref }: { side: HolidaySide; year: number; values: HolidayFormValues; cancelHref: string }) {
  const t = useTranslations("holidays");
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const isEdit = Boolean(values.id);
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(saveHolidayAction, (data) => {
    setSaved(t("form.saved", { date: data.date }));
    if (isEdit) router.push(cancelHref);
    else router.refresh();
  });
  const field = (name: "nameEn" | "nameZhHant" | "nameZhHans", lang: string, hint: string, required = false) => (
    <TextField name={name} label={t(`form.${name}`)} hint={hint} lang={lang} defaultValue={values[name] ?? ""} error={fieldError(name)} required={required} autoComplete="off" />
  );
  return (
    <form ref={formRef} onSubmit={(event) => {
        setSaved(null);
        onSubmit(event);
      }} noValidate className="flex flex-col gap-4 rounded border border-slate-300 bg-white p-4" data-testid="holiday-form">
      <FormMessage message={formError} />
      <FormMessage message={saved ?? undefined} tone="success" />
      <input type="hidden" name="side" value={side} />
      {isEdit && (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="date" type="date" label={t("form.date")} defaultValue={values.date ?? ""} min={`${year}-01-01`} max={`${year}-12-31`} error={fieldError("date")} required />
        <SelectField
          name="kind"
          label={t("form.kind")}
          options={holidayKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          placeholder={t("form.choose")}
          defaultValue={values.kind ?? ""}
          error={fieldError("kind")}
          required
        />
      </div>
      {field("nameEn", "en", t("form.nameEnHint"), true)}
      <div className="grid gap-4 md:grid-cols-2">
        {field("nameZhHant", "zh-Hant", t("form.optionalHint"))}
        {field("nameZhHans", "zh-Hans", t("form.optionalHint"))}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {t("form.save")}
        </Button>
        {isEdit && (
          <Button type="button" variant="secondary" onClick={() => router.push(cancelHref)}>
            {t("form.cancelEdit")}
          </Button>
        )}
      </div>
    </form>
  );
}
