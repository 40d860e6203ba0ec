import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { formatCalendarDate, formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { placementProgress } from "@/lib/dates";
import { EmptyState } from "@/components/empty-state";
import { findAdminDashboard, findCoordinatorDashboard, findOwnPlacements, findSupervisedPlacements } from "../queries";
import { PlacementStatusSummary } from "./status-table";

const card = "rounded border border-slate-300 bg-white p-5";

export async function CoordinatorDashboard({ user }: { user: SessionUser }) {
  const [t, cohortStatus, locale, cohorts] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("status.cohort"),
    getLocale() as Promise<AppLocale>,
    findCoordinatorDashboard(user),
  ]);
  if (cohorts.length === 0) return <EmptyState message={t("noCohorts")} />;
  const waiting = cohorts.reduce((sum, cohort) => sum + cohort.waitingForMyApproval, 0);
  return (
    <div className="flex flex-col gap-6">
      <section className={card} aria-labelledby="waiting-heading">
        <h2 id="waiting-heading" className="text-lg font-semibold">
          {t("waitingForApproval")}
        </h2>
        <p className="mt-2 text-3xl font-bold tabular-nums" data-testid="waiting-total">
          {formatNumber(waiting, locale)}
        </p>
      </section>
      <section aria-labelledby="cohorts-heading">
        <h2 id="cohorts-heading" className="mb-3 text-lg font-semibold">
          {t("cohortsTitle")}
        </h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {cohorts.map((cohort) => {
            const name = localizedName(cohort.name, locale);
            return (
              <li key={cohort.id} className={card} data-testid="cohort-card">
                <h3 className="font-semibold">{name}</h3>
                <p className="text-sm text-slate-700">
                  {t(cohort.side)} · {formatCalendarDate(cohort.startDate, locale)} – {formatCalendarDate(cohort.endDate, locale)} ·{" "}
                  {cohortStatus(cohort.status)}
                </p>
                <p className="mt-1 text-sm">
                  {t("waitingForApproval")}: <span className="font-semibold tabular-nums">{cohort.waitingForMyApproval}</span>
                </p>
                <div className="mt-3">
                  <PlacementStatusSummary caption={t("statusSummaryCaption", { cohort: name })} counts={cohort.placementsByStatus} />
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

export async function OfficerDashboard({ user }: { user: SessionUser }) {
  const [t, status, locale, placements] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("status.placement"),
    getLocale() as Promise<AppLocale>,
    findOwnPlacements(user),
  ]);
  if (placements.length === 0) return <EmptyState message={t("noPlacement")} />;
  return (
    <section aria-labelledby="my-placement" className="flex flex-col gap-4">
      <h2 id="my-placement" className="text-lg font-semibold">
        {t("myPlacement")}
      </h2>
      {placements.map((placement) => {
        const progress = placementProgress(placement.startDate, placement.endDate);
        const rows: [string, string][] = [
          [t("cohort"), localizedName(placement.cohortName, locale)],
          [t("hostUnit"), placement.hostUnitName ? localizedName(placement.hostUnitName, locale) : t("notAssigned")],
          [t("post"), placement.postTitle ?? "—"],
          [t("field"), placement.fieldName ? localizedName(placement.fieldName, locale) : "—"],
          [t("dates"), `${formatCalendarDate(placement.startDate, locale)} – ${formatCalendarDate(placement.endDate, locale)}`],
          [t("placementStatus"), status(placement.status)],
          [t("daysDone"), String(progress.done)],
          [t("daysRemaining"), String(progress.remaining)],
        ];
        return (
          <dl key={placement.id} className={`${card} grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]`} data-testid="placement-card">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-700">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        );
      })}
    </section>
  );
}

export async function SupervisorDashboard({ user }: { user: SessionUser }) {
  const [t, status, locale, placements] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("status.placement"),
    getLocale() as Promise<AppLocale>,
    findSupervisedPlacements(user),
  ]);
  return (
    <section aria-labelledby="supervised" className={card}>
      <h2 id="supervised" className="mb-3 text-lg font-semibold">
        {t("supervisedPlacements")}
      </h2>
      {placements.length === 0 ? (
        <EmptyState message={t("noPlacement")} />
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col">{t("officerColumn")}</th>
              <th scope="col">{t("post")}</th>
              <th scope="col">{t("dates")}</th>
              <th scope="col">{t("placementStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {placements.map((placement) => (
              <tr key={placement.id} className="border-t border-slate-200">
                <td className="py-1">
                  {placement.officerName} {placement.chineseName && <span lang="zh">{placement.chineseName}</span>}
                </td>
                <td>{placement.postTitle ?? "—"}</td>
                <td>
                  {formatCalendarDate(placement.startDate, locale)} – {formatCalendarDate(placement.endDate, locale)}
                </td>
                <td>{status(placement.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export async function AdminDashboard({ user }: { user: SessionUser }) {
  const [t, locale, dashboard] = await Promise.all([getTranslations("dashboard"), getLocale() as Promise<AppLocale>, findAdminDashboard(user)]);
  if (!dashboard) return null;
  const totals: [string, number][] = [
    [t("officersTotal"), dashboard.totals.officers],
    [t("hostUnitsTotal"), dashboard.totals.hostUnits],
    [t("cohortsTotal"), dashboard.totals.cohorts],
    [t("placementsTotal"), dashboard.totals.placements],
    [t("usersTotal"), dashboard.totals.users],
  ];
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="totals" className={card}>
        <h2 id="totals" className="mb-3 text-lg font-semibold">
          {t("totals")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          {totals.map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-2xl font-bold tabular-nums">{formatNumber(value, locale)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="recent-audit" className={card}>
        <h2 id="recent-audit" className="mb-3 text-lg font-semibold">
          {t("recentAudit")}
        </h2>
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col">{t("auditTime")}</th>
              <th scope="col">{t("auditActor")}</th>
              <th scope="col">{t("auditAction")}</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.recentAudit.map((entry) => (
              <tr key={entry.id} className="border-t border-slate-200">
                <td className="py-1">{formatDateTime(entry.createdAt, locale)}</td>
                <td>{entry.actorEmail ?? "—"}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
