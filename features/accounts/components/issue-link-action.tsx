"use client";

import { useRouter } from "next/navigation";
import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/action";

export interface IssuedLink {
  name: string;
  email: string;
  url: string;
}

/**
 * Like components/confirm-action.tsx (a modal <dialog> that asks first), for the commands that issue a new link —
 * resend, require a new password: once done, the link is shown here once, as after an invitation.
 */
export function IssueLinkAction({
  triggerLabel,
  title,
  body,
  confirmLabel,
  cancelLabel,
  fields,
  action,
  onIssued,
}: {
  triggerLabel: string;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  fields: Record<string, string>;
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<IssuedLink>>;
  /** The caller shows the link (it outlives this button, which may go once the account's state changes). */
  onIssued: (link: IssuedLink) => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const titleId = useId();
  const bodyId = useId();
  const { formRef, onSubmit, pending, formError } = useActionForm(action, (link) => {
    dialogRef.current?.close();
    onIssued({ name: link.name, email: link.email, url: link.url });
    router.refresh();
  });
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => dialogRef.current?.showModal()}>
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
            <Button type="submit" disabled={pending} aria-disabled={pending}>
              {confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
