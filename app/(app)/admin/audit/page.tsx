import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { AuditList, type RecordHref } from "@/features/audit/components/audit-list";
import { auditListParamsSchema } from "@/features/audit/schemas";
import { firstValues } from "@/components/data-list";
import { referenceEntityTypes, referenceKinds } from "@/features/reference-data/entities";

// Here rather than in the audit feature, which then needs no other feature (no audit ↔ reference-data cycle).
const recordHref: RecordHref = (entityType, entityId) => {
  if (!entityId) return null;
  if (entityType === "Officer") return `/officers/${entityId}`;
  if (entityType === "HostUnitCapacity") return `/host-units/${entityId.split(":")[0]}`;
  const kind = referenceKinds.find((candidate) => referenceEntityTypes[candidate] === entityType);
  if (kind === "host-units") return `/host-units/${entityId}`;
  return kind ? `/admin/reference/${kind}/${entityId}` : null;
};

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
      <AuditList actor={user} params={auditListParamsSchema.parse(rawParams)} rawParams={rawParams} locale={locale} recordHref={recordHref} />
    </>
  );
}
