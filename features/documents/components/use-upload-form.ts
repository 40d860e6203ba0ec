"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { clearNotice, publishNotice } from "@/components/notice";

/** The answer of an upload route (features/documents/routes.ts readUploadRequest and its callers). */
export type UploadFormAnswer = { ok: true; notice: string } | { ok: false; formError?: string; fieldErrors?: Record<string, string>; error?: string };

/**
 * A form that posts a file to an upload route (a route, not a server action: files may be larger than an action's
 * 1 MB), for documents and report attachments: the notice on success (then `afterSuccess` and a refresh), each
 * refusal at its field with the focus on the first one, `failedMessage` when the request did not get through.
 */
export function useUploadForm(url: string, failedMessage: string, afterSuccess: (form: HTMLFormElement) => void) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [answer, setAnswer] = useState<UploadFormAnswer | null>(null);
  const [pending, startTransition] = useTransition();
  const failure = answer && !answer.ok ? answer : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    clearNotice();
    startTransition(async () => {
      let next: UploadFormAnswer;
      try {
        const response = await fetch(url, { method: "POST", body: data });
        next = (await response.json()) as UploadFormAnswer;
      } catch {
        next = { ok: false, formError: failedMessage };
      }
      setAnswer(next);
      if (next.ok) {
        publishNotice(next.notice);
        afterSuccess(form);
        router.refresh();
      } else {
        requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      }
    });
  }

  return {
    formRef,
    pending,
    onSubmit,
    formMessage: failure ? (failure.formError ?? failure.error) : undefined,
    fieldError: (name: string) => failure?.fieldErrors?.[name],
  };
}
