import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { CohortTimeline } from "@/features/schedule/components/cohort-timeline";
import { PrintButton } from "@/features/schedule/components/print-button";
import { findCohortTimeline } from "@/features/schedule/queries";
import { todayInHongKong } from "@/lib/dates";

export async function generateMetadata() {
  const t = await getTranslations("schedule.timeline");
  return { title: t("title") };
}

export default async function CohortTimelinePage({ params }: { params: Promise<{ cohortId: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "schedule:view")) forbidden();
  const { cohortId } = await params;
  const [data, t, locale] = await Promise.all([findCohortTimeline(user, cohortId), getTranslations("schedule"), getLocale() as Promise<AppLocale>]);
  if (!data) notFound();
  return (
    <>
      <PageHeader
        title={t("timeline.title")}
        description={localizedName(data.cohort.name, locale)}
        actions={
          <div className="no-print flex flex-wrap gap-2">
            <Link href={`/schedule/cohorts/${cohortId}`} className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-900">
              {t("cohorts.calendar")}
            </Link>
            <PrintButton label={t("print")} />
          </div>
        }
      />
      <CohortTimeline cohort={data.cohort} groups={data.groups} today={todayInHongKong()} />
    </>
  );
}
