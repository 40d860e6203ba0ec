"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action";
import { Button } from "@/components/ui/button";
import { clearNotice, publishNotice } from "@/components/notice";
import { FormMessage } from "@/components/ui/form-message";
import { deleteScheduleItemAction, restoreScheduleItemAction } from "../actions";

interface DeleteItemProps {
  id: string;
  version: number;
  title: string;
  returnHref: string;
  /** The notice's "Undo" button, translated by the page (no client catalog needed for it). */
  undo: { label: string; accessibleLabel: string };
}

/**
 * Deleting asks once more, in place; focus moves to the question so keyboard and screen-reader users meet it. The
 * notice that says it is deleted offers "Undo", which brings the same item back (restoreScheduleItem).
 */
export function DeleteItem({ id, version, title, returnHref, undo }: DeleteItemProps) {
  const t = useTranslations("schedule.delete");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown>>();
  const [pending, startTransition] = useTransition();
  const question = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  function remove() {
    clearNotice();
    startTransition(async () => {
      const answer = await deleteScheduleItemAction(undefined, { id, version });
      if (answer.ok) {
        if (answer.notice) publishNotice(answer.notice, { carry: true, action: { ...undo, run: restore } });
        router.push(returnHref);
      } else setResult(answer);
    });
  }

  async function restore() {
    clearNotice();
    const answer = await restoreScheduleItemAction(undefined, { id });
    if (answer.ok) {
      publishNotice(answer.notice ?? "");
      router.refresh();
    } else publishNotice(answer.formError ?? "", { tone: "error" });
  }

  return (
    <section aria-labelledby="delete-heading" className="mt-8 max-w-2xl rounded border border-red-300 bg-white p-4">
      <h2 id="delete-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <FormMessage message={result && !result.ok ? result.formError : undefined} />
      {!confirming ? (
        <Button type="button" variant="danger" className="mt-3" onClick={() => setConfirming(true)}>
          {t("start")}
        </Button>
      ) : (
        <div className="mt-3 flex flex-col gap-3">
          <p ref={question} tabIndex={-1} className="font-medium">
            {t("question", { title })}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button type="button" variant="danger" onClick={remove} disabled={pending} aria-disabled={pending}>
              {pending ? t("deleting") : t("confirm")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
