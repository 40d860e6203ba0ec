import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { findVisibleCohorts } from "@/features/cohorts/queries";

export async function generateMetadata() {
  const t = await getTranslations("cohorts");
  return { title: t("title") };
}

export default async function CohortsPage() {
  const user = await requireSessionUser();
  if (!hasPermission(user, "cohort:view")) forbidden();
  const [t, status, locale, cohorts] = await Promise.all([
    getTranslations("cohorts"),
    getTranslations("status.cohort"),
    getLocale() as Promise<AppLocale>,
    findVisibleCohorts(user),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {cohorts.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <div className="overflow-x-auto rounded border border-slate-300 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">{t("name")}</th>
                <th scope="col" className="px-3 py-2">{t("sending")}</th>
                <th scope="col" className="px-3 py-2">{t("host")}</th>
                <th scope="col" className="px-3 py-2">{t("dates")}</th>
                <th scope="col" className="px-3 py-2">{t("status")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("placements")}</th>
              </tr>
            </thead>
            <tbody>
              {cohorts.map((cohort) => (
                <tr key={cohort.id} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 font-medium">{localizedName(cohort, locale)}</th>
                  <td className="px-3 py-2">{localizedName(cohort.sendingJurisdiction, locale)}</td>
                  <td className="px-3 py-2">{localizedName(cohort.hostJurisdiction, locale)}</td>
                  <td className="px-3 py-2">
                    {formatCalendarDate(cohort.startDate, locale)} – {formatCalendarDate(cohort.endDate, locale)}
                  </td>
                  <td className="px-3 py-2">{status(cohort.status)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{cohort._count.placements}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
