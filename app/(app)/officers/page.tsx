import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { OfficerList } from "@/features/officers/components/officer-list";
import { officerListParamsSchema } from "@/features/officers/schemas";
import { firstValues } from "@/components/data-list";

export async function generateMetadata() {
  const t = await getTranslations("officers");
  return { title: t("title") };
}

const actionLink = "inline-flex items-center rounded px-4 py-2 text-sm font-semibold";

export default async function OfficersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "officer:view")) forbidden();
  const [t, locale, rawParams] = await Promise.all([getTranslations("officers"), getLocale() as Promise<AppLocale>, searchParams.then(firstValues)]);
  const params = officerListParamsSchema.parse(rawParams);
  const canManage = hasPermission(user, "officer:manage") && user.jurisdictionId !== null;
  const canImport = hasPermission(user, "officer:import") && user.jurisdictionId !== null;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={user.role === "ADMIN" ? t("introAdmin") : t("intro")}
        actions={
          <div className="flex gap-2">
            {canImport && (
              <Link href="/officers/import" className={`${actionLink} border border-slate-400 bg-white text-slate-900 hover:bg-slate-100`}>
                {t("import")}
              </Link>
            )}
            {canManage && (
              <Link href="/officers/new" className={`${actionLink} bg-brand-700 text-white hover:bg-brand-800`}>
                {t("new")}
              </Link>
            )}
          </div>
        }
      />
      <OfficerList actor={user} params={params} rawParams={rawParams} locale={locale} />
    </>
  );
}
