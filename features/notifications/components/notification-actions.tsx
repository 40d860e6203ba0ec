"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { publishNotice } from "@/components/notice";
import type { ActionResult } from "@/lib/action";

type Action = (previous: unknown, payload: FormData) => Promise<ActionResult<unknown>>;

/**
 * One button that posts to a server action (mark read, mark all read, retry an email), then refreshes the page; what
 * happened is announced in the app's notice region, and a refusal is shown next to the button.
 */
export function ActionButton({ action, fields, label, doneMessage, variant = "secondary" }: { action: Action; fields: Record<string, string>; label: string; doneMessage: string; variant?: "primary" | "secondary" }) {
  const router = useRouter();
  const { formRef, onSubmit, pending, formError } = useActionForm(action, () => {
    publishNotice(doneMessage);
    router.refresh();
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col items-start gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" size="small" variant={variant} disabled={pending} aria-disabled={pending}>
        {label}
      </Button>
      <FormMessage message={formError} />
    </form>
  );
}
