import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { RecordHistory } from "@/features/audit/components/record-history";
import { setOfficerActiveAction } from "@/features/officers/actions";
import { joinNames } from "@/lib/i18n/join-names";
import { OfficerPlacements } from "@/features/officers/components/officer-placements";
import { officerEntityType } from "@/features/officers/mutations";
import { mayOpenOfficerRecords } from "@/features/officers/policy";
import { findOfficerView } from "@/features/officers/queries";
import { ConfirmAction } from "@/components/confirm-action";
import { DetailList } from "@/components/detail-list";
import { PageSection } from "@/components/page-section";
import { Button } from "@/components/ui/button";
import { OfficerAccountSection } from "@/features/accounts/components/officer-account-section";

export async function generateMetadata() {
  const t = await getTranslations("officers");
  return { title: t("detailTitle") };
}

export default async function OfficerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (!mayOpenOfficerRecords(user)) forbidden();
  const { id } = await params;
  const officer = await findOfficerView(user, id);
  if (!officer) notFound();
  const [t, locale] = await Promise.all([getTranslations("officers"), getLocale() as Promise<AppLocale>]);
  const full = officer.access === "full" ? officer : null;
  const details: [string, React.ReactNode][] = [
    ...(full ? ([[t("staffNumber"), full.staffNumber]] as [string, React.ReactNode][]) : []),
    [t("chineseName"), officer.chineseName ? <span lang="zh">{officer.chineseName}</span> : "—"],
    [t("rank"), localizedName(officer.rank, locale)],
    [t("department"), localizedName(officer.department, locale)],
    [t("fields"), joinNames(officer.fields.map((field) => localizedName(field, locale)), locale)],
    [t("workEmail"), <a key="email" href={`mailto:${officer.workEmail}`} className="text-brand-700 underline">{officer.workEmail}</a>],
    ...(full
      ? ([
          [t("side"), localizedName(full.jurisdiction, locale)],
          [t("status"), full.active ? t("active") : t("inactive")],
        ] as [string, React.ReactNode][])
      : []),
  ];
  return (
    <>
      <PageHeader
        title={officer.name}
        description={full ? undefined : t("hostViewNote")}
        actions={
          full?.canManage ? (
            <div className="flex flex-wrap gap-2">
              <Button asChild>
                <Link href={`/officers/${officer.id}/edit`}>
                  {t("edit")}
                </Link>
              </Button>
              <ConfirmAction
                triggerLabel={full.active ? t("deactivate") : t("reactivate")}
                title={full.active ? t("deactivateTitle") : t("reactivateTitle")}
                body={full.active ? t("deactivateBody", { name: officer.name }) : t("reactivateBody", { name: officer.name })}
                confirmLabel={full.active ? t("deactivate") : t("reactivate")}
                cancelLabel={t("cancel")}
                fields={{ id: officer.id, version: String(full.version), active: String(!full.active) }}
                action={setOfficerActiveAction}
                variant={full.active ? "danger" : "secondary"}
              />
            </div>
          ) : undefined
        }
      />
      <div className="flex flex-col gap-8">
        <PageSection id="details" title={t("details")}>
          <DetailList items={details} className="rounded border border-slate-300 bg-white p-5" />
        </PageSection>
        <PageSection id="placements" title={t("placementHistory")}>
          <OfficerPlacements placements={officer.placements} locale={locale} />
        </PageSection>
        <OfficerAccountSection actor={user} officerId={officer.id} />
        {full && (
          <PageSection id="history" title={t("recordHistory")}>
            <RecordHistory sources={[{ entityType: officerEntityType, entityId: officer.id }]} locale={locale} />
          </PageSection>
        )}
      </div>
    </>
  );
}
