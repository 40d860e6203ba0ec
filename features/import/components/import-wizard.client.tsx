"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { AppLocale } from "@/lib/i18n/locales";
import { columnLabel, type OfficerImportColumnKey } from "../columns";
import { maxImportBytes, megabytes } from "../limits";
import type { ImportPhase, ImportPreview } from "../officer-import";
import type { FileProblem } from "../parse";
import type { ImportStreamEvent } from "../stream-events";
import type { ImportRowError } from "../validate";
import { importErrorReportCsv } from "../error-report";
import { postImport } from "./upload";
import { clearNotice, publishNotice } from "@/components/notice";
import { DataTable } from "@/components/data-table";
import { HeaderCells } from "@/components/ui/column-headers";
import { Field } from "@/components/ui/field";

type Report = Pick<ImportPreview, "fileProblems" | "errors" | "errorCount">;

type Step =
  | { name: "choose" }
  | { name: "working"; action: "check" | "commit"; upload: number; phase: ImportPhase | null; done: number; total: number }
  | { name: "previewed"; preview: ImportPreview }
  | { name: "rejected"; report: Report }
  | { name: "committed"; counts: { create: number; update: number; unchanged: number } };

/** Upload → preview (row-level report) → commit. The chosen file is kept so the commit sends exactly what was checked. */
export function ImportWizard() {
  const t = useTranslations("import");
  const errors = useTranslations("errors");
  const locale = useLocale() as AppLocale;
  const [step, setStep] = useState<Step>({ name: "choose" });
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string>();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step.name === "previewed" || step.name === "rejected" || step.name === "committed") resultHeading.current?.focus();
  }, [step.name]);

  async function send(action: "check" | "commit", chosen: File, sha256?: string) {
    setMessage(undefined);
    setStep({ name: "working", action, upload: 0, phase: null, done: 0, total: 0 });
    const form = new FormData();
    form.set("file", chosen);
    form.set("mode", action === "commit" ? "commit" : "preview");
    if (sha256) form.set("sha256", sha256);
    const onEvent = (event: ImportStreamEvent) => {
      if (event.type === "progress") setStep((current) => (current.name === "working" ? { ...current, phase: event.phase, done: event.done, total: event.total } : current));
    };
    const onUpload = (fraction: number) => setStep((current) => (current.name === "working" ? { ...current, upload: fraction } : current));
    clearNotice();
    const result = await postImport(form, onUpload, onEvent);
    switch (result.type) {
      case "preview":
        setStep({ name: "previewed", preview: result.preview });
        break;
      case "rejected":
        setStep({ name: "rejected", report: result.report });
        break;
      case "committed":
        setStep({ name: "committed", counts: result.counts });
        publishNotice(result.notice);
        break;
      default:
        setStep({ name: "choose" });
        setMessage(result.type === "error" && result.message ? result.message : t("uploadFailed"));
    }
  }

  function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setMessage(t("problems.noFile"));
      return;
    }
    // Not sent at all: the server would refuse it, after the whole upload.
    if (file.size > maxImportBytes) {
      setMessage(t("problems.fileTooLarge", { megabytes: megabytes(maxImportBytes) }));
      return;
    }
    void send("check", file);
  }

  const problemText = (problem: FileProblem) => {
    const values = { ...problem.values };
    if (problem.key === "missingColumn" && typeof values.column === "string") values.column = columnLabel(values.column as OfficerImportColumnKey, locale);
    return t(`problems.${problem.key}` as never, values as never);
  };
  // Row errors carry full catalog keys, from the import's own namespace or the shared errors (validate.ts).
  const rowErrorText = (error: ImportRowError) => {
    const values = (error.values ?? {}) as never;
    return error.key.startsWith("errors.") ? errors(error.key.slice("errors.".length) as never, values) : t(error.key.slice("import.".length) as never, values);
  };

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={onCheck} className="flex flex-col gap-4 rounded border border-slate-300 bg-white p-6" noValidate>
        <FormMessage message={message} />
        <Field id="import-file" label={t("fileLabel")} hint={t("fileHint")}>
          <input
            name="file"
            type="file"
            accept=".csv,.xlsx,.txt,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setStep({ name: "choose" });
            }}
            className="rounded border border-slate-500 px-3 py-2"
          />
        </Field>
        <div>
          <Button type="submit" disabled={step.name === "working"} aria-disabled={step.name === "working"}>
            {t("check")}
          </Button>
        </div>
      </form>

      {step.name === "working" && <Progress step={step} />}

      {step.name === "rejected" && (
        <section aria-labelledby="import-result" className="flex flex-col gap-3">
          <h2 id="import-result" ref={resultHeading} tabIndex={-1} className="text-lg font-semibold">
            {t("rejectedTitle")}
          </h2>
          <FormMessage message={t("nothingSaved")} />
          <ProblemReport report={step.report} problemText={problemText} rowErrorText={rowErrorText} locale={locale} />
        </section>
      )}

      {step.name === "previewed" && (
        <section aria-labelledby="import-result" className="flex flex-col gap-4">
          <h2 id="import-result" ref={resultHeading} tabIndex={-1} className="text-lg font-semibold">
            {t("previewTitle", { fileName: step.preview.fileName })}
          </h2>
          <Summary preview={step.preview} refused={step.preview.fileProblems.length > 0 || step.preview.errorCount > 0} />
          {step.preview.fileProblems.length > 0 || step.preview.errorCount > 0 ? (
            <>
              <FormMessage message={t("fixAndRetry")} />
              <ProblemReport report={step.preview} problemText={problemText} rowErrorText={rowErrorText} locale={locale} />
            </>
          ) : step.preview.counts.create + step.preview.counts.update === 0 ? (
            // An unchanged re-upload: there is nothing to confirm.
            <p role="status" className="rounded border-l-4 border-slate-500 bg-slate-50 px-4 py-3 text-sm text-slate-800" data-testid="import-no-changes">
              {t("noChanges", { count: step.preview.counts.unchanged })}
            </p>
          ) : (
            <>
              <SampleTable preview={step.preview} />
              <div>
                <Button type="button" onClick={() => file && void send("commit", file, step.preview.sha256)}>
                  {t("commit", { count: step.preview.counts.create + step.preview.counts.update })}
                </Button>
              </div>
            </>
          )}
        </section>
      )}

      {step.name === "committed" && (
        <section aria-labelledby="import-result" className="flex flex-col gap-3 rounded border border-green-700 bg-green-50 p-5">
          <h2 id="import-result" ref={resultHeading} tabIndex={-1} className="text-lg font-semibold text-green-900">
            {t("committedTitle")}
          </h2>
          <p>{t("committedBody", step.counts)}</p>
          <Link href="/officers?sort=updated&dir=desc" className="text-brand-700 underline">
            {t("viewOfficers")}
          </Link>
        </section>
      )}
    </div>
  );
}

function Progress({ step }: { step: Extract<Step, { name: "working" }> }) {
  const t = useTranslations("import");
  const uploading = step.phase === null;
  const percent = Math.round((uploading ? step.upload : step.total > 0 ? step.done / step.total : 0) * 100);
  const label = uploading ? t("uploading", { percent }) : t(`phase.${step.phase}`, { done: step.done, total: step.total });
  return (
    <div className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-4">
      <progress max={100} value={uploading || step.total > 0 ? percent : undefined} aria-label={t(step.action === "commit" ? "saving" : "checking")} className="w-full" />
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {label}
      </p>
    </div>
  );
}

/** A file that will be refused shows its rows and problems only: "New officers 1" would promise what will not happen. */
function Summary({ preview, refused }: { preview: ImportPreview; refused: boolean }) {
  const t = useTranslations("import");
  const items: [string, number][] = refused
    ? [
        [t("rows"), preview.rowCount],
        [t("withErrors"), preview.errorCount],
      ]
    : [
        [t("rows"), preview.rowCount],
        [t("toCreate"), preview.counts.create],
        [t("toUpdate"), preview.counts.update],
        [t("unchanged"), preview.counts.unchanged],
      ];
  return (
    <dl className={refused ? "grid grid-cols-2 gap-3 sm:max-w-md" : "grid grid-cols-2 gap-3 sm:grid-cols-4"} data-testid="import-summary">
      {items.map(([label, value]) => (
        <div key={label} className="rounded border border-slate-300 bg-white p-3">
          <dt className="text-sm text-slate-700">{label}</dt>
          <dd className="text-2xl font-bold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ProblemReport({
  report,
  problemText,
  rowErrorText,
  locale,
}: {
  report: Report;
  problemText: (problem: FileProblem) => string;
  rowErrorText: (error: ImportRowError) => string;
  locale: AppLocale;
}) {
  const t = useTranslations("import");
  if (report.fileProblems.length > 0) {
    return (
      <ul className="list-disc pl-6" data-testid="file-problems">
        {report.fileProblems.map((problem, index) => (
          <li key={index}>{problemText(problem)}</li>
        ))}
      </ul>
    );
  }
  const columnText = (error: ImportRowError) => (error.column ? columnLabel(error.column, locale) : "—");
  function download() {
    const csv = importErrorReportCsv(
      [t("row"), t("column"), t("valueEntered"), t("problem")],
      report.errors.map((error) => ({ row: error.row, column: columnText(error), value: error.value ?? "", problem: rowErrorText(error) })),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = t("errorsFileName");
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <>
      <DataTable showCaption caption={t("errorTableCaption", { count: report.errorCount })} headers={<HeaderCells labels={[t("row"), t("column"), t("valueEntered"), t("problem")]} />}>
        {report.errors.map((error, index) => (
          <tr key={index} className="border-t border-slate-200" data-testid="import-error">
            <th scope="row" className="font-medium tabular-nums">{error.row}</th>
            <td>{columnText(error)}</td>
            <td className="break-all">{error.value ? <span className="font-mono">{error.value}</span> : <span className="text-slate-700">{t("emptyValue")}</span>}</td>
            <td>{rowErrorText(error)}</td>
          </tr>
        ))}
      </DataTable>
      {report.errorCount > report.errors.length && <p className="text-sm text-slate-700">{t("moreErrors", { count: report.errorCount - report.errors.length })}</p>}
      <div>
        <Button type="button" variant="secondary" onClick={download}>
          {t("downloadErrors")}
        </Button>
      </div>
    </>
  );
}

function SampleTable({ preview }: { preview: ImportPreview }) {
  const t = useTranslations("import");
  return (
    <DataTable showCaption caption={t("sampleCaption", { shown: preview.sample.length, total: preview.rowCount })} headers={<HeaderCells labels={[t("row"), t("staffNumber"), t("name"), t("result")]} />}>
      {preview.sample.map((row) => (
        <tr key={row.rowNumber} className="border-t border-slate-200">
          <td className="tabular-nums">{row.rowNumber}</td>
          <td className="tabular-nums">{row.staffNumber}</td>
          <th scope="row" className="font-medium">
            {row.name}
            {row.chineseName && (
              <span lang="zh" className="ml-2 font-normal">
                {row.chineseName}
              </span>
            )}
          </th>
          <td>{t(`action.${row.action}`)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
