"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/action";

type Action = (previous: unknown, payload: FormData) => Promise<ActionResult<unknown>>;

/**
 * One button that posts to a server action (mark read, mark all read, retry an email), then refreshes the page; what
 * happened is the action's own notice (defineAction `notice`), shown in the app's notice region by useActionForm, and
 * a refusal is shown next to the button.
 */
export function ActionButton({ action, fields, label, variant = "secondary" }: { action: Action; fields: Record<string, string>; label: string; variant?: "primary" | "secondary" }) {
  const router = useRouter();
  const { formRef, onSubmit, pending, formError } = useActionForm(action, () => router.refresh());
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
