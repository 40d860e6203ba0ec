"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/action";
import { useActionForm } from "@/components/forms/use-action-form";

export const approveSelectedFormId = "approve-selected";

interface ApproveSelectedProps {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<{ approved: number; confirmed: number }>>;
  /** The queue shows rows to choose; without, only the last answer (if any) is shown. */
  hasRows: boolean;
}

/** The queue's checkboxes (in each row, joined to this form by its id) as the rows the form sends. */
function rowCheckboxes(form: HTMLFormElement | null): HTMLInputElement[] {
  if (!form) return [];
  return [...form.elements].filter((element): element is HTMLInputElement => element instanceof HTMLInputElement && element.type === "checkbox");
}

/**
 * "Approve selected" for the approvals queue. The checkboxes sit in the rows (each names its officer) and belong to
 * this form through their `form` attribute, so the table stays server-rendered. All or nothing: when any chosen
 * placement is refused, nothing is approved and the answer lists every refused officer with the reason.
 */
export function ApproveSelected({ action, hasRows }: ApproveSelectedProps) {
  const t = useTranslations("bulkApproval");
  const [notice, setNotice] = useState<string>();
  const [nothingChosen, setNothingChosen] = useState(false);
  const [refusedNames, setRefusedNames] = useState<Record<string, string>>({});
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(action, (data) => setNotice(t("approved", { count: data.approved, confirmed: data.confirmed })));
  const refusals = Object.entries(refusedNames)
    .map(([id, name]) => ({ id, name, reason: fieldError(`rows.${id}`) }))
    .filter((row) => row.reason);

  if (!hasRows) {
    return notice ? (
      <div className="mb-4">
        <FormMessage message={notice} tone="success" />
      </div>
    ) : null;
  }
  return (
    <form
      id={approveSelectedFormId}
      ref={formRef}
      noValidate
      className="mb-4 flex flex-col gap-3 rounded border border-slate-300 bg-white p-4"
      onSubmit={(event) => {
        const chosen = rowCheckboxes(event.currentTarget).filter((box) => box.checked);
        setNotice(undefined);
        setNothingChosen(chosen.length === 0);
        if (chosen.length === 0) {
          event.preventDefault();
          return;
        }
        // The names of what was sent, to name the refused ones in the answer.
        setRefusedNames(Object.fromEntries(chosen.map((box) => [box.value.split(":")[0], box.dataset.name ?? box.value])));
        onSubmit(event);
      }}
    >
      <FormMessage message={nothingChosen ? t("noneChosen") : formError} />
      {refusals.length > 0 && (
        <ul className="list-disc pl-6 text-sm text-red-800" data-testid="refused-rows">
          {refusals.map((row) => (
            <li key={row.id}>{t("refusedRow", { name: row.name, reason: row.reason ?? "" })}</li>
          ))}
        </ul>
      )}
      <FormMessage message={notice} tone="success" />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("saving") : t("approveSelected")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => rowCheckboxes(formRef.current).forEach((box) => (box.checked = true))}>
          {t("selectAll")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => rowCheckboxes(formRef.current).forEach((box) => (box.checked = false))}>
          {t("clearSelection")}
        </Button>
      </div>
    </form>
  );
}
