import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { formatNumber } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { ClientMessages } from "@/components/client-messages";
import { PageHeader } from "@/components/page-header";
import { PDF_MAX_ROWS } from "@/features/reports/export/pdf";
import { ColumnChooser } from "@/features/reports/components/column-chooser";
import { ExportButtons } from "@/features/reports/components/export-buttons";
import { ReportFiltersForm } from "@/features/reports/components/report-filters";
import { ReportPreview } from "@/features/reports/components/report-preview";
import { findPlacementReportView } from "@/features/reports/report-view";

export async function generateMetadata() {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "report:export")) forbidden();
  const [t, locale] = await Promise.all([getTranslations("reports"), getLocale() as Promise<AppLocale>]);
  const view = await findPlacementReportView(user, await searchParams, locale);
  if (view.kind === "notFound") notFound();
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ReportFiltersForm values={view.values} errors={view.errors} options={view.options} locale={locale} />
      <ClientMessages namespaces={["reports.chooser", "errors.formTooLarge", "errors.formNotSent"]}>
        <ColumnChooser columns={view.columnChoice.columns} chosen={view.columnChoice.chosen} />
      </ClientMessages>
      {view.kind === "ready" && (
        <>
          <p className="mb-4 font-medium" data-testid="report-total">
            {t("summary", { count: formatNumber(view.total, locale) })}
          </p>
          <ClientMessages namespaces={["reports.export"]}>
            <ExportButtons query={view.query.toString()} total={view.total} pdfLimit={PDF_MAX_ROWS} disabled={view.total === 0} />
          </ClientMessages>
          {!view.includeStaffNumber && view.total > 0 && <p className="mb-4 text-sm text-slate-700">{t("staffNumberHidden")}</p>}
          <ReportPreview
            records={view.records}
            total={view.total}
            page={view.page}
            includeStaffNumber={view.includeStaffNumber}
            columns={view.columns}
            query={view.query}
            locale={locale}
          />
        </>
      )}
    </>
  );
}
