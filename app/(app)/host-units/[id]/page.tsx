import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { RecordHistory } from "@/features/audit/components/record-history";
import { HostUnitCohorts } from "@/features/host-units/components/host-unit-cohorts";
import { capacityEntityType } from "@/features/host-units/mutations";
import { findHostUnitView } from "@/features/host-units/queries";
import { joinNames } from "@/lib/i18n/join-names";
import { hostUnitEntityType } from "@/features/reference-data/entities";
import { DetailList } from "@/components/detail-list";
import { PageSection } from "@/components/page-section";
import { Button } from "@/components/ui/button";

export async function generateMetadata() {
  const t = await getTranslations("hostUnits");
  return { title: t("detailTitle") };
}

export default async function HostUnitPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "hostUnit:view")) forbidden();
  const { id } = await params;
  const unit = await findHostUnitView(user, id);
  if (!unit) notFound();
  const [t, locale] = await Promise.all([getTranslations("hostUnits"), getLocale() as Promise<AppLocale>]);
  const details: [string, React.ReactNode][] = [
    [t("code"), unit.code],
    [t("side"), localizedName(unit.jurisdiction, locale)],
    [t("district"), unit.district ?? "—"],
    [t("fields"), joinNames(unit.fields.map((field) => localizedName(field, locale)), locale)],
    [t("defaultCapacity"), unit.defaultCapacity],
    [t("status"), unit.active ? t("active") : t("inactive")],
  ];
  return (
    <>
      <PageHeader
        title={localizedName(unit.name, locale)}
        actions={
          hasPermission(user, "referenceData:manage") ? (
            <Button asChild>
              <Link href={`/admin/reference/host-units/${unit.id}`}>
                {t("editReference")}
              </Link>
            </Button>
          ) : undefined
        }
      />
      <div className="flex flex-col gap-8">
        <PageSection id="details" title={t("details")}>
          <DetailList items={details} className="rounded border border-slate-300 bg-white p-5" />
        </PageSection>
        <PageSection id="cohorts" title={t("placementsByCohort")}>
          <HostUnitCohorts unit={unit} locale={locale} />
        </PageSection>
        {unit.mayViewHistory && (
          <PageSection id="history" title={t("recordHistory")}>
            <RecordHistory
              sources={[
                { entityType: hostUnitEntityType, entityId: unit.id },
                { entityType: capacityEntityType, entityIdPrefix: `${unit.id}:` },
              ]}
              locale={locale}
            />
          </PageSection>
        )}
      </div>
    </>
  );
}
