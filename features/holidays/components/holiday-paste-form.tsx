"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { describedBy } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/form-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { importHolidayYearAction } from "../actions";
import type { ImportHolidayYearResult } from "../mutations";
import type { HolidaySide } from "../schemas";

/** "Paste the year's list": all or nothing; a refusal lists every bad line with what was entered. */
export function HolidayPasteForm({ side, year, sideLabel }: { side: HolidaySide; year: number; sideLabel: string }) {
  const t = useTranslations("holidays.paste");
  const router = useRouter();
  const listId = useId();
  const [result, setResult] = useState<ImportHolidayYearResult | null>(null);
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(importHolidayYearAction, (data) => {
    setResult(data);
    if (data.saved) router.refresh();
  });
  const lineErrors = result && !result.saved ? result.errors : [];
  const refusal = lineErrors.length > 0 ? t("refused", { count: lineErrors.length }) : fieldError("text");
  return (
    <form ref={formRef} onSubmit={(event) => (setResult(null), onSubmit(event))} noValidate className="flex flex-col gap-4" data-testid="holiday-paste-form">
      <FormMessage message={formError} />
      {result?.saved && <FormMessage tone="success" message={t("saved", { count: result.count, removed: result.removed, year })} />}
      <input type="hidden" name="side" value={side} />
      <input type="hidden" name="year" value={year} />
      <TextAreaField
        name="text"
        label={t("label", { side: sideLabel, year })}
        hint={t("hint")}
        rows={8}
        spellCheck={false}
        error={refusal}
        aria-describedby={describedBy("field-text", t("hint"), refusal, lineErrors.length > 0 ? listId : undefined)}
        className="font-mono"
        required
      />
      {lineErrors.length > 0 && (
        <ul id={listId} className="flex list-disc flex-col gap-1 pl-6 text-sm text-red-800" data-testid="holiday-paste-errors">
          {lineErrors.map((error) => (
            <li key={`${error.line}-${error.problem}`}>{t("lineError", { line: error.line, problem: t(`problems.${error.problem}`), value: error.value })}</li>
          ))}
        </ul>
      )}
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {t("submit", { year })}
        </Button>
      </div>
    </form>
  );
}
