import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { firstParam } from "@/lib/list-params";
import { findPlacementsAwaitingApproval } from "@/features/placements/queries/approvals";
import { ApprovalsTable } from "@/features/placements/components/approvals-table";

export async function generateMetadata() {
  const t = await getTranslations("approvals");
  return { title: t("title") };
}

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "placement:approveSending") && !hasPermission(user, "placement:approveHost")) forbidden();
  const requestedPage = Number(firstParam((await searchParams).page)) || 1;
  const locale = (await getLocale()) as AppLocale;
  const [t, page] = await Promise.all([getTranslations("approvals"), findPlacementsAwaitingApproval(user, requestedPage)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ApprovalsTable page={page} locale={locale} />
    </>
  );
}
