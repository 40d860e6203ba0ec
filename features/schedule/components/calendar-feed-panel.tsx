"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useEffect, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { regenerateCalendarLinkAction, revokeCalendarLinkAction } from "../actions";
import { CheckboxField } from "@/components/ui/form-fields";
import { Field } from "@/components/ui/field";
import { calendarSubscriptionLinks } from "../calendar-links";
import { clearNotice, publishNotice } from "@/components/notice";

type Pending = "replace" | "revoke" | null;

/**
 * Download the schedule as a file, or subscribe with a personal link. The link's token exists in the browser only
 * right after it was made (the server keeps its hash; decision 065), so it is shown once, with webcal:// and
 * Google / Outlook links; replacing or stopping it revokes the old link at once, after a warning.
 */
export function CalendarFeedPanel({ hasLink: initiallyHasLink }: { hasLink: boolean }) {
  const t = useTranslations("schedule.feed");
  const [hasLink, setHasLink] = useState(initiallyHasLink);
  const [token, setToken] = useState<string | null>(null);
  const [includeHolidays, setIncludeHolidays] = useState(true);
  const [confirming, setConfirming] = useState<Pending>(null);
  const [result, setResult] = useState<ActionResult<unknown>>();
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();
  const question = useRef<HTMLParagraphElement>(null);
  const linkField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (token) linkField.current?.focus();
  }, [token]);

  const query = includeHolidays ? "" : "?holidays=none";
  const subscriptionUrl = token ? `${window.location.origin}/api/calendar/${token}.ics${query}` : "";
  const links = subscriptionUrl ? calendarSubscriptionLinks(subscriptionUrl, t("appCalendarName")) : null;

  function createLink() {
    clearNotice();
    startTransition(async () => {
      const answer = await regenerateCalendarLinkAction(undefined, {});
      setConfirming(null);
      setCopied(false);
      if (answer.ok) {
        if (answer.notice) publishNotice(answer.notice);
        setToken(answer.data.token);
        setHasLink(true);
        setResult(undefined);
      } else setResult(answer);
    });
  }

  function revokeLink() {
    clearNotice();
    startTransition(async () => {
      const answer = await revokeCalendarLinkAction(undefined, {});
      setConfirming(null);
      if (answer.ok) {
        if (answer.notice) publishNotice(answer.notice);
        setToken(null);
        setHasLink(false);
      }
      setResult(answer);
    });
  }

  async function copy() {
    await navigator.clipboard?.writeText(subscriptionUrl).then(
      () => setCopied(true),
      () => linkField.current?.select(),
    );
  }

  return (
    <section aria-labelledby="feed-heading" className="no-print flex flex-col gap-4 rounded border border-slate-300 bg-white p-4">
      <h2 id="feed-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-700">{t("intro")}</p>
      <CheckboxField name="includeHolidays" label={t("includeHolidays")} checked={includeHolidays} onChange={(event) => setIncludeHolidays(event.target.checked)} />
      <p>
        <a href={`/api/calendar/download${query}`} download className="inline-flex rounded border border-slate-400 px-4 py-2 text-sm font-semibold text-brand-800 underline">
          {t("download")}
        </a>
      </p>

      <h3 className="font-semibold">{t("subscribeTitle")}</h3>
      <p className="text-sm text-slate-700" role="status">
        {token ? t("linkCreated") : result?.ok ? t("linkRevoked") : hasLink ? t("hasLink") : t("noLink")}
      </p>
      <FormMessage message={result && !result.ok ? result.formError : undefined} />

      {token && (
        <div className="flex flex-col gap-2 rounded border-l-4 border-amber-700 bg-amber-50 p-3">
          <Field id="subscription-url" label={t("linkLabel")} hint={t("linkHint")} labelClassName="font-semibold">
            <input
              ref={linkField}
              readOnly
              value={subscriptionUrl}
              onFocus={(event) => event.currentTarget.select()}
              className="w-full rounded border border-slate-500 bg-white px-2 py-1 font-mono text-sm"
              data-testid="subscription-url"
            />
          </Field>
          <div className="flex items-center gap-3">
            <Button type="button" variant="secondary" onClick={copy}>
              {t("copy")}
            </Button>
            <span role="status" className="text-sm">
              {copied ? t("copied") : ""}
            </span>
          </div>
          {links && (
            <div className="flex flex-col gap-2">
              <p className="text-sm font-semibold">{t("openIn")}</p>
              {/* The links carry the secret: sent to the chosen service only, never as a Referer elsewhere. */}
              <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm" data-testid="subscription-links">
                <li>
                  <a href={links.webcal} rel="noreferrer" className="text-brand-800 underline">
                    {t("openWebcal")}
                  </a>
                </li>
                <li>
                  <a href={links.google} target="_blank" rel="noopener noreferrer" className="text-brand-800 underline">
                    {t("openGoogle")}
                  </a>
                </li>
                <li>
                  <a href={links.outlookWork} target="_blank" rel="noopener noreferrer" className="text-brand-800 underline">
                    {t("openOutlookWork")}
                  </a>
                </li>
                <li>
                  <a href={links.outlookPersonal} target="_blank" rel="noopener noreferrer" className="text-brand-800 underline">
                    {t("openOutlookPersonal")}
                  </a>
                </li>
              </ul>
              <p className="text-sm text-slate-700">{t("openInHint")}</p>
            </div>
          )}
        </div>
      )}

      {confirming ? (
        <div className="flex flex-col gap-3 rounded border border-red-300 p-3">
          <p ref={question} tabIndex={-1} className="font-medium">
            {confirming === "replace" ? t("replaceQuestion") : t("revokeQuestion")}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button type="button" variant="danger" disabled={pending} aria-disabled={pending} onClick={confirming === "replace" ? createLink : revokeLink}>
              {confirming === "replace" ? t("replaceConfirm") : t("revokeConfirm")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-3">
          {hasLink ? (
            <Button type="button" onClick={() => setConfirming("replace")}>
              {t("replace")}
            </Button>
          ) : (
            <Button type="button" onClick={createLink} disabled={pending} aria-disabled={pending}>
              {t("create")}
            </Button>
          )}
          {hasLink && (
            <Button type="button" variant="secondary" onClick={() => setConfirming("revoke")}>
              {t("revoke")}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
