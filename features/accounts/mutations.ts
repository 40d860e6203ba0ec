import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Locale } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { cohortResource, isAllowed, type Actor } from "@/lib/authorization";
import { AppError, NotFoundError } from "@/lib/errors";
import { toDatabaseLocale, type AppLocale } from "@/lib/i18n/locales";
import { runQuery, runStatement, sqlBuilder } from "@/lib/kysely";
import { transactionOptions, updateAtVersion, withDatabaseErrorsTranslated } from "@/lib/mutation-support";
import { hashPassword } from "@/lib/password";
import type { RequestContext } from "@/lib/request-context";
import { advisoryLock } from "@/lib/sql-fragments";
import { formatOfficerName } from "@/features/officers/names";
import { singleSignOnSettings } from "@/features/sso/settings";
import { invitationUrl, writeInvitationEmail } from "./email";
import type { PasswordCheck } from "./password-policy";
import { hashInvitationToken, invitationLifetimeMs, newInvitationToken } from "./tokens";
import type { InviteUserInput, UpdateUserInput } from "./schemas";

// Accounts (issue 14; decisions 080–083): invitations, role and side changes, deactivation, unlocking and set-password
// links. Every change is audited with its actor in its own transaction; the last-active-admin rule is checked here
// (translated) and enforced by the database (trigger User_last_active_admin_*).

type Tx = Prisma.TransactionClient;

export interface Clock {
  /** The instant the change happens at (tests pass a fixed one); default the system clock. */
  now?: Date;
}

export interface IssuedLink {
  userId: string;
  name: string;
  email: string;
  /** The absolute link with its token: shown once to whoever issued it, and emailed. Never stored. */
  url: string;
  /** The account signs in only through single sign-on: the link accepts the invitation, it sets no password. */
  ssoOnly: boolean;
}

const userEntityType = "User";
const invitationEntityType = "Invitation";

/**
 * Serialises every change that could leave no active admin (the trigger takes the same lock). Taken first, before
 * any row lock: two admins demoting each other would otherwise each hold the other's row (the audit entry's actor
 * key) while waiting for this lock — a deadlock.
 */
async function lockActiveAdmins(tx: Tx) {
  await runStatement(sqlBuilder.selectNoFrom(advisoryLock("accounts:active-admins").as("locked")), tx);
}

async function ensureAnotherActiveAdmin(tx: Tx, userId: string) {
  await lockActiveAdmins(tx);
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  if (others === 0) throw new AppError("lastActiveAdmin");
}

async function lockUser(tx: Tx, id: string) {
  // NO KEY UPDATE: other transactions may still insert rows that refer to this user (audit entries, sessions).
  const [row] = await runQuery(sqlBuilder.selectFrom("User").select("id").where("id", "=", id).forNoKeyUpdate(), tx);
  if (!row) throw new NotFoundError();
  return tx.user.findUniqueOrThrow({ where: { id } });
}

/** A role's links checked against the records: a supervisor's side is their unit's, an officer's their record's. */
async function resolveRoleLinks(tx: Tx, input: Pick<InviteUserInput, "role" | "jurisdictionId" | "officerId" | "hostUnitId">, exceptUserId?: string) {
  switch (input.role) {
    case "ADMIN":
      return { jurisdictionId: null, officerId: null, hostUnitId: null };
    case "COORDINATOR": {
      const side = await tx.jurisdiction.findUnique({ where: { id: input.jurisdictionId ?? "" }, select: { id: true, active: true } });
      if (!side?.active) throw new AppError("invalidValue", {}, { jurisdictionId: ["invalidValue"] });
      return { jurisdictionId: side.id, officerId: null, hostUnitId: null };
    }
    case "SUPERVISOR": {
      const unit = await tx.hostUnit.findUnique({ where: { id: input.hostUnitId ?? "" }, select: { id: true, active: true, jurisdictionId: true } });
      if (!unit?.active) throw new AppError("invalidValue", {}, { hostUnitId: ["invalidValue"] });
      return { jurisdictionId: unit.jurisdictionId, officerId: null, hostUnitId: unit.id };
    }
    case "OFFICER": {
      const officer = await tx.officer.findUnique({ where: { id: input.officerId ?? "" }, select: { id: true, active: true, jurisdictionId: true, user: { select: { id: true } } } });
      if (!officer?.active) throw new AppError("invalidValue", {}, { officerId: ["invalidValue"] });
      if (officer.user && officer.user.id !== exceptUserId) throw new AppError("officerHasAccount", {}, { officerId: ["officerHasAccount"] });
      return { jurisdictionId: officer.jurisdictionId, officerId: officer.id, hostUnitId: null };
    }
  }
}

/**
 * A new link for the user, closing any still open (so a resend makes the old link useless), with its email written
 * in the same transaction. Returns the token, which exists nowhere else.
 */
async function issueLink(tx: Tx, actor: Actor, user: { id: string; email: string; name: string; locale: Locale; ssoOnly: boolean }, purpose: "INVITE" | "RESET", now: Date): Promise<string> {
  // An SSO-only account's link says "Sign in with <provider>" (decision 105): without a provider it would lead nowhere.
  const sso = user.ssoOnly ? singleSignOnSettings() : null;
  if (user.ssoOnly && !sso) throw new AppError("ssoInvitationUnavailable", {}, { ssoOnly: ["ssoInvitationUnavailable"] });
  await tx.invitation.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const token = newInvitationToken();
  const invitation = await tx.invitation.create({
    data: { userId: user.id, purpose, tokenHash: hashInvitationToken(token), createdAt: now, expiresAt: new Date(now.getTime() + invitationLifetimeMs), invitedById: actor.userId },
    select: { id: true, purpose: true },
  });
  await writeInvitationEmail(tx, invitation, user, token, actor.name, sso?.name);
  return token;
}

async function createInvitedUser(
  tx: Tx,
  actor: Actor,
  request: RequestContext,
  data: { email: string; name: string; locale: Locale; role: InviteUserInput["role"]; jurisdictionId: string | null; officerId: string | null; hostUnitId: string | null; ssoOnly?: boolean },
  now: Date,
): Promise<IssuedLink> {
  if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw new AppError("accountEmailTaken", {}, { email: ["accountEmailTaken"] });
  const user = await tx.user.create({ data: { ...data, ssoOnly: data.ssoOnly ?? false, passwordHash: null }, select: { id: true, email: true, name: true, locale: true, ssoOnly: true } });
  await writeAudit(tx, actor, request, {
    action: "user.invite",
    entityType: userEntityType,
    entityId: user.id,
    after: { email: data.email, name: data.name, role: data.role, jurisdictionId: data.jurisdictionId, officerId: data.officerId, hostUnitId: data.hostUnitId, ...(data.ssoOnly ? { ssoOnly: true } : {}) },
  });
  const token = await issueLink(tx, actor, user, "INVITE", now);
  return { userId: user.id, name: user.name, email: user.email, url: invitationUrl(token), ssoOnly: user.ssoOnly };
}

/** An admin invites anyone (role, side, officer record or host unit). */
export async function inviteUser(actor: Actor, request: RequestContext, input: InviteUserInput, { now = new Date() }: Clock = {}): Promise<IssuedLink> {
  if (actor.role !== "ADMIN") throw new NotFoundError();
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const links = await resolveRoleLinks(tx, input);
      return createInvitedUser(tx, actor, request, { email: input.email, name: input.name, locale: toDatabaseLocale(input.locale), role: input.role, ...links, ssoOnly: input.ssoOnly ?? false }, now);
    }, transactionOptions),
  );
}

export type OfficerInvitationOutcome = "invited" | "hasAccount" | "noEmail" | "emailTaken" | "inactive";

export interface OfficerInvitationResult {
  officerId: string;
  name: string;
  outcome: OfficerInvitationOutcome;
  url?: string;
}

async function inviteOfficerIn(tx: Tx, actor: Actor, request: RequestContext, officerId: string, locale: AppLocale, now: Date): Promise<OfficerInvitationResult> {
  // The officer's row is locked, so two coordinators inviting the same officer at once make one account.
  await runQuery(sqlBuilder.selectFrom("Officer").select("id").where("id", "=", officerId).forUpdate(), tx);
  const officer = await tx.officer.findUnique({
    where: { id: officerId },
    select: { id: true, jurisdictionId: true, active: true, workEmail: true, surname: true, givenName: true, otherName: true, user: { select: { id: true } } },
  });
  if (!officer || !isAllowed(actor, "user:invite", { kind: "officer", id: officer.id, jurisdictionId: officer.jurisdictionId })) throw new NotFoundError();
  const name = formatOfficerName(officer);
  const result = (outcome: OfficerInvitationOutcome) => ({ officerId: officer.id, name, outcome });
  if (officer.user) return result("hasAccount");
  if (!officer.active) return result("inactive");
  const email = officer.workEmail.trim().toLowerCase();
  if (!email) return result("noEmail");
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return result("emailTaken");
  const link = await createInvitedUser(
    tx,
    actor,
    request,
    { email, name, locale: toDatabaseLocale(locale), role: "OFFICER", jurisdictionId: officer.jurisdictionId, officerId: officer.id, hostUnitId: null },
    now,
  );
  return { ...result("invited"), url: link.url };
}

/** A coordinator (or admin) invites one officer of their side from the officer's record. */
export async function inviteOfficer(actor: Actor, request: RequestContext, input: { officerId: string; locale?: AppLocale }, { now = new Date() }: Clock = {}): Promise<OfficerInvitationResult> {
  return withDatabaseErrorsTranslated(() => db.$transaction((tx) => inviteOfficerIn(tx, actor, request, input.officerId, input.locale ?? "en", now), transactionOptions));
}

/**
 * Every officer of a cohort (with a placement that is not withdrawn) who has no account yet, each in a transaction
 * of its own: one officer without an email does not stop the others, and each row says what happened to it.
 */
export async function inviteCohortOfficers(actor: Actor, request: RequestContext, input: { cohortId: string; locale?: AppLocale }, { now = new Date() }: Clock = {}): Promise<OfficerInvitationResult[]> {
  const cohort = await db.cohort.findUnique({ where: { id: input.cohortId }, select: { id: true, sendingJurisdictionId: true, hostJurisdictionId: true } });
  if (!cohort || !isAllowed(actor, "user:invite", cohortResource(cohort))) throw new NotFoundError();
  const placements = await db.placement.findMany({
    where: { cohortId: cohort.id, status: { not: "WITHDRAWN" } },
    select: { officerId: true },
    distinct: ["officerId"],
    orderBy: [{ officer: { surname: "asc" } }, { officer: { givenName: "asc" } }, { officerId: "asc" }],
  });
  const results: OfficerInvitationResult[] = [];
  for (const { officerId } of placements) {
    results.push(await withDatabaseErrorsTranslated(() => db.$transaction((tx) => inviteOfficerIn(tx, actor, request, officerId, input.locale ?? "en", now), transactionOptions)));
  }
  return results;
}

/** A new link for an invited user who has not set a password yet; the old link stops working. */
export async function resendInvitation(actor: Actor, request: RequestContext, input: { id: string }, { now = new Date() }: Clock = {}): Promise<IssuedLink> {
  if (actor.role !== "ADMIN") throw new NotFoundError();
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, input.id);
    // An SSO-only account has no password ever: once signed in through the provider, it is no longer invited.
    if (user.passwordHash !== null || !user.active || (user.ssoOnly && user.lastLoginAt !== null)) throw new AppError("noInvitationToResend");
    const last = await tx.invitation.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "desc" }, select: { purpose: true } });
    const token = await issueLink(tx, actor, user, last?.purpose ?? "INVITE", now);
    await writeAudit(tx, actor, request, { action: "invitation.resend", entityType: userEntityType, entityId: user.id, after: { email: user.email } });
    return { userId: user.id, name: user.name, email: user.email, url: invitationUrl(token), ssoOnly: user.ssoOnly };
  }, transactionOptions);
}

/** Closes the user's open link. The account stays (without a password) until an admin sends a new one. */
export async function revokeInvitation(actor: Actor, request: RequestContext, input: { id: string }, { now = new Date() }: Clock = {}): Promise<{ userId: string; name: string }> {
  if (actor.role !== "ADMIN") throw new NotFoundError();
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, input.id);
    const open = await tx.invitation.findMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, select: { id: true } });
    if (open.length === 0) throw new AppError("noOpenInvitation");
    await tx.invitation.updateMany({ where: { id: { in: open.map((row) => row.id) } }, data: { revokedAt: now } });
    for (const row of open) await writeAudit(tx, actor, request, { action: "invitation.revoke", entityType: invitationEntityType, entityId: row.id, after: { userId: user.id, email: user.email } });
    return { userId: user.id, name: user.name };
  }, transactionOptions);
}

/** Role, side, officer record or host unit. Nobody changes their own role; the last active admin stays one. */
export async function updateUser(actor: Actor, request: RequestContext, input: UpdateUserInput): Promise<{ id: string; name: string; version: number }> {
  if (actor.role !== "ADMIN") throw new NotFoundError();
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      await lockActiveAdmins(tx);
      const current = await lockUser(tx, input.id);
      if (current.id === actor.userId && input.role !== current.role) throw new AppError("cannotChangeOwnRole", {}, { role: ["cannotChangeOwnRole"] });
      if (current.role === "ADMIN" && current.active && input.role !== "ADMIN") await ensureAnotherActiveAdmin(tx, current.id);
      const links = await resolveRoleLinks(tx, input, current.id);
      const before = { role: current.role, jurisdictionId: current.jurisdictionId, officerId: current.officerId, hostUnitId: current.hostUnitId, ssoOnly: current.ssoOnly };
      const after = { role: input.role, ...links, ssoOnly: input.ssoOnly };
      const changed = JSON.stringify(before) !== JSON.stringify(after);
      // A new role, side or sign-in method ends the user's sessions: they sign in again into what they may now see.
      const sessions = changed ? { sessionVersion: { increment: 1 } } : {};
      const updated = await updateAtVersion(tx, { actor, request }, {
        entityType: userEntityType,
        id: current.id,
        version: input.version,
        readAt: current.updatedAt,
        write: (where, version) => tx.user.updateMany({ where, data: { ...after, ...sessions, version } }),
        read: () => tx.user.findUniqueOrThrow({ where: { id: current.id }, select: { id: true, name: true, version: true } }),
        audit: () => ({ action: "user.update", before, after }),
      });
      return updated;
    }, transactionOptions),
  );
}

/** Deactivating ends every session of the user at once (session version) and closes an open link. */
export async function setUserActive(actor: Actor, request: RequestContext, input: { id: string; version: number; active: boolean }, { now = new Date() }: Clock = {}) {
  if (actor.role !== "ADMIN") throw new NotFoundError();
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      await lockActiveAdmins(tx);
      const current = await lockUser(tx, input.id);
      if (!input.active && current.id === actor.userId) throw new AppError("cannotDeactivateSelf");
      if (!input.active && current.role === "ADMIN" && current.active) await ensureAnotherActiveAdmin(tx, current.id);
      if (!input.active) await tx.invitation.updateMany({ where: { userId: current.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
      return updateAtVersion(tx, { actor, request }, {
        entityType: userEntityType,
        id: current.id,
        version: input.version,
        readAt: current.updatedAt,
        write: (where, version) => tx.user.updateMany({ where, data: input.active ? { active: true, version } : { active: false, sessionVersion: { increment: 1 }, version } }),
        read: () => tx.user.findUniqueOrThrow({ where: { id: current.id }, select: { id: true, name: true, version: true, active: true } }),
        audit: () => ({ action: input.active ? "user.reactivate" : "user.deactivate", before: { active: current.active }, after: { active: input.active } }),
      });
    }, transactionOptions),
  );
}

/** Lifts a lock from too many wrong passwords and starts the count again. */
export async function unlockUser(actor: Actor, request: RequestContext, input: { id: string }) {
  if (actor.role !== "ADMIN") throw new NotFoundError();
  return db.$transaction(async (tx) => {
    const current = await lockUser(tx, input.id);
    await tx.user.update({ where: { id: current.id }, data: { lockedUntil: null, failedLoginCount: 0 } });
    await writeAudit(tx, actor, request, {
      action: "user.unlock",
      entityType: userEntityType,
      entityId: current.id,
      before: { lockedUntil: current.lockedUntil, failedLoginCount: current.failedLoginCount },
      after: { lockedUntil: null, failedLoginCount: 0 },
    });
    return { id: current.id, name: current.name };
  }, transactionOptions);
}

/**
 * The user's password stops working at once (cleared, sessions ended) and a set-password link goes to their email
 * (decision 080). Not on oneself: that would lock the admin out of the page doing it.
 */
export async function requireNewPassword(actor: Actor, request: RequestContext, input: { id: string; version: number }, { now = new Date() }: Clock = {}): Promise<IssuedLink> {
  if (actor.role !== "ADMIN") throw new NotFoundError();
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const current = await lockUser(tx, input.id);
      if (current.id === actor.userId) throw new AppError("cannotResetOwnPassword");
      if (!current.active) throw new AppError("userInactive");
      await updateAtVersion(tx, { actor, request }, {
        entityType: userEntityType,
        id: current.id,
        version: input.version,
        readAt: current.updatedAt,
        write: (where, version) => tx.user.updateMany({ where, data: { passwordHash: null, sessionVersion: { increment: 1 }, version } }),
        read: () => tx.user.findUniqueOrThrow({ where: { id: current.id }, select: { id: true } }),
        audit: () => ({ action: "user.requireNewPassword", after: { email: current.email } }),
      });
      const token = await issueLink(tx, actor, current, "RESET", now);
      return { userId: current.id, name: current.name, email: current.email, url: invitationUrl(token), ssoOnly: current.ssoOnly };
    }, transactionOptions),
  );
}

export type LinkState = "valid" | "expired" | "used" | "revoked" | "invalid";

function linkState(invitation: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null, userActive: boolean, now: Date): LinkState {
  if (!invitation || !userActive) return "invalid";
  if (invitation.usedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "valid";
}

/** What the public page shows for a link, before anything is typed. */
export type InvitationLink = { state: "valid"; purpose: "INVITE" | "RESET"; name: string; email: string; ssoOnly: boolean } | { state: Exclude<LinkState, "valid"> };

export async function readInvitationLink(token: string, { now = new Date() }: Clock = {}): Promise<InvitationLink> {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, select: { userId: true, purpose: true, usedAt: true, revokedAt: true, expiresAt: true } });
  const user = invitation ? await db.user.findUnique({ where: { id: invitation.userId }, select: { name: true, email: true, active: true, ssoOnly: true } }) : null;
  const state = linkState(invitation, user?.active ?? false, now);
  if (state === "valid" && invitation && user) return { state, purpose: invitation.purpose, name: user.name, email: user.email, ssoOnly: user.ssoOnly };
  return { state: state === "valid" ? "invalid" : state };
}

const linkErrors: Record<Exclude<LinkState, "valid">, string> = {
  expired: "invitationExpired",
  used: "invitationUsed",
  revoked: "invitationRevoked",
  invalid: "invitationInvalid",
};

/**
 * Sets the password from a link: once (the row is locked, so two tabs cannot both use it), within 72 hours, while
 * the link is neither revoked nor replaced. The caller then signs the user in with that password.
 */
export async function acceptInvitation(
  request: RequestContext,
  input: { token: string; password: string },
  checkPassword: (person: { email: string; name: string }) => PasswordCheck,
  { now = new Date() }: Clock = {},
): Promise<{ userId: string; email: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const tokenHash = hashInvitationToken(input.token);
    const [locked] = await runQuery(sqlBuilder.selectFrom("Invitation").select(["id", "userId"]).where("tokenHash", "=", tokenHash).forUpdate(), tx);
    const invitation = locked ? await tx.invitation.findUniqueOrThrow({ where: { id: locked.id } }) : null;
    const user = invitation ? await lockUser(tx, invitation.userId) : null;
    const state = linkState(invitation, user?.active ?? false, now);
    if (state !== "valid" || !invitation || !user) throw new AppError(linkErrors[state as Exclude<LinkState, "valid">]);
    // Such an account signs in through the identity provider, which accepts the invitation (decision 105).
    if (user.ssoOnly) throw new AppError("invitationSsoOnly");
    const check = checkPassword({ email: user.email, name: user.name });
    if (!check.ok) throw new AppError("passwordRejected", { reason: check.reason }, { password: ["passwordWeak"] });
    await tx.invitation.update({ where: { id: invitation.id }, data: { usedAt: now } });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, failedLoginCount: 0, lockedUntil: null } });
    await writeAudit(tx, { userId: user.id, email: user.email }, request, {
      action: "user.setPassword",
      entityType: userEntityType,
      entityId: user.id,
      after: { invitationId: invitation.id, purpose: invitation.purpose },
    });
    return { userId: user.id, email: user.email };
  }, transactionOptions);
}
