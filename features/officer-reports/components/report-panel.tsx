import { getTranslations } from "next-intl/server";
import { PageSection } from "@/components/page-section";
import { ClientMessages } from "@/components/client-messages";
import { DetailList } from "@/components/detail-list";
import { renderMarkdown } from "../markdown";
import type { ReportKindView, ReportRevisionView } from "../queries";
import {
  acceptReportAction,
  moveReportDueDateAction,
  openReportRevisionAction,
  previewMarkdownAction,
  returnReportAction,
  saveReportDraftAction,
  submitReportAction,
} from "../actions";
import { ReportForm } from "./report-form.client";
import { StepForm } from "./review-forms.client";
import { ReportAttachments } from "./report-attachments";

interface Dates {
  due: (date: string) => string;
  instant: (date: Date) => string;
}

/** The sections of one revision, rendered from Markdown and sanitised on the server. */
async function RevisionSections({ revision }: { revision: ReportRevisionView }) {
  const t = await getTranslations("officerReports");
  return (
    <div className="flex flex-col gap-4">
      {revision.sections.map((section) => (
        <section key={section.name} aria-labelledby={`${revision.id}-${section.name}`}>
          <h4 id={`${revision.id}-${section.name}`} className="font-semibold">
            {t(`sections.${section.name}.label`)} <span className="text-sm font-normal text-slate-600">({section.shareable ? t("shareableBadge") : t("sendingOnlyBadge")})</span>
          </h4>
          <div className="report-markdown break-words" dangerouslySetInnerHTML={{ __html: renderMarkdown(section.text) }} />
        </section>
      ))}
      {revision.withheldSections > 0 && <p className="text-sm text-slate-600">{t("withheld", { count: revision.withheldSections })}</p>}
    </div>
  );
}

/** One kind of report (mid-term or final): due date, status, the form or the text, the review steps, the history. */
export async function ReportPanel({ placementId, report, canWrite, canReview, dates }: { placementId: string; report: ReportKindView; canWrite: boolean; canReview: boolean; dates: Dates }) {
  const t = await getTranslations("officerReports");
  const current = report.current;
  const status = current?.status ?? "NOT_STARTED";
  const editable = canWrite && (!current || current.status === "DRAFT" || current.status === "RETURNED");
  const facts: [string, React.ReactNode][] = [
    [t("dueOn"), dates.due(report.dueOn)],
    [t("statusLabel"), <span key="status" data-status={status}>{t(`status.${status}`)}</span>],
  ];
  if (current && current.revision > 1) facts.push([t("revision"), current.revision]);
  if (current?.submittedAt) facts.push([t("submittedAt"), dates.instant(current.submittedAt)]);
  if (current?.acceptedAt) facts.push([t("acceptedAt"), dates.instant(current.acceptedAt)]);
  return (
    <PageSection id={`report-${report.kind}`} title={t(`kinds.${report.kind}`)} className="mt-6 rounded border border-slate-300 bg-white p-5" testId={`report-${report.kind}`}>
      <DetailList items={facts} />
      {current?.status === "RETURNED" && current.reviewComment && (
        <div className="mt-4 rounded border border-amber-400 bg-amber-50 p-3" data-testid={`review-comment-${report.kind}`}>
          <p className="font-semibold">{t("reviewComment")}</p>
          <p className="whitespace-pre-wrap break-words">{current.reviewComment}</p>
        </div>
      )}
      <div className="mt-4">
        {editable ? (
          <ClientMessages namespaces={["officerReports", "errors.formTooLarge", "errors.formNotSent"]}>
            <ReportForm
              placementId={placementId}
              kind={report.kind}
              reportId={current?.id ?? null}
              version={current?.version ?? null}
              sections={current?.sections ?? []}
              saveAction={saveReportDraftAction}
              submitAction={submitReportAction}
              previewAction={previewMarkdownAction}
            />
          </ClientMessages>
        ) : current ? (
          <RevisionSections revision={current} />
        ) : (
          <p className="text-sm text-slate-700">{t("notStarted")}</p>
        )}
        {current ? (
          <ReportAttachments placementId={placementId} kind={report.kind} revision={current} editable={editable} />
        ) : (
          editable && <p className="mt-4 text-sm text-slate-700">{(await getTranslations("reportAttachments"))("saveDraftFirst")}</p>
        )}
      </div>
      {canReview && (
        <ClientMessages namespaces={["officerReports", "errors.formTooLarge", "errors.formNotSent"]}>
          <div className="mt-4 flex flex-col gap-4 border-t border-slate-200 pt-4">
            {current?.status === "SUBMITTED" && (
              <>
                <StepForm action={acceptReportAction} hidden={{ reportId: current.id, version: current.version }} label={t("accept")} testId={`accept-${report.kind}`} />
                <StepForm
                  action={returnReportAction}
                  hidden={{ reportId: current.id, version: current.version }}
                  label={t("return")}
                  variant="secondary"
                  textField={{ name: "comment", label: t("returnComment"), id: `return-comment-${report.kind}` }}
                  testId={`return-${report.kind}`}
                />
              </>
            )}
            {current?.status === "ACCEPTED" && (
              <StepForm action={openReportRevisionAction} hidden={{ reportId: current.id }} label={t("openRevision")} variant="secondary" testId={`reopen-${report.kind}`} />
            )}
            {current?.status !== "ACCEPTED" && (
              <StepForm
                action={moveReportDueDateAction}
                hidden={{ placementId, kind: report.kind }}
                label={t("moveDueDate")}
                variant="secondary"
                dateField={{ name: "dueOn", label: t("newDueDate"), id: `due-${report.kind}`, defaultValue: report.dueOn }}
              />
            )}
          </div>
        </ClientMessages>
      )}
      {report.history.length > 0 && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-semibold">{t("history", { count: report.history.length })}</summary>
          <ol className="mt-2 flex flex-col gap-4">
            {report.history.map((revision) => (
              <li key={revision.id} className="rounded border border-slate-200 p-3">
                <p className="mb-2 text-sm text-slate-700">
                  {t("historyEntry", { revision: revision.revision, status: t(`status.${revision.status}`) })}
                  {revision.acceptedAt ? ` · ${dates.instant(revision.acceptedAt)}` : ""}
                </p>
                <RevisionSections revision={revision} />
                <ReportAttachments placementId={placementId} kind={report.kind} revision={revision} editable={false} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </PageSection>
  );
}
