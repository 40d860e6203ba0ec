import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { AuditList } from "@/features/audit/components/audit-list";
import { auditListParamsSchema } from "@/features/audit/schemas";
import { firstValues } from "@/components/data-list";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "audit:view")) forbidden();
  const [t, locale, rawParams] = await Promise.all([getTranslations("audit"), getLocale() as Promise<AppLocale>, searchParams.then(firstValues)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <AuditList actor={user} params={auditListParamsSchema.parse(rawParams)} rawParams={rawParams} locale={locale} />
    </>
  );
}
