"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action";

type FormAction<Output> = (previous: unknown, payload: FormData) => Promise<ActionResult<Output>>;

/**
 * Submits a form to a server action without React's automatic form reset, so that after a refusal every field
 * still holds what the user typed, with the translated error next to it.
 */
export function useActionForm<Output>(action: FormAction<Output>, onSuccess?: (data: Output) => void) {
  const [result, setResult] = useState<ActionResult<Output> | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const next = await action(null, formData);
      setResult(next);
      if (next.ok) onSuccess?.(next.data);
    });
  }

  const failure = result && !result.ok ? result : null;
  return {
    pending,
    onSubmit,
    succeeded: result?.ok === true,
    formError: failure?.formError,
    fieldError: (name: string) => failure?.fieldErrors?.[name],
    reset: () => setResult(null),
  };
}
