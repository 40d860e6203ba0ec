import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { HostUnitList } from "@/features/host-units/components/host-unit-list";
import { hostUnitListParamsSchema } from "@/features/host-units/schemas";
import { firstValues } from "@/components/data-list";

export async function generateMetadata() {
  const t = await getTranslations("hostUnits");
  return { title: t("title") };
}

export default async function HostUnitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "hostUnit:view")) forbidden();
  const [t, locale, rawParams] = await Promise.all([getTranslations("hostUnits"), getLocale() as Promise<AppLocale>, searchParams.then(firstValues)]);
  const params = hostUnitListParamsSchema.parse(rawParams);
  const intro = user.role === "ADMIN" ? t("introAdmin") : user.role === "SUPERVISOR" ? t("introSupervisor") : t("intro");
  return (
    <>
      <PageHeader title={t("title")} description={intro} />
      <HostUnitList actor={user} params={params} rawParams={rawParams} locale={locale} />
    </>
  );
}
