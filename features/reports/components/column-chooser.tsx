"use client";

import { useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveReportColumnsAction } from "../actions";
import type { ReportColumnKey } from "../schemas";

/**
 * Which columns the preview and every download carry, remembered for the user (decision 062). Folded away until
 * opened; after saving, the page is re-read so the preview shows the new columns.
 */
export function ColumnChooser({ columns, chosen }: { columns: { key: ReportColumnKey; header: string }[]; chosen: ReportColumnKey[] }) {
  const t = useTranslations("reports.chooser");
  const router = useRouter();
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(saveReportColumnsAction, (data) => {
    setSavedCount(data.columns.length);
    router.refresh();
  });
  const error = fieldError("columns");
  return (
    <details className="mb-6 rounded border border-slate-300 bg-white p-4" data-testid="column-chooser">
      <summary className="cursor-pointer font-semibold text-brand-700">{t("summary")}</summary>
      <form ref={formRef} onSubmit={(event) => { setSavedCount(null); onSubmit(event); }} noValidate className="mt-3">
        <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? "report-columns-error" : "report-columns-hint"}>
          <legend className="font-medium">{t("legend")}</legend>
          <p id="report-columns-hint" className="mt-1 text-sm text-slate-700">
            {t("hint")}
          </p>
          <ul className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {columns.map((column) => (
              <li key={column.key}>
                <label className="flex items-start gap-2">
                  <input type="checkbox" name="columns" value={column.key} defaultChecked={chosen.includes(column.key)} className="mt-1 size-4" />
                  <span>{column.header}</span>
                </label>
              </li>
            ))}
          </ul>
          {error && (
            <p id="report-columns-error" className="mt-2 text-sm font-medium text-red-800">
              {error}
            </p>
          )}
        </fieldset>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={pending} aria-disabled={pending}>
            {t("save")}
          </Button>
          <p role="status" className="text-sm text-green-800">
            {savedCount !== null ? t("saved", { count: savedCount }) : ""}
          </p>
        </div>
        {!error && formError && (
          <div className="mt-2">
            <FormMessage message={formError} />
          </div>
        )}
      </form>
    </details>
  );
}
