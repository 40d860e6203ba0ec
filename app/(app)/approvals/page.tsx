import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { FilterForm } from "@/components/data-list";
import { PageHeader } from "@/components/page-header";
import { SelectField } from "@/components/ui/form-fields";
import { firstParam, listText } from "@/lib/list-params";
import { findCohortsAwaitingApproval, findPlacementsAwaitingApproval } from "@/features/placements/queries/approvals";
import { ApprovalsTable } from "@/features/placements/components/approvals-table";

export async function generateMetadata() {
  const t = await getTranslations("approvals");
  return { title: t("title") };
}

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "placement:approveSending") && !hasPermission(user, "placement:approveHost")) forbidden();
  const query = await searchParams;
  const requestedPage = Number(firstParam(query.page)) || 1;
  const locale = (await getLocale()) as AppLocale;
  // Any cohort id filters (the queue is scoped to the actor's side anyway): a cohort whose last placement was just
  // approved shows an empty queue rather than every other cohort's.
  const cohortId = listText(100).parse(firstParam(query.cohort));
  const [t, b, cohorts, page] = await Promise.all([
    getTranslations("approvals"),
    getTranslations("bulkApproval"),
    findCohortsAwaitingApproval(user),
    findPlacementsAwaitingApproval(user, requestedPage, { cohortId }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {(cohorts.length > 1 || cohortId) && (
        <FilterForm basePath="/approvals" label={b("filterLabel")}>
          <SelectField
            name="cohort"
            label={b("cohort")}
            placeholder={b("allCohorts")}
            defaultValue={cohortId ?? ""}
            options={cohorts.map((cohort) => ({ value: cohort.id, label: `${localizedName(cohort, locale)} (${cohort.code})` }))}
          />
        </FilterForm>
      )}
      <ApprovalsTable page={page} locale={locale} cohortId={cohortId} />
    </>
  );
}
