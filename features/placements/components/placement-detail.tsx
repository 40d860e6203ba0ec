import { getTranslations } from "next-intl/server";
import { PageSection } from "@/components/page-section";
import { formatCalendarDate, formatDateTime } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { decodeApprovalResetReason } from "../policy";
import type { PlacementDetail } from "../queries/detail";
import { StatusBadge } from "./placement-status";
import { DetailList } from "@/components/detail-list";

const card = "rounded border border-slate-300 bg-white p-5";

function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  return <DetailList items={rows} className="text-sm" />;
}

export async function PlacementFacts({ placement, locale }: { placement: PlacementDetail; locale: AppLocale }) {
  const t = await getTranslations("placements");
  const { officer } = placement;
  const officerRows: [string, React.ReactNode][] = [
    [t("officerName"), officer.chineseName ? `${officer.name} (${officer.chineseName})` : officer.name],
    [t("rank"), localizedName(officer.rank, locale)],
    [t("homeDepartment"), localizedName(officer.department, locale)],
    [t("officerFields"), officer.fields.length > 0 ? officer.fields.map((field) => localizedName(field, locale)).join(", ") : "—"],
    [t("workEmail"), <a key="email" href={`mailto:${officer.workEmail}`} className="text-brand-700 underline">{officer.workEmail}</a>],
  ];
  if (officer.staffNumber) officerRows.push([t("staffNumber"), officer.staffNumber]);
  const placementRows: [string, React.ReactNode][] = [
    [t("cohort"), localizedName(placement.cohort, locale)],
    [t("hostUnit"), placement.hostUnit ? localizedName(placement.hostUnit, locale) : t("notAssigned")],
    [t("post"), placement.postTitle ?? "—"],
    [t("field"), placement.field ? localizedName(placement.field, locale) : "—"],
    [t("dates"), `${formatCalendarDate(placement.startDate, locale)} – ${formatCalendarDate(placement.endDate, locale)}`],
    [t("status"), <StatusBadge key="status" status={placement.displayStatus} />],
  ];
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <PageSection id="officer" title={t("officerSection")} className={card}>
        <Facts rows={officerRows} />
      </PageSection>
      <PageSection id="placement" title={t("placementSection")} className={card}>
        <Facts rows={placementRows} />
      </PageSection>
    </div>
  );
}

export async function ApprovalSummary({ placement, locale }: { placement: PlacementDetail; locale: AppLocale }) {
  const t = await getTranslations("placements");
  const describe = (approval: PlacementDetail["sendingApproval"]) =>
    approval ? t("approvedBy", { name: approval.by ?? "—", time: formatDateTime(approval.at, locale) }) : placement.withdrawal ? "—" : t("waiting");
  const reset = placement.approvalResetReason ? decodeApprovalResetReason(placement.approvalResetReason) : null;
  return (
    <div className="flex flex-col gap-3">
      <Facts
        rows={[
          [t("sendingApprovalOf", { side: localizedName(placement.cohort.sendingSide, locale) }), describe(placement.sendingApproval)],
          [t("hostApprovalOf", { side: localizedName(placement.cohort.hostSide, locale) }), describe(placement.hostApproval)],
        ]}
      />
      {placement.approvalResetReason && (
        <p className="rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="approval-reset">
          {reset ? t("approvalsReset", { changes: reset.map((change) => t(`materialChange.${change}`)).join(t("listSeparator")) }) : t("approvalsResetText", { reason: placement.approvalResetReason })}
        </p>
      )}
      {placement.withdrawal && (
        <p className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-800">
          {t("withdrawnNotice", {
            name: placement.withdrawal.by ?? "—",
            time: placement.withdrawal.at ? formatDateTime(placement.withdrawal.at, locale) : "—",
            reason: placement.withdrawal.reason,
          })}
        </p>
      )}
    </div>
  );
}
