import Link from "next/link";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { formatNumber, formatCalendarDate, formatDateTime, formatCalendarMonth } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { placementProgress } from "@/lib/dates";
import { EmptyState } from "@/components/empty-state";
import { DataTable } from "@/components/data-table";
import { HeaderCells } from "@/components/ui/column-headers";
import { Button } from "@/components/ui/button";
import { findCoordinatorDashboard, UPCOMING_DAYS, type Arrival, type HostSideSummary, type Milestone, type SendingSideSummary } from "../queries/coordinator";
import { findOfficerNextEvents, findOwnPlacements } from "../queries/officer";
import { findSupervisedPlacements } from "../queries/supervisor";
import { findAdminDashboard } from "../queries/admin";
import { BarTable, type BarRow } from "./bar-table";
import { CohortStatusTable, PlacementStatusSummary } from "./status-table";
import { controlClass, Field } from "@/components/ui/field";
import { DetailList } from "@/components/detail-list";
import { PageSection } from "@/components/page-section";
import { displayStatus } from "@/features/placements/display-status";
import { actionLabel, type CatalogTranslate } from "@/features/audit/presentation";
import { ReportCountsPanel } from "@/features/officer-reports/components/report-counts-panel";
import { ClientMessages } from "@/components/client-messages";
import { LazyCoordinatorPanels } from "./lazy-coordinator-panels";

const card = "rounded border border-slate-300 bg-white p-5";

/** The placement report filtered as a dashboard number counts (features/reports/schemas.ts reads these parameters). */
function reportHref(filters: { cohort?: string; hostUnit?: string; field?: string }): string {
  return `/reports?${new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])))}`;
}

// Only the dashboards that load data are async; their tables, lists and panels are synchronous (useTranslations
// rather than await getTranslations), because React writes every async component as a chunk of its own.

/** A number with its label; with `href`, the number opens the list it counts (issue 12 §5). */
function Stat({ label, value, locale, testId, href }: { label: string; value: number; locale: AppLocale; testId: string; href?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-3xl font-bold tabular-nums">
        {href ? (
          <Link prefetch={false} href={href} className="text-brand-700 underline" data-testid={testId}>
            {formatNumber(value, locale)}
          </Link>
        ) : (
          <span data-testid={testId}>{formatNumber(value, locale)}</span>
        )}
      </dd>
    </div>
  );
}

export async function CoordinatorDashboard({ user, hostCohortId }: { user: SessionUser; hostCohortId?: string }) {
  const [t, cohortStatus, locale, dashboard] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("status.cohort"),
    getLocale() as Promise<AppLocale>,
    findCoordinatorDashboard(user, { hostCohortId, panels: false }),
  ]);
  if (!dashboard || dashboard.totalCohorts === 0) return <EmptyState message={t("noCohorts")} />;
  return (
    <div className="flex flex-col gap-8">
      <PageSection id="waiting" title={t("waitingForApproval")} className={card}>
        <p className="text-3xl font-bold tabular-nums">
          <Link prefetch={false} href="/approvals" className="text-brand-700 underline" data-testid="waiting-total">
            {formatNumber(dashboard.waitingForMyApproval, locale)}
          </Link>
        </p>
        <p className="mt-1 text-sm text-slate-700">
          {t("waitingSplit", { sending: formatNumber(dashboard.waitingSending, locale), host: formatNumber(dashboard.waitingHost, locale) })}
        </p>
      </PageSection>

      <PageSection id="cohorts" title={t("cohortsTitle")}>
        <CohortStatusTable
          caption={t("cohortsCaption")}
          locale={locale}
          rows={dashboard.cohorts.map((cohort) => ({
            id: cohort.id,
            name: localizedName(cohort.name, locale),
            side: cohort.side,
            dates: `${formatCalendarDate(cohort.startDate, locale)} – ${formatCalendarDate(cohort.endDate, locale)}`,
            status: cohortStatus(cohort.status),
            counts: cohort.placementsByStatus,
            waitingForMyApproval: cohort.waitingForMyApproval,
          }))}
        />
        {dashboard.totalCohorts > dashboard.cohorts.length && (
          <p className="mt-3">
            <Link prefetch={false} href="/cohorts" className="text-brand-700 underline">
              {t("allCohorts", { count: formatNumber(dashboard.totalCohorts, locale) })}
            </Link>
          </p>
        )}
      </PageSection>

      {/* Below the first screen: loaded when they come into view, not with the page (decisions 054, 113). */}
      <ClientMessages namespaces={["dashboardHome.panels"]}>
        <LazyCoordinatorPanels key={hostCohortId ?? ""} hostCohortId={hostCohortId}>
          {dashboard.hasSendingSide && <PanelLoading id="sending" title={t("sendingSideTitle")} />}
          {dashboard.hasHostSide && <PanelLoading id="host" title={t("hostSideTitle")} />}
        </LazyCoordinatorPanels>
      </ClientMessages>
    </div>
  );
}

/**
 * The coordinator dashboard's sections below the first screen (sending side, host side, reports), rendered for
 * loadCoordinatorPanelsAction when the page's placeholder comes into view (decision 113).
 */
export async function CoordinatorPanels({ user, hostCohortId }: { user: SessionUser; hostCohortId?: string }) {
  const [locale, dashboard] = await Promise.all([getLocale() as Promise<AppLocale>, findCoordinatorDashboard(user, { hostCohortId })]);
  if (!dashboard || dashboard.totalCohorts === 0) return null;
  const [sending, host] = await Promise.all([dashboard.sending, dashboard.host]);
  return (
    <>
      {sending && <SendingSidePanel summary={sending} locale={locale} />}
      {host && <HostSidePanel summary={host} locale={locale} />}
      <ReportCountsPanel user={user} />
    </>
  );
}

function PanelLoading({ id, title }: { id: string; title: string }) {
  const h = useTranslations("dashboardHome");
  return (
    <PageSection id={`${id}-loading`} title={title} className={card} testId={`${id}-panel-loading`}>
      <p className="text-sm text-slate-700" role="status">
        {h("loading")}
      </p>
    </PageSection>
  );
}

function ArrivalsTable({ caption, arrivals, locale, testId }: { caption: string; arrivals: Arrival[]; locale: AppLocale; testId: string }) {
  const t = useTranslations("dashboard");
  const status = useTranslations("status.placement");
  return (
    <DataTable
      caption={caption}
      testId={testId}
      headers={<HeaderCells labels={[t("officerColumn"), t("hostUnit"), t("cohort"), t("startDate"), t("placementStatus")]} />}
    >
      {arrivals.map((arrival) => (
        <tr key={arrival.placementId} className="border-t border-slate-200">
          <th scope="row" className="font-normal">
            <Link prefetch={false} href={`/placements/${arrival.placementId}`} className="text-brand-700 underline">
              {arrival.officerName} {arrival.chineseName && <span lang="zh">{arrival.chineseName}</span>}
            </Link>
          </th>
          <td>{arrival.hostUnitName ? localizedName(arrival.hostUnitName, locale) : t("notAssigned")}</td>
          <td>{localizedName(arrival.cohortName, locale)}</td>
          <td className="whitespace-nowrap">{formatCalendarDate(arrival.startDate, locale)}</td>
          <td>{status(arrival.status)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function MilestoneList({ milestones, locale }: { milestones: Milestone[]; locale: AppLocale }) {
  const t = useTranslations("dashboard");
  if (milestones.length === 0) return <p className="text-sm text-slate-700">{t("noMilestones")}</p>;
  return (
    <ul className="flex flex-col gap-2 text-sm" data-testid="milestones">
      {milestones.map((milestone) => (
        <li key={milestone.id}>
          <span className="font-medium">
            {milestone.allDay ? formatCalendarDate(new Date(milestone.startsAt.getTime() + 8 * 3_600_000), locale) : formatDateTime(milestone.startsAt, locale)}
          </span>{" "}
          — {milestone.title}
          <span className="block text-slate-700">
            {localizedName(milestone.cohortName, locale)}
            {milestone.officerName && ` · ${milestone.officerName}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function SendingSidePanel({ summary, locale }: { summary: SendingSideSummary; locale: AppLocale }) {
  const t = useTranslations("dashboard");
  const unitRows: BarRow[] = summary.byHostUnit.top.map((row) => ({
    key: row.id ?? "none",
    label: row.name ? localizedName(row.name, locale) : t("notAssigned"),
    value: row.count,
    href: row.id ? reportHref({ hostUnit: row.id }) : undefined,
  }));
  if (summary.byHostUnit.otherCount > 0) unitRows.push({ key: "other", label: t("otherHostUnits"), value: summary.byHostUnit.otherCount });
  return (
    <PageSection
      id="sending"
      title={t("sendingSideTitle")}
      intro={t("sendingSideIntro", { count: formatNumber(summary.liveCohortCount, locale) })}
      className="flex flex-col gap-4 [&>div:first-child]:mb-0"
      testId="sending-panel"
    >
      <dl className={`${card} grid grid-cols-1 gap-4 sm:grid-cols-3`}>
        <Stat label={t("nominatedNotPlaced")} value={summary.nominatedNotPlaced} locale={locale} testId="nominated-not-placed" />
        <Stat label={t("waitingSending")} value={summary.waitingForMyApproval} locale={locale} testId="waiting-sending" href="/approvals" />
        <Stat label={t("upcomingArrivalsCount", { days: UPCOMING_DAYS })} value={summary.upcomingArrivals.total} locale={locale} testId="upcoming-arrivals-total" />
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className={card}>
          <BarTable
            caption={t("byField")}
            labelHeader={t("field")}
            rows={summary.byField.map((row) => ({
              key: row.id ?? "none",
              label: row.name ? localizedName(row.name, locale) : t("noField"),
              value: row.count,
              href: row.id ? reportHref({ field: row.id }) : undefined,
            }))}
            locale={locale}
            testId="by-field"
          />
        </div>
        <div className={card}>
          <BarTable caption={t("byHostUnit")} labelHeader={t("hostUnit")} rows={unitRows} locale={locale} testId="by-host-unit" />
          <p className="mt-2 text-sm text-slate-700">{t("hostUnitsInAll", { count: formatNumber(summary.byHostUnit.hostUnitCount, locale) })}</p>
        </div>
      </div>
      <div className={card}>
        <h3 className="mb-2 font-semibold">{t("upcomingArrivals", { days: UPCOMING_DAYS })}</h3>
        {summary.upcomingArrivals.total === 0 ? (
          <p className="text-sm text-slate-700">{t("noArrivals")}</p>
        ) : (
          <>
            <ArrivalsTable caption={t("upcomingArrivals", { days: UPCOMING_DAYS })} arrivals={summary.upcomingArrivals.items} locale={locale} testId="upcoming-arrivals" />
            <p className="mt-2 text-sm text-slate-700">
              {t("shownOf", { shown: formatNumber(summary.upcomingArrivals.items.length, locale), total: formatNumber(summary.upcomingArrivals.total, locale) })}
            </p>
          </>
        )}
      </div>
      <div className={card}>
        <h3 className="mb-2 font-semibold">{t("milestones")}</h3>
        <MilestoneList milestones={summary.milestones} locale={locale} />
      </div>
    </PageSection>
  );
}

function HostSidePanel({ summary, locale }: { summary: HostSideSummary; locale: AppLocale }) {
  const t = useTranslations("dashboard");
  const cohort = summary.currentCohort;
  const cohortName = cohort ? localizedName(cohort.name, locale) : "";
  const monthName = formatCalendarMonth(summary.arrivalsThisMonth.monthStart, locale);
  return (
    <PageSection id="host" title={t("hostSideTitle")} className="flex flex-col gap-4 [&>h2]:mb-0" testId="host-panel">
      <dl className={`${card} grid grid-cols-1 gap-4 sm:grid-cols-2`}>
        <Stat label={t("waitingHost")} value={summary.waitingForMyApproval} locale={locale} testId="waiting-host" href="/approvals" />
        <Stat label={t("arrivalsThisMonth", { month: monthName })} value={summary.arrivalsThisMonth.total} locale={locale} testId="arrivals-this-month-total" />
      </dl>
      <div className={card}>
        <h3 className="mb-2 font-semibold">{t("capacityTitle")}</h3>
        {summary.cohortChoices.length > 1 && (
          <form method="get" action="/" className="mb-3 flex flex-wrap items-end gap-3">
            <Field id="host-cohort" label={t("chooseCohort")}>
              <select name="hostCohort" defaultValue={cohort?.id} className={controlClass()}>
                {summary.cohortChoices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {localizedName(choice.name, locale)}
                  </option>
                ))}
              </select>
            </Field>
            <Button type="submit" variant="secondary">
              {t("show")}
            </Button>
          </form>
        )}
        {!cohort ? (
          <p className="text-sm text-slate-700">{t("noHostCohort")}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700" data-testid="capacity-summary">
              {t("capacitySummary", {
                cohort: cohortName,
                used: formatNumber(summary.capacity.totalUsed, locale),
                capacity: formatNumber(summary.capacity.totalCapacity, locale),
                units: formatNumber(summary.capacity.hostUnitCount, locale),
              })}
            </p>
            <DataTable
              caption={t("capacityCaption", { cohort: cohortName })}
              framed={false}
              className="mt-2"
              testId="capacity-table"
              headers={
                <>
                  <th scope="col">{t("hostUnit")}</th>
                  <th scope="col" className="text-right">
                    {t("usedColumn")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("capacityColumn")}
                  </th>
                  <th scope="col" className="w-1/3">
                    <span className="sr-only">{t("chartColumn")}</span>
                  </th>
                </>
              }
            >
              {summary.capacity.rows.map((row) => (
                <tr key={row.hostUnitId} className="border-t border-slate-200">
                  <th scope="row" className="font-normal">
                    <Link prefetch={false} href={reportHref({ cohort: cohort.id, hostUnit: row.hostUnitId })} className="text-brand-700 underline">
                      {localizedName(row.name, locale)}
                    </Link>
                  </th>
                  <td className="text-right tabular-nums">{formatNumber(row.used, locale)}</td>
                  <td className="text-right tabular-nums">{formatNumber(row.capacity, locale)}</td>
                  <td aria-hidden="true">
                    <div className="h-3 w-full rounded bg-slate-200">
                      <div className="h-3 rounded bg-brand-700" style={{ width: `${row.capacity ? Math.min(100, (row.used / row.capacity) * 100) : 0}%` }} />
                    </div>
                  </td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </div>
      <div className={card}>
        <h3 className="mb-2 font-semibold">{t("arrivalsThisMonth", { month: monthName })}</h3>
        {summary.arrivalsThisMonth.total === 0 ? (
          <p className="text-sm text-slate-700">{t("noArrivals")}</p>
        ) : (
          <>
            <ArrivalsTable caption={t("arrivalsThisMonth", { month: monthName })} arrivals={summary.arrivalsThisMonth.items} locale={locale} testId="arrivals-this-month" />
            <p className="mt-2 text-sm text-slate-700">
              {t("shownOf", { shown: formatNumber(summary.arrivalsThisMonth.items.length, locale), total: formatNumber(summary.arrivalsThisMonth.total, locale) })}
            </p>
          </>
        )}
      </div>
    </PageSection>
  );
}

export async function OfficerDashboard({ user }: { user: SessionUser }) {
  const [t, status, locale, placements, events] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("status.placement"),
    getLocale() as Promise<AppLocale>,
    findOwnPlacements(user),
    findOfficerNextEvents(user),
  ]);
  if (placements.length === 0) return <EmptyState message={t("noPlacement")} />;
  return (
    <div className="flex flex-col gap-8">
      <PageSection id="my-placement" title={t("myPlacement")} className="flex flex-col gap-4 [&>h2]:mb-0">
        {placements.map((placement) => {
          const progress = placementProgress(placement.startDate, placement.endDate);
          const rows: [string, string][] = [
            [t("cohort"), localizedName(placement.cohortName, locale)],
            [t("hostUnit"), placement.hostUnitName ? localizedName(placement.hostUnitName, locale) : t("notAssigned")],
            [t("post"), placement.postTitle ?? "—"],
            [t("field"), placement.fieldName ? localizedName(placement.fieldName, locale) : "—"],
            [t("dates"), `${formatCalendarDate(placement.startDate, locale)} – ${formatCalendarDate(placement.endDate, locale)}`],
            [t("placementStatus"), status(displayStatus(placement))],
            [t("daysDone"), String(progress.done)],
            [t("daysRemaining"), String(progress.remaining)],
          ];
          return (
            <DetailList key={placement.id} items={rows} className={card} testId="placement-card" />
          );
        })}
      </PageSection>
      <PageSection id="next-events" title={t("nextEvents")} className={card}>
        {events.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noEvents")}</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {events.map((event) => (
              <li key={event.id} data-testid="next-event">
                <span className="font-medium">
                  {event.allDay ? formatCalendarDate(new Date(event.startsAt.getTime() + 8 * 3_600_000), locale) : formatDateTime(event.startsAt, locale)}
                </span>{" "}
                — {event.title}
                {event.location && <span className="block text-slate-700">{event.location}</span>}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-sm">
          <Link prefetch={false} href="/schedule" className="text-brand-700 underline">
            {t("fullSchedule")}
          </Link>
        </p>
      </PageSection>
    </div>
  );
}

export async function SupervisorDashboard({ user }: { user: SessionUser }) {
  const [t, status, locale, placements] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("status.placement"),
    getLocale() as Promise<AppLocale>,
    findSupervisedPlacements(user),
  ]);
  // Each name opens the officer's placement schedule, the supervisor's daily work (issue 12 §8).
  const nameLink = (placement: (typeof placements)[number]) => (
    <Link prefetch={false} href={`/schedule/placements/${placement.id}`} className="text-brand-700 underline">
      {placement.officerName} {placement.chineseName && <span lang="zh">{placement.chineseName}</span>}
    </Link>
  );
  const dates = (placement: (typeof placements)[number]) => `${formatCalendarDate(placement.startDate, locale)} – ${formatCalendarDate(placement.endDate, locale)}`;
  return (
    <PageSection id="supervised" title={t("supervisedPlacements")} className={card}>
      {placements.length === 0 ? (
        <EmptyState message={t("noPlacement")} />
      ) : (
        <>
          {/* Phones: one card per officer, the values under their labels, rather than four cramped columns. */}
          <ul className="flex flex-col gap-3 md:hidden" data-testid="supervised-cards">
            {placements.map((placement) => (
              <li key={placement.id} className="rounded border border-slate-200 p-3 [overflow-wrap:anywhere]">
                <p className="font-medium">{nameLink(placement)}</p>
                <DetailList
                  className="mt-2 text-sm"
                  items={[
                    [t("post"), placement.postTitle ?? "—"],
                    [t("dates"), dates(placement)],
                    [t("placementStatus"), status(displayStatus(placement))],
                  ]}
                />
              </li>
            ))}
          </ul>
          <div className="hidden md:block">
            <DataTable
              caption={t("supervisedPlacements")}
              framed={false}
              testId="supervised-table"
              headers={<HeaderCells labels={[t("officerColumn"), t("post"), t("dates"), t("placementStatus")]} />}
            >
              {placements.map((placement) => (
                <tr key={placement.id} className="border-t border-slate-200">
                  <th scope="row" className="font-normal">
                    {nameLink(placement)}
                  </th>
                  <td>{placement.postTitle ?? "—"}</td>
                  <td className="whitespace-nowrap">{dates(placement)}</td>
                  <td>{status(displayStatus(placement))}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        </>
      )}
    </PageSection>
  );
}

export async function AdminDashboard({ user }: { user: SessionUser }) {
  const [t, catalog, locale, dashboard] = await Promise.all([getTranslations("dashboard"), getTranslations(), getLocale() as Promise<AppLocale>, findAdminDashboard(user)]);
  if (!dashboard) return null;
  const totals: [string, number, string][] = [
    [t("officersTotal"), dashboard.totals.officers, "officers"],
    [t("hostUnitsTotal"), dashboard.totals.hostUnits, "host-units"],
    [t("cohortsTotal"), dashboard.totals.cohorts, "cohorts"],
    [t("placementsTotal"), dashboard.totals.placements, "placements"],
    [t("usersTotal"), dashboard.totals.users, "users"],
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageSection id="totals" title={t("totals")} className={card}>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          {totals.map(([label, value, id]) => (
            <div key={id}>
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-2xl font-bold tabular-nums" data-testid={`total-${id}`}>
                {formatNumber(value, locale)}
              </dd>
            </div>
          ))}
        </dl>
      </PageSection>
      <PageSection id="all-status" title={t("placementsByStatusAll")} className={card}>
        <PlacementStatusSummary caption={t("placementsByStatusAll")} counts={dashboard.placementsByStatus} />
      </PageSection>
      <PageSection id="recent-audit" title={t("recentAudit")} className={card}>
        <DataTable caption={t("recentAudit")} framed={false} headers={<HeaderCells labels={[t("auditTime"), t("auditActor"), t("auditAction")]} />}>
          {dashboard.recentAudit.map((entry) => (
            <tr key={entry.id} className="border-t border-slate-200" data-testid="audit-entry">
              <td>{formatDateTime(entry.createdAt, locale)}</td>
              <td>{entry.actorEmail ?? "—"}</td>
              <td>{actionLabel(catalog as unknown as CatalogTranslate, entry.action)}</td>
            </tr>
          ))}
        </DataTable>
      </PageSection>
    </div>
  );
}
