import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { parseDateOnly } from "@/lib/dates";
import { formatCalendarDate, formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { PageSection } from "@/components/page-section";
import { findPlacementDetail } from "@/features/placements/queries/detail";
import { findPlacementReports } from "@/features/officer-reports/queries";
import { ReportPanel } from "@/features/officer-reports/components/report-panel";
import { EvaluationPanel } from "@/features/evaluations/components/evaluation-panel";
import { findEvaluation } from "@/features/evaluations/queries";

export async function generateMetadata() {
  const t = await getTranslations("officerReports");
  return { title: t("title") };
}

/** A placement's mid-term and final reports and the supervisor's evaluation, each as the reader may see it. */
export default async function PlacementReportsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "officerReport:view") && !hasPermission(user, "evaluation:view")) forbidden();
  const { id } = await params;
  const [placement, reports, evaluation] = await Promise.all([findPlacementDetail(user, id), findPlacementReports(user, id), findEvaluation(user, id)]);
  if (!placement || (!reports && !evaluation)) notFound();
  const locale = (await getLocale()) as AppLocale;
  const t = await getTranslations("officerReports");
  const dates = { due: (date: string) => formatCalendarDate(parseDateOnly(date), locale), instant: (date: Date) => formatDateTime(date, locale) };
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href={`/placements/${id}`} className="text-brand-700 underline">
          {placement.officer.name}
        </Link>
      </nav>
      <PageHeader title={t("title")} description={t("intro", { name: placement.officer.name })} />
      {reports && !reports.confirmed && <p className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm">{t("notConfirmed")}</p>}
      {reports?.reports.map((report) => (
        <ReportPanel key={report.kind} placementId={id} report={report} canWrite={reports.canWrite} canReview={reports.canReview} dates={dates} />
      ))}
      {evaluation && (
        <PageSection id="evaluation" title={(await getTranslations("evaluations"))("title")} className="mt-6 rounded border border-slate-300 bg-white p-5">
          <EvaluationPanel view={evaluation} formatInstant={dates.instant} />
        </PageSection>
      )}
    </>
  );
}
