import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { isSecondFactorEnrolmentRequired } from "@/lib/auth/second-factor";
import { env } from "@/lib/env";
import { decryptTotpSecret } from "./secret-box";
import { formatSecretForManualEntry, totpUri } from "./totp";

export interface PendingEnrolment {
  /** The QR code as an SVG data URL, rendered on the server: no QR library in the browser. */
  qrDataUrl: string;
  manualKey: string;
}

export type OwnSecondFactor =
  | { state: "off"; requiredByRole: boolean }
  | { state: "pending"; requiredByRole: boolean; enrolment: PendingEnrolment | null }
  | { state: "on"; requiredByRole: boolean; confirmedAt: Date; remainingRecoveryCodes: number };

/** The actor's own second factor, for /account/two-factor and the enrolment page (only ever the actor's own row). */
export async function findOwnSecondFactor(actor: Pick<Actor, "userId" | "email">): Promise<OwnSecondFactor> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { role: true, ssoOnly: true } });
  const requiredByRole = isSecondFactorEnrolmentRequired({ role: user.role, ssoOnly: user.ssoOnly, hasConfirmedSecondFactor: false }, env().REQUIRE_2FA_ROLES);
  const credential = await db.twoFactorCredential.findUnique({ where: { userId: actor.userId } });
  if (!credential) return { state: "off", requiredByRole };
  if (credential.confirmedAt) {
    const remainingRecoveryCodes = await db.twoFactorRecoveryCode.count({ where: { userId: actor.userId, usedAt: null } });
    return { state: "on", requiredByRole, confirmedAt: credential.confirmedAt, remainingRecoveryCodes };
  }
  const secret = decryptTotpSecret(credential.secretCiphertext);
  if (secret === null) return { state: "pending", requiredByRole, enrolment: null };
  const svg = await QRCode.toString(totpUri(actor.email, secret), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    state: "pending",
    requiredByRole,
    enrolment: { qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, manualKey: formatSecretForManualEntry(secret) },
  };
}

/** For the admin's user page: whether the user has a factor, and since when. */
export async function findSecondFactorSummary(userId: string): Promise<{ state: "off" | "pending" | "on"; confirmedAt: Date | null }> {
  const credential = await db.twoFactorCredential.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (!credential) return { state: "off", confirmedAt: null };
  return { state: credential.confirmedAt ? "on" : "pending", confirmedAt: credential.confirmedAt };
}
