import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission, isAllowed } from "@/lib/authorization";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { canManageCohort } from "@/features/cohorts/policy";
import { findCohortForActor } from "@/features/cohorts/queries";
import { firstParam } from "@/features/cohorts/schemas";
import { findHostUnitOptions, findNominationCandidates, findPlacementBoard } from "@/features/placements/queries";
import { HostUnitPlaces } from "@/features/placements/components/host-unit-places";
import { NominatePanel } from "@/features/placements/components/nominate-panel";
import { PlacementBoard } from "@/features/placements/components/placement-board";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  const cohort = hasPermission(user, "cohort:view") ? await findCohortForActor(user, (await params).id) : null;
  const locale = (await getLocale()) as AppLocale;
  const t = await getTranslations("cohorts");
  return { title: cohort ? localizedName(cohort.name, locale) : t("title") };
}

export default async function CohortBoardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "cohort:view")) forbidden();
  const cohort = await findCohortForActor(user, (await params).id);
  if (!cohort) notFound();
  const officerQuery = firstParam((await searchParams).officerQuery)?.trim().slice(0, 100) || undefined;
  const sides = { kind: "cohort" as const, sendingJurisdictionId: cohort.sendingJurisdictionId, hostJurisdictionId: cohort.hostJurisdictionId };
  const canNominate = isAllowed(user, "placement:nominate", sides);
  const canAssign = isAllowed(user, "placement:assign", sides);
  const locale = (await getLocale()) as AppLocale;
  const [t, status, placements, candidates, hostUnits] = await Promise.all([
    getTranslations("cohorts"),
    getTranslations("status.cohort"),
    findPlacementBoard(user, cohort.id),
    canNominate ? findNominationCandidates(user, cohort.id, officerQuery) : Promise.resolve([]),
    canAssign ? findHostUnitOptions(user, cohort.id) : Promise.resolve([]),
  ]);
  const facts: [string, string][] = [
    [t("code"), cohort.code],
    [t("sending"), localizedName(cohort.sendingSide, locale)],
    [t("host"), localizedName(cohort.hostSide, locale)],
    [t("yourSide"), cohort.viewerRole ? t(`viewerRole.${cohort.viewerRole}`) : "—"],
    [t("dates"), `${formatCalendarDate(cohort.startDate, locale)} – ${formatCalendarDate(cohort.endDate, locale)}`],
    [t("nominationDeadline"), cohort.nominationDeadline ? formatCalendarDate(cohort.nominationDeadline, locale) : "—"],
    [t("status"), status(cohort.status)],
  ];
  const edit = canManageCohort(user, cohort) ? (
    <Link href={`/cohorts/${cohort.id}/edit`} className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100">
      {t("editCohort")}
    </Link>
  ) : null;
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href="/cohorts" className="text-brand-700 underline">
          {t("title")}
        </Link>
      </nav>
      <PageHeader title={localizedName(cohort.name, locale)} actions={edit} />
      <dl className="mb-8 grid grid-cols-1 gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-5 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="board-heading">
        <h2 id="board-heading" className="mb-3 text-xl font-semibold">
          {t("boardTitle", { count: placements.length })}
        </h2>
        <PlacementBoard placements={placements} locale={locale} canAssign={canAssign} showStaffNumbers={cohort.viewerRole === "sending" || cohort.viewerRole === "admin"} />
      </section>
      {canAssign && <HostUnitPlaces units={hostUnits} locale={locale} />}
      {canNominate && cohort.status !== "COMPLETED" && <NominatePanel cohortId={cohort.id} query={officerQuery} candidates={candidates} locale={locale} />}
    </>
  );
}
