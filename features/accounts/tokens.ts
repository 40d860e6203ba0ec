import { createHash, randomBytes } from "node:crypto";

/** How long an invitation or set-password link works (issue 14: 72 hours). */
export const invitationLifetimeMs = 72 * 60 * 60 * 1000;

/** A link's secret: 256 random bits, URL-safe. Shown once (email, screen); only its hash is stored. */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the Invitation row keeps: SHA-256 of the token, hex. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const invitationPath = (token: string) => `/invitation/${encodeURIComponent(token)}`;
