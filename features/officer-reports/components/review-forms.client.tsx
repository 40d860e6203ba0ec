"use client";

import { useTranslations } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/action";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { controlClass, Field } from "@/components/ui/field";
import { useActionForm } from "@/components/forms/use-action-form";

type Action = (previous: unknown, payload: FormData) => Promise<ActionResult<unknown>>;

/**
 * One small form for each review step (accept, return with a comment, open a new version, move a due date, release
 * an evaluation): the hidden ids, at most one field, one button. Refusals show next to the field or above it.
 */
export function StepForm({
  action,
  hidden,
  label,
  variant = "primary",
  textField,
  dateField,
  testId,
}: {
  action: Action;
  hidden: Record<string, string | number>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  textField?: { name: string; label: string; id: string };
  dateField?: { name: string; label: string; id: string; defaultValue: string };
  testId?: string;
}) {
  const t = useTranslations("officerReports");
  const form = useActionForm(action);
  const textError = textField ? form.fieldError(textField.name) : undefined;
  const dateError = dateField ? form.fieldError(dateField.name) : undefined;
  return (
    <form onSubmit={form.onSubmit} className="flex flex-col gap-3" noValidate data-testid={testId}>
      <FormMessage message={form.formError} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {textField && (
        <Field id={textField.id} label={textField.label} error={textError}>
          <textarea name={textField.name} rows={3} maxLength={4000} required className={`${controlClass(textError)} w-full`} />
        </Field>
      )}
      {dateField && (
        <Field id={dateField.id} label={dateField.label} error={dateError}>
          <input type="date" name={dateField.name} defaultValue={dateField.defaultValue} required className={controlClass(dateError)} />
        </Field>
      )}
      <div>
        <Button type="submit" variant={variant} disabled={form.pending} aria-disabled={form.pending}>
          {form.pending ? t("working") : label}
        </Button>
      </div>
    </form>
  );
}
