"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/action";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { controlClass, Field } from "@/components/ui/field";
import { useSendAction } from "@/components/forms/use-action-form";
import { clearNotice, publishNotice } from "@/components/notice";
import { reportSections, sectionMaximum, type ReportKind, type ReportSection } from "../schemas";

type Action<Output> = (previous: unknown, payload: FormData) => Promise<ActionResult<Output>>;
interface Saved {
  id: string;
  version: number;
  savedAt: string;
}

export interface ReportFormProps {
  placementId: string;
  kind: ReportKind;
  reportId: string | null;
  version: number | null;
  sections: { name: ReportSection; text: string; shareable: boolean }[];
  saveAction: Action<Saved>;
  submitAction: Action<{ id: string }>;
  previewAction: Action<{ html: string }>;
}

/** How long typing must pause before the draft is saved. */
const saveDelayMs = 1500;

/**
 * The officer's report form: every pause in typing saves the draft (a versioned server action; saves run one after
 * another so each starts from the version the last one wrote), "Saved at hh:mm" says so, a preview shows a section
 * as readers will see it, and Submit saves what is on screen first.
 */
export function ReportForm({ placementId, kind, reportId, version, sections, saveAction, submitAction, previewAction }: ReportFormProps) {
  const t = useTranslations("officerReports");
  const router = useRouter();
  const send = useSendAction();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saved = useRef<{ id: string | null; version: number | null }>({ id: reportId, version });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [state, setState] = useState<{ status: "idle" | "saving" | "saved" | "failed"; savedAt?: string; error?: string; fieldErrors?: Record<string, string> }>({ status: "idle" });
  const [previews, setPreviews] = useState<Partial<Record<ReportSection, string>>>({});
  const [submitting, setSubmitting] = useState(false);
  const prefix = `report-${kind}`;

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  function save(): Promise<boolean> {
    const run = queue.current.then(async () => {
      const form = formRef.current;
      if (!form) return false;
      const data = new FormData(form);
      data.set("version", saved.current.version === null ? "" : String(saved.current.version));
      setState((previous) => ({ ...previous, status: "saving" }));
      const result = await send(saveAction, data);
      if (result.ok) {
        const isFirstSave = saved.current.id === null;
        saved.current = { id: result.data.id, version: result.data.version };
        // The first save creates the revision: the page shows its attachments part from then on (decision 112).
        if (isFirstSave) router.refresh();
        setState({ status: "saved", savedAt: result.data.savedAt });
        return true;
      }
      setState({ status: "failed", error: result.formError, fieldErrors: result.fieldErrors });
      return false;
    });
    queue.current = run.catch(() => false);
    return run;
  }

  function scheduleSave() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), saveDelayMs);
  }

  async function preview(section: ReportSection) {
    if (previews[section] !== undefined) {
      setPreviews(({ [section]: _hidden, ...rest }) => rest);
      return;
    }
    const data = new FormData();
    data.set("text", String(new FormData(formRef.current!).get(section) ?? ""));
    const result = await send(previewAction, data);
    if (result.ok) setPreviews((previous) => ({ ...previous, [section]: result.data.html }));
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (timer.current) clearTimeout(timer.current);
    clearNotice();
    setSubmitting(true);
    try {
      if (!(await save()) || !saved.current.id || saved.current.version === null) return;
      const data = new FormData();
      data.set("reportId", saved.current.id);
      data.set("version", String(saved.current.version));
      const result = await send(submitAction, data);
      if (result.ok) {
        if (result.notice) publishNotice(result.notice);
        router.refresh();
      } else setState({ status: "failed", error: result.formError, fieldErrors: result.fieldErrors });
    } finally {
      setSubmitting(false);
    }
  }

  const statusText =
    state.status === "saving" ? t("saving") : state.status === "saved" && state.savedAt ? t("savedAt", { time: state.savedAt }) : state.status === "idle" && reportId ? t("draftStored") : "";
  return (
    <form ref={formRef} onChange={scheduleSave} onSubmit={submit} className="flex flex-col gap-5" noValidate data-testid={`report-form-${kind}`}>
      <input type="hidden" name="placementId" value={placementId} />
      <input type="hidden" name="kind" value={kind} />
      <FormMessage message={state.status === "failed" ? state.error : undefined} />
      {reportSections.map((name) => {
        const section = sections.find((candidate) => candidate.name === name);
        const id = `${prefix}-${name}`;
        const error = state.fieldErrors?.[name];
        const hint = t(`sections.${name}.hint`);
        return (
          <div key={name} className="flex flex-col gap-2">
            <Field id={id} label={t(`sections.${name}.label`)} labelClassName="text-base font-semibold" hint={hint} error={error}>
              <textarea name={name} rows={6} maxLength={sectionMaximum} defaultValue={section?.text ?? ""} className={`${controlClass(error)} w-full`} />
            </Field>
            <div className="flex flex-wrap items-center gap-4">
              <label className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" name={`${name}Shareable`} defaultChecked={section?.shareable ?? false} />
                {t("shareable")}
              </label>
              <Button type="button" variant="secondary" size="small" onClick={() => void preview(name)} aria-expanded={previews[name] !== undefined} aria-controls={`${id}-preview`}>
                {previews[name] !== undefined ? t("hidePreview") : t("preview")}
              </Button>
            </div>
            {previews[name] !== undefined && (
              <div id={`${id}-preview`} className="report-markdown rounded border border-dashed border-slate-400 p-3" aria-label={t("previewOf", { section: t(`sections.${name}.label`) })} role="region">
                <div dangerouslySetInnerHTML={{ __html: previews[name] }} />
              </div>
            )}
          </div>
        );
      })}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={submitting} aria-disabled={submitting}>
          {submitting ? t("submitting") : t("submit")}
        </Button>
        <p role="status" aria-live="polite" className="text-sm text-slate-700" data-testid={`report-save-status-${kind}`}>
          {statusText}
        </p>
      </div>
    </form>
  );
}
