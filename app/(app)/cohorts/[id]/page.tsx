import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { cohortResource, hasPermission, isAllowed } from "@/lib/authorization";
import { CohortInviteLink } from "@/features/accounts/components/officer-account-section";
import { formatCalendarDate } from "@/lib/i18n/format";
import { listText } from "@/lib/list-params";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { FilterForm, Pagination } from "@/components/data-list";
import { PageHeader } from "@/components/page-header";
import { SelectField } from "@/components/ui/form-fields";
import { TextField } from "@/components/ui/text-field";
import { placementStatuses } from "@/features/placements/schemas";
import { canManageCohort } from "@/features/cohorts/policy";
import { findCohortForActor } from "@/features/cohorts/queries";
import { firstParam } from "@/lib/list-params";
import { findPlacementBoard } from "@/features/placements/queries/board";
import { findHostUnitOptions } from "@/features/placements/queries/assignment-options";
import { HostUnitPlacesLink } from "@/features/placements/components/host-unit-places";
import { NominationsClosedNotice } from "@/features/placements/components/nominate-panel";
import { NominateDialog } from "@/features/placements/components/nominate-dialog";
import { nominationDeadlinePassed } from "@/features/placements/policy";
import { PlacementBoard } from "@/features/placements/components/placement-board";
import { DetailList } from "@/components/detail-list";
import { Button } from "@/components/ui/button";
import { MatchingLink } from "@/features/matching/runs/components/matching-link";

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
  const query = await searchParams;
  const boardQuery = listText(100).parse(firstParam(query.q)?.slice(0, 100));
  const boardStatus = placementStatuses.find((value) => value === firstParam(query.status));
  const boardPage = Number(firstParam(query.page)) || 1;
  const sides = cohortResource(cohort);
  const canNominate = isAllowed(user, "placement:nominate", sides);
  const nominationsClosed = nominationDeadlinePassed(cohort);
  const canAssign = isAllowed(user, "placement:assign", sides);
  const locale = (await getLocale()) as AppLocale;
  const [t, p, status, board, hostUnits] = await Promise.all([
    getTranslations("cohorts"),
    getTranslations("placements"),
    getTranslations("status.cohort"),
    findPlacementBoard(user, cohort.id, { query: boardQuery, status: boardStatus, page: boardPage }),
    canAssign ? findHostUnitOptions(user, cohort.id) : Promise.resolve([]),
  ]);
  const boardPath = `/cohorts/${cohort.id}`;
  const placementStatus = await getTranslations("status.placement");
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
    <Button asChild variant="secondary">
      <Link prefetch={false} href={`/cohorts/${cohort.id}/edit`}>
        {t("editCohort")}
      </Link>
    </Button>
  ) : null;
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link prefetch={false} href="/cohorts" className="text-brand-700 underline">
          {t("title")}
        </Link>
      </nav>
      <PageHeader title={localizedName(cohort.name, locale)} actions={edit} />
      <DetailList items={facts} className="mb-8 rounded border border-slate-300 bg-white p-5 text-sm" />
      <section aria-labelledby="board-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="board-heading" className="text-xl font-semibold">
            {t("boardTitle", { count: board.total })}
          </h2>
          {canNominate && cohort.status !== "COMPLETED" && !nominationsClosed && <NominateDialog cohortId={cohort.id} />}
          {isAllowed(user, "matchingRun:view", sides) && cohort.status !== "COMPLETED" && (
            <MatchingLink cohortId={cohort.id} canPropose={isAllowed(user, "matchingRun:propose", sides)} />
          )}
        </div>
        <FilterForm basePath={boardPath} label={p("boardSearch")}>
          <TextField name="q" type="search" label={p("boardQuery")} defaultValue={boardQuery} />
          <SelectField
            name="status"
            label={p("boardStatus")}
            placeholder={p("anyStatus")}
            defaultValue={boardStatus ?? ""}
            options={placementStatuses.map((value) => ({ value, label: placementStatus(value) }))}
          />
        </FilterForm>
        <PlacementBoard
          placements={board.rows}
          locale={locale}
          canAssign={canAssign}
          isFiltered={Boolean(boardQuery || boardStatus)}
        />
        {board.pageCount > 1 && (
          <Pagination basePath={boardPath} params={{ q: boardQuery, status: boardStatus }} page={board.page} pageCount={board.pageCount} total={board.total} />
        )}
      </section>
      <CohortInviteLink actor={user} cohortId={cohort.id} sides={sides} />
      {canAssign && <HostUnitPlacesLink cohortId={cohort.id} units={hostUnits} />}
      {canNominate && cohort.status !== "COMPLETED" && nominationsClosed && cohort.nominationDeadline && (
        <NominationsClosedNotice deadline={formatCalendarDate(cohort.nominationDeadline, locale)} />
      )}
    </>
  );
}
