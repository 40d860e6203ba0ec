import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { DetailList } from "@/components/detail-list";
import { StepForm } from "@/features/officer-reports/components/review-forms.client";
import { releaseEvaluationAction, saveEvaluationAction } from "../actions";
import type { EvaluationView } from "../queries";
import { evaluationCriteria } from "../schemas";
import { EvaluationForm } from "./evaluation-form.client";

export async function EvaluationPanel({ view, formatInstant }: { view: EvaluationView; formatInstant: (date: Date) => string }) {
  const t = await getTranslations("evaluations");
  const evaluation = view.evaluation;
  return (
    <div className="flex flex-col gap-4" data-testid="evaluation">
      {evaluation ? (
        <>
          <DetailList
            items={[
              ...evaluationCriteria.map((criterion): [string, React.ReactNode] => [t(`criteria.${criterion}.label`), t(`scale.${evaluation.ratings[criterion]}`)]),
              [t("comments"), <span key="comments" className="whitespace-pre-wrap break-words">{evaluation.comments || "—"}</span>],
              [t("releasedLabel"), evaluation.releasedToOfficerAt ? formatInstant(evaluation.releasedToOfficerAt) : t("notReleased")],
            ]}
          />
        </>
      ) : (
        <p className="text-sm text-slate-700">{t("none")}</p>
      )}
      {(view.canWrite || view.canRelease) && (
        <ClientMessages namespaces={["evaluations", "officerReports", "errors.formTooLarge", "errors.formNotSent"]}>
          {view.canWrite && (
            <EvaluationForm action={saveEvaluationAction} placementId={view.placementId} version={evaluation?.version ?? null} ratings={evaluation?.ratings ?? null} comments={evaluation?.comments ?? ""} />
          )}
          {view.canRelease && evaluation && (
            <StepForm action={releaseEvaluationAction} hidden={{ placementId: view.placementId, version: evaluation.version }} label={t("release")} testId="release-evaluation" />
          )}
        </ClientMessages>
      )}
    </div>
  );
}
