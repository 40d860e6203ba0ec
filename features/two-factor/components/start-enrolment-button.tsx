"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { beginEnrolmentAction } from "../actions";

export function StartEnrolmentButton({ label }: { label: string }) {
  const router = useRouter();
  const { formRef, onSubmit, pending, formError } = useActionForm(beginEnrolmentAction, () => router.refresh());
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3">
      <FormMessage message={formError} />
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {label}
        </Button>
      </div>
    </form>
  );
}
