import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { formatDateOnly } from "@/lib/dates";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { PageSection } from "@/components/page-section";
import {
  approveAsHostSideAction,
  approveAsSendingSideAction,
  assignPlacementAction,
  revokeHostApprovalAction,
  revokeSendingApprovalAction,
  withdrawPlacementAction,
} from "@/features/placements/actions";
import { approvalBlocker, hasAnyApproval } from "@/features/placements/policy";
import { findFieldOptions, findHostUnitOptions } from "@/features/placements/queries/assignment-options";
import { findPlacementDetail } from "@/features/placements/queries/detail";
import { ApproveButton } from "@/features/placements/components/approve-button";
import { AssignForm } from "@/features/placements/components/assign-form";
import { ApprovalSummary, PlacementFacts } from "@/features/placements/components/placement-detail";
import { RecordHistory } from "@/features/audit/components/record-history";
import { WithdrawDialog } from "@/features/placements/components/withdraw-dialog";
import { PlacementDocumentsLink } from "@/features/documents/components/placement-documents-link";
import { PreferencesLink } from "@/features/matching/inputs/components/links";

export async function generateMetadata() {
  const t = await getTranslations("placements");
  return { title: t("detailTitle") };
}

const card = "rounded border border-slate-300 bg-white p-5";

export default async function PlacementPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "placement:view")) forbidden();
  const placement = await findPlacementDetail(user, (await params).id);
  if (!placement) notFound();
  const locale = (await getLocale()) as AppLocale;
  const isLive = placement.status !== "WITHDRAWN";
  const canAssign = placement.canAssign && isLive;
  const [t, notices, cohorts, hostUnits, fields] = await Promise.all([
    getTranslations("placements"),
    getTranslations("notices"),
    getTranslations("cohorts"),
    canAssign ? findHostUnitOptions(user, placement.cohort.id, placement.hostUnit?.id) : Promise.resolve([]),
    canAssign ? findFieldOptions() : Promise.resolve([]),
  ]);
  const approvals = { status: placement.status, sendingApprovedAt: placement.sendingApproval?.at ?? null, hostApprovedAt: placement.hostApproval?.at ?? null };
  const approvalSide = placement.approvalSide && !approvalBlocker(approvals, placement.approvalSide) ? placement.approvalSide : null;
  const officerTitle = placement.officer.chineseName ? `${placement.officer.name} ${placement.officer.chineseName}` : placement.officer.name;
  return (
    <>
      {hasPermission(user, "cohort:view") && (
        <nav aria-label={cohorts("breadcrumb")} className="mb-2 text-sm">
          <Link href={`/cohorts/${placement.cohort.id}`} className="text-brand-700 underline">
            {localizedName(placement.cohort, locale)}
          </Link>
        </nav>
      )}
      <PageHeader
        title={officerTitle}
        description={t("detailIntro", { cohort: localizedName(placement.cohort, locale) })}
        actions={placement.canWithdraw && isLive ? <WithdrawDialog action={withdrawPlacementAction} placementId={placement.id} version={placement.version} officerName={placement.officer.name} /> : null}
      />
      <PlacementFacts placement={placement} locale={locale} />
      <p className="mt-4">
        <Link href={`/placements/${placement.id}/reports`} className="text-brand-700 underline">
          {(await getTranslations("officerReports"))("title")}
        </Link>
      </p>
      {hasPermission(user, "document:view") && <PlacementDocumentsLink placementId={placement.id} />}
      <PreferencesLink actor={user} placement={{ id: placement.id, officerId: placement.officer.id, hostUnitId: placement.hostUnit?.id ?? null, cohort: placement.cohort }} />
      <PageSection id="approvals" title={t("approvalsSection")} className={`${card} mt-6`}>
        <ApprovalSummary placement={placement} locale={locale} />
        {approvalSide && (
          <div className="mt-4">
            <ApproveButton
              action={approvalSide === "sending" ? approveAsSendingSideAction : approveAsHostSideAction}
              revokeAction={approvalSide === "sending" ? revokeSendingApprovalAction : revokeHostApprovalAction}
              placementId={placement.id}
              version={placement.version}
              label={t(approvalSide === "sending" ? "approveAsSending" : "approveAsHost")}
            />
          </div>
        )}
        {placement.canRevokeApproval && placement.approvalSide && (
          <div className="mt-4">
            <ApproveButton
              action={placement.approvalSide === "sending" ? revokeSendingApprovalAction : revokeHostApprovalAction}
              placementId={placement.id}
              version={placement.version}
              label={notices("undoApproval")}
              variant="secondary"
            />
          </div>
        )}
      </PageSection>
      {canAssign && (
        <PageSection id="assign" title={t(placement.status === "NOMINATED" ? "assignTitle" : "changeAssignmentTitle")} className={`${card} mt-6`}>
          <AssignForm
            action={assignPlacementAction}
            placementId={placement.id}
            version={placement.version}
            hasApprovals={hasAnyApproval(approvals)}
            hostUnits={hostUnits.map((unit) => ({ id: unit.id, name: localizedName(unit, locale), remaining: unit.remaining, capacity: unit.capacity, fieldIds: unit.fieldIds }))}
            fields={fields.map((field) => ({ id: field.id, name: localizedName(field, locale) }))}
            cohortWindow={{ startDate: formatDateOnly(placement.cohort.startDate), endDate: formatDateOnly(placement.cohort.endDate) }}
            values={{
              hostUnitId: placement.hostUnit?.id ?? "",
              fieldId: placement.field?.id ?? placement.officer.fields[0]?.id ?? "",
              postTitle: placement.postTitle ?? "",
              startDate: formatDateOnly(placement.startDate),
              endDate: formatDateOnly(placement.endDate),
            }}
          />
        </PageSection>
      )}
      <PageSection id="history" title={t("historySection")} className={`${card} mt-6`}>
        {/* The page found the placement in the reader's scope: its history is theirs to read. */}
        <RecordHistory sources={[{ entityType: "Placement", entityId: placement.id }]} locale={locale} />
      </PageSection>
    </>
  );
}
