// Every action the audit log records, in one tense: "<record>.<verb>" with the verb in its base form ("officer.create",
// "report.export", "auth.signIn.fail"). lib/audit.ts accepts only these names, so an action that is not listed here
// does not compile; features/audit/action-names.test.ts fails when one of them has no label in every language.
// See docs/decisions/059-audit-action-names.md.

const referenceActions = <R extends string>(record: R) => [`${record}.create`, `${record}.update`, `${record}.deactivate`, `${record}.reactivate`] as const;

export const auditActions = [
  "auth.signIn.succeed",
  "auth.signIn.fail",
  // ---- sso ----
  "auth.sso.refuse",
  "auth.signOut",
  "user.create",
  "user.deactivate",
  "user.reactivate",
  "officer.create",
  "officer.update",
  "officer.deactivate",
  "officer.reactivate",
  "officer.import",
  "officer.importCreate",
  "officer.importUpdate",
  ...referenceActions("jurisdiction"),
  ...referenceActions("department"),
  ...referenceActions("hostUnit"),
  ...referenceActions("rank"),
  ...referenceActions("field"),
  "hostUnit.setCapacity",
  "cohort.create",
  "cohort.update",
  "placement.nominate",
  "placement.assign",
  "placement.reassign",
  "placement.reassignAndResetApprovals",
  "placement.approve.sending",
  "placement.approve.host",
  "placement.revokeApproval.sending",
  "placement.revokeApproval.host",
  "placement.withdraw",
  "scheduleItem.create",
  "scheduleItem.update",
  "scheduleItem.delete",
  // ---- daily: undo of a schedule item's delete ----
  "scheduleItem.restore",
  "calendarFeed.download",
  "calendarFeed.fetch",
  "calendarFeed.regenerateLink",
  "calendarFeed.revokeLink",
  "holiday.create",
  "holiday.update",
  "holiday.delete",
  "holiday.import",
  "email.retry",
  "report.export",
  "auditLog.export",
  "data.generate",
  // ---- accounts (issue 14) ----
  "user.invite",
  "user.update",
  "user.unlock",
  "user.requireNewPassword",
  "user.setPassword",
  "invitation.resend",
  "invitation.revoke",
  // ---- sso2 ----
  "invitation.accept",
  // ---- selfserve ----
  "account.changePassword",
  "account.signOutOtherSessions",
  "account.requestPasswordReset",
  "account.resetPassword",
  // ---- reports2 ----
  "officerReport.saveDraft",
  "officerReport.submit",
  "officerReport.return",
  "officerReport.accept",
  "officerReport.openRevision",
  "officerReport.moveDueDate",
  "evaluation.create",
  "evaluation.update",
  "evaluation.release",
  // ---- documents ----
  "document.upload",
  "document.update",
  "document.download",
  "documentTemplate.create",
  "documentTemplate.update",
  "certificate.issue",
  "certificate.download",
  // ---- notification preferences ----
  "notificationPreferences.update",
  // ---- digest: the outcomes library's PDF digest per cohort (decision 114) ----
  "outcomeDigest.export",
  // ---- attach: report attachments (decision 112) ----
  "reportAttachment.upload",
  "reportAttachment.remove",
  "reportAttachment.download",
  // ---- totp (decision 102) ----
  "auth.twoFactor.challenge",
  "auth.twoFactor.succeed",
  "auth.twoFactor.fail",
  "twoFactor.enrol",
  "twoFactor.regenerateRecoveryCodes",
  "twoFactor.disable",
  "twoFactor.reset",
  // ---- matchin ----
  "matchingPreference.update",
  "matchingSettings.update",
  "hostUnitMatching.update",
  // ---- matchrun ----
  "matchingRun.propose",
  "matchingRun.accept",
  "matchingRun.discard",
] as const;

export type AuditAction = (typeof auditActions)[number];

/**
 * Names written before the log kept one tense. The log is append-only (a trigger refuses UPDATE), so old entries
 * keep their stored name and are read as the current one: shown, filtered and exported under it.
 */
export const legacyAuditActions: Readonly<Record<string, AuditAction>> = {
  "auth.signIn.succeeded": "auth.signIn.succeed",
  "auth.signIn.failed": "auth.signIn.fail",
  "user.created": "user.create",
  "hostUnit.capacity": "hostUnit.setCapacity",
  "placement.update": "placement.reassign",
  "placement.update.approvalsReset": "placement.reassignAndResetApprovals",
  "scheduleItem.created": "scheduleItem.create",
  "scheduleItem.updated": "scheduleItem.update",
  "scheduleItem.deleted": "scheduleItem.delete",
  "calendarFeed.downloaded": "calendarFeed.download",
  "calendarFeed.fetched": "calendarFeed.fetch",
  "calendarFeed.linkRegenerated": "calendarFeed.regenerateLink",
  "calendarFeed.linkRevoked": "calendarFeed.revokeLink",
  "report.exported": "report.export",
  "data.generated": "data.generate",
};

export function isAuditAction(name: string): name is AuditAction {
  return (auditActions as readonly string[]).includes(name);
}

/** The current name of a stored action; a name neither current nor legacy is returned as stored. */
export function currentAuditAction(stored: string): string {
  return legacyAuditActions[stored] ?? stored;
}

/** Every name an action may be stored under (itself and its legacy names), for queries over the log. */
export function storedAuditActionNames(action: string): string[] {
  const current = currentAuditAction(action);
  return [current, ...Object.keys(legacyAuditActions).filter((legacy) => legacyAuditActions[legacy] === current)];
}
