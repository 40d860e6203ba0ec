"use client";

import { useTranslations } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/action";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { controlClass, Field } from "@/components/ui/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { evaluationCriteria, type EvaluationCriterion } from "../schemas";

const scale = [1, 2, 3, 4, 5] as const;

/** The supervisor's evaluation: one 1–5 choice per stated criterion (decision 092) and comments. */
export function EvaluationForm({
  action,
  placementId,
  version,
  ratings,
  comments,
}: {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<unknown>>;
  placementId: string;
  version: number | null;
  ratings: Record<EvaluationCriterion, number> | null;
  comments: string;
}) {
  const t = useTranslations("evaluations");
  const form = useActionForm(action);
  const commentsError = form.fieldError("comments");
  return (
    <form onSubmit={form.onSubmit} className="flex flex-col gap-4" noValidate data-testid="evaluation-form">
      <FormMessage message={form.formError} />
      <input type="hidden" name="placementId" value={placementId} />
      <input type="hidden" name="version" value={version ?? ""} />
      {evaluationCriteria.map((criterion) => {
        const error = form.fieldError(criterion);
        return (
          <fieldset key={criterion} aria-invalid={error ? true : undefined} aria-describedby={error ? `rating-${criterion}-error` : `rating-${criterion}-hint`} className="flex flex-col gap-1">
            <legend className="font-semibold">{t(`criteria.${criterion}.label`)}</legend>
            <p id={`rating-${criterion}-hint`} className="text-sm text-slate-600">
              {t(`criteria.${criterion}.hint`)}
            </p>
            <div className="flex flex-wrap gap-4">
              {scale.map((value) => (
                <label key={value} className="inline-flex items-center gap-1">
                  <input type="radio" name={criterion} value={value} defaultChecked={ratings?.[criterion] === value} />
                  <span>{t(`scale.${value}`)}</span>
                </label>
              ))}
            </div>
            {error && (
              <p id={`rating-${criterion}-error`} className="text-sm text-red-700">
                {error}
              </p>
            )}
          </fieldset>
        );
      })}
      <Field id="evaluation-comments" label={t("comments")} error={commentsError}>
        <textarea name="comments" rows={4} maxLength={8000} defaultValue={comments} className={`${controlClass(commentsError)} w-full`} />
      </Field>
      <div>
        <Button type="submit" disabled={form.pending} aria-disabled={form.pending}>
          {form.pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
