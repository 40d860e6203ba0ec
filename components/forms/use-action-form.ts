"use client";

import { useCallback, useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/action";
import { actionBodyLimit, exceedsActionBodyLimit, isBodyLimitError } from "@/lib/action-limits";
import { clearNotice, publishNotice, type NoticeAction } from "@/components/notice";

type Action<Output> = (previous: unknown, payload: FormData) => Promise<ActionResult<Output>>;

/**
 * Submits a form to a server action without React's form reset, so that after a refusal every field still holds
 * what the user typed. After a refusal, focus moves to the first invalid field (or the form message) when the form
 * carries `ref={formRef}`. Sent with `useSendAction`, so an over-large form says the size limit.
 *
 * What the action did is shown in the app's one notice region (components/notice.tsx): the last action's message is
 * cleared when this one starts, and the new one shown when it succeeds. `navigatesOnSuccess`: `onSuccess` moves to
 * another page, and the message goes along.
 */
export function useActionForm<Output>(action: Action<Output>, onSuccess?: (data: Output) => void, options: { navigatesOnSuccess?: boolean; noticeAction?: (data: Output) => NoticeAction | undefined } = {},
) {
  const [result, setResult] = useState<ActionResult<Output> | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const send = useSendAction();

  // Published once the transition has committed, so the page the message describes (refreshed by the action's
  // revalidation, e.g. with the record's new version in its forms) is on screen when the message is.
  const { navigatesOnSuccess, noticeAction } = options;
  useEffect(() => {
    if (result?.ok && result.notice) publishNotice(result.notice, { carry: navigatesOnSuccess, action: noticeAction?.(result.data) });
    // Only a new result publishes; the options are read as they were when it arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  useEffect(() => {
    if (!result || result.ok) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]');
    if (target?.matches("fieldset")) target.querySelector<HTMLElement>("input")?.focus();
    else if (target) {
      if (!target.matches("input, select, textarea, button")) target.tabIndex = -1;
      target.focus();
    }
  }, [result]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    clearNotice();
    startTransition(async () => {
      const next = await send(action, formData);
      setResult(next);
      if (next.ok) onSuccess?.(next.data);
    });
  }

  const failure = result && !result.ok ? result : null;
  return {
    formRef,
    onSubmit,
    pending,
    formError: failure?.formError,
    fieldError: (name: string) => failure?.fieldErrors?.[name],
    succeeded: result?.ok === true,
    reset: () => setResult(null),
  };
}

/**
 * Sends a form to a server action. A form over the server's body limit is not sent: the answer says the limit.
 * If the call fails anyway (Next's own "Body exceeded" refusal, a dropped connection), the answer is a form message
 * rather than the error page; redirects and other Next control flow (errors with a digest) still propagate.
 */
export function useSendAction() {
  const t = useTranslations("errors");
  return useCallback(
    async function send<Output>(action: Action<Output>, formData: FormData): Promise<ActionResult<Output>> {
      const tooLarge: ActionResult<Output> = { ok: false, formError: t("formTooLarge", { limit: actionBodyLimit.label }) };
      if (exceedsActionBodyLimit(formData)) return tooLarge;
      try {
        return await action(null, formData);
      } catch (error) {
        if (typeof (error as { digest?: unknown })?.digest === "string") throw error;
        return isBodyLimitError(error) ? tooLarge : { ok: false, formError: t("formNotSent") };
      }
    },
    [t],
  );
}
