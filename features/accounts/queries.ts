import "server-only";
import { expressionBuilder, sql, type Expression, type SqlBool } from "kysely";
import type { DB } from "@/generated/kysely/types";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { foldHanScript } from "@/lib/han-folding";
import { trilingualNameSelect, type TrilingualName } from "@/lib/i18n/locales";
import { runQuery, sqlBuilder } from "@/lib/kysely";
import { containsPattern } from "@/lib/sql-search";
import { formatOfficerName } from "@/features/officers/names";
import { userPageSize, type UserListParams } from "./schemas";

// Reads for the admin users screens. Admins only: every function returns nothing for anyone else.


/**
 * Not signed in yet: no password chosen — or, for an SSO-only account, which never has one (decision 105), no sign-in
 * through the provider yet.
 */
const stillInvited = sql<SqlBool>`(u."passwordHash" is null and (not u."ssoOnly" or u."lastLoginAt" is null))`;
export interface UserListRow {
  id: string;
  name: string;
  email: string;
  role: "ADMIN" | "COORDINATOR" | "SUPERVISOR" | "OFFICER";
  side: TrilingualName | null;
  active: boolean;
  locked: boolean;
  invited: boolean;
  ssoOnly: boolean;
  lastLoginAt: Date | null;
}

/**
 * One page of users, searched (name or email, Chinese in either script: both sides folded with fold_han_script as
 * the officer search does, decision 061), filtered, sorted and counted in the database.
 */
export async function findUsers(actor: Actor, params: UserListParams, now: Date = new Date()) {
  if (actor.role !== "ADMIN") return { rows: [] as UserListRow[], total: 0, page: 1, pageCount: 1 };
  const condition = (() => {
    const eb = expressionBuilder<DB & { u: DB["User"] }, "u">();
    const conditions: Expression<SqlBool>[] = [];
    for (const term of (params.q ?? "").split(/\s+/).filter(Boolean)) {
      conditions.push(sql<SqlBool>`fold_han_script(lower(u."name" || ' ' || u."email")) like ${containsPattern(foldHanScript(term).toLowerCase())}`);
    }
    if (params.role) conditions.push(eb("u.role", "=", params.role));
    if (params.side) conditions.push(eb("u.jurisdictionId", "=", params.side));
    if (params.status !== "all") conditions.push(eb("u.active", "=", params.status === "active"));
    if (params.locked) conditions.push(eb("u.lockedUntil", ">", now));
    if (params.invited === "yes") conditions.push(stillInvited);
    if (params.invited === "no") conditions.push(sql<SqlBool>`not ${stillInvited}`);
    if (params.signIn) conditions.push(eb("u.ssoOnly", "=", params.signIn === "sso"));
    return eb.and(conditions);
  })();
  const [{ total }] = await runQuery(sqlBuilder.selectFrom("User as u").select(sql<number>`count(*)::int`.as("total")).where(condition));
  const pageCount = Math.max(1, Math.ceil(total / userPageSize));
  const page = Math.min(params.page, pageCount);
  const dir = params.dir;
  let query = sqlBuilder
    .selectFrom("User as u")
    .leftJoin("Jurisdiction as j", "j.id", "u.jurisdictionId")
    .select([
      "u.id",
      "u.name",
      "u.email",
      "u.role",
      "u.active",
      "u.lastLoginAt",
      "u.ssoOnly",
      sql<boolean>`(u."lockedUntil" is not null and u."lockedUntil" > ${now})`.as("locked"),
      sql<boolean>`${stillInvited}`.as("invited"),
      "j.nameEn",
      "j.nameZhHant",
      "j.nameZhHans",
    ])
    .where(condition);
  switch (params.sort) {
    case "email":
      query = query.orderBy("u.email", dir);
      break;
    case "role":
      query = query.orderBy("u.role", dir).orderBy("u.name", dir);
      break;
    case "lastLogin":
      query = query.orderBy(sql`u."lastLoginAt" ${sql.raw(dir)} nulls ${sql.raw(dir === "asc" ? "first" : "last")}`);
      break;
    case "created":
      query = query.orderBy("u.createdAt", dir);
      break;
    default:
      query = query.orderBy("u.name", dir);
  }
  const rows = await runQuery(query.orderBy("u.id", dir).limit(userPageSize).offset((page - 1) * userPageSize));
  return {
    rows: rows.map(
      (row): UserListRow => ({
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        side: row.nameEn === null ? null : { nameEn: row.nameEn, nameZhHant: row.nameZhHant ?? "", nameZhHans: row.nameZhHans ?? "" },
        active: row.active,
        locked: row.locked,
        invited: row.invited,
        ssoOnly: row.ssoOnly,
        lastLoginAt: row.lastLoginAt,
      }),
    ),
    total,
    page,
    pageCount,
  };
}

export type InvitationState = "open" | "expired" | "used" | "revoked";

/** One user with their links and the latest invitation's state; null for a non-admin or an unknown id. */
export async function findUserDetail(actor: Actor, id: string, now: Date = new Date()) {
  if (actor.role !== "ADMIN") return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      locale: true,
      active: true,
      version: true,
      lockedUntil: true,
      lastLoginAt: true,
      passwordHash: true,
      ssoOnly: true,
      jurisdictionId: true,
      officerId: true,
      hostUnitId: true,
      jurisdiction: { select: trilingualNameSelect },
      officer: { select: { surname: true, givenName: true, otherName: true, staffNumber: true } },
      hostUnit: { select: trilingualNameSelect },
    },
  });
  if (!user) return null;
  const invitation = await db.invitation.findFirst({ where: { userId: id }, orderBy: { createdAt: "desc" }, select: { usedAt: true, revokedAt: true, expiresAt: true } });
  const invitationState: { state: InvitationState; at: Date } | null = !invitation
    ? null
    : invitation.usedAt
      ? { state: "used", at: invitation.usedAt }
      : invitation.revokedAt
        ? { state: "revoked", at: invitation.revokedAt }
        : invitation.expiresAt <= now
          ? { state: "expired", at: invitation.expiresAt }
          : { state: "open", at: invitation.expiresAt };
  const { passwordHash, officer, ...rest } = user;
  return {
    ...rest,
    hasPassword: passwordHash !== null,
    /** Not signed in yet (see stillInvited): a new link may be sent. */
    invited: passwordHash === null && (!user.ssoOnly || user.lastLoginAt === null),
    locked: user.lockedUntil !== null && user.lockedUntil > now,
    officerName: officer ? `${formatOfficerName(officer)} (${officer.staffNumber})` : null,
    invitation: invitationState,
  };
}

/** Choices for the invite and edit forms: active sides and host units, and officers without an account. */
export async function findUserFormOptions(actor: Actor, currentOfficerId: string | null = null) {
  if (actor.role !== "ADMIN") return { jurisdictions: [], hostUnits: [], officers: [] };
  const [jurisdictions, hostUnits, officers] = await Promise.all([
    db.jurisdiction.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, ...trilingualNameSelect } }),
    db.hostUnit.findMany({ where: { active: true }, orderBy: [{ jurisdictionId: "asc" }, { code: "asc" }], select: { id: true, ...trilingualNameSelect } }),
    db.officer.findMany({
      where: { active: true, OR: [{ user: null }, ...(currentOfficerId ? [{ id: currentOfficerId }] : [])] },
      orderBy: [{ surname: "asc" }, { givenName: "asc" }],
      take: 2000,
      select: { id: true, surname: true, givenName: true, otherName: true, staffNumber: true },
    }),
  ]);
  return { jurisdictions, hostUnits, officers: officers.map((officer) => ({ id: officer.id, label: `${formatOfficerName(officer)} (${officer.staffNumber})` })) };
}

/** Whether an officer already has an account, for the officer record's invite button. */
export async function officerHasAccount(officerId: string): Promise<boolean> {
  return (await db.user.count({ where: { officerId } })) > 0;
}

/** The officer fields the invite section decides on; the caller checks isAllowed before showing anything. */
export async function findOfficerForInvitation(officerId: string) {
  return db.officer.findUnique({ where: { id: officerId }, select: { id: true, jurisdictionId: true, workEmail: true, active: true } });
}
