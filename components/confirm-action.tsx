"use client";

import { useRouter } from "next/navigation";
import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/action";
import { useActionForm } from "@/components/forms/use-action-form";

interface ConfirmActionProps<Output> {
  triggerLabel: string;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Sent with the confirmation, e.g. the record id and the version the user saw. */
  fields: Record<string, string>;
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<Output>>;
  variant?: "danger" | "secondary";
  /** Called with the action's result once it succeeded and the dialog closed (e.g. to show what it issued). */
  onDone?: (result: Output) => void;
}

/**
 * A button that asks before it acts: a modal <dialog> (focus moves into it, Escape closes it, focus returns to
 * the button), with the refusal shown inside the dialog if the server says no.
 */
export function ConfirmAction<Output = unknown>({ triggerLabel, title, body, confirmLabel, cancelLabel, fields, action, variant = "danger", onDone }: ConfirmActionProps<Output>) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const titleId = useId();
  const bodyId = useId();
  const { formRef, onSubmit, pending, formError } = useActionForm(action, (result) => {
    dialogRef.current?.close();
    onDone?.(result);
    router.refresh();
  });
  return (
    <>
      <Button type="button" variant={variant} onClick={() => dialogRef.current?.showModal()}>
        {triggerLabel}
      </Button>
      <dialog ref={dialogRef} aria-labelledby={titleId} aria-describedby={bodyId} className="m-auto max-w-md rounded border border-slate-400 p-0 backdrop:bg-slate-900/50">
        <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <p id={bodyId}>{body}</p>
          <FormMessage message={formError} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="flex justify-end gap-3">
            <Button type="button" variant="secondary" onClick={() => dialogRef.current?.close()}>
              {cancelLabel}
            </Button>
            <Button type="submit" variant={variant === "danger" ? "danger" : "primary"} disabled={pending} aria-disabled={pending}>
              {confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
