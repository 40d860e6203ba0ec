// Demo sign-in accounts. Read by the seed, by the CLI startup banner and by Playwright tests, so this file imports
// nothing but types: it must stay loadable without a database, Next or argon2.
import type { Role } from "../../generated/prisma/enums.ts";

/** The one password of every demo account. Demo data only: never used outside a demo database. */
export const DEMO_PASSWORD = "Exchange-Demo-2026";

/**
 * The demo administrator's authenticator secret (base32; the admin role requires a second factor by default,
 * REQUIRE_2FA_ROLES). Add it to an authenticator app by hand, or compute a code from it. Demo data only.
 */
export const DEMO_ADMIN_TOTP_SECRET = "EXCHANGEDESKDEMOADMINTOTPSECRET2";
export const DEMO_ADMIN_EMAIL = "admin@exchange.demo";

export interface DemoAccount {
  /** Lower-case, as stored. */
  email: string;
  role: Role;
  /** What the account can show in a demo. */
  description: string;
  /** User.name as seeded. */
  name: string;
  /** Jurisdiction code of the user's side; null for the administrator. */
  jurisdictionCode: "HK" | "SZ" | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@exchange.demo",
    role: "ADMIN",
    name: "Exchange Desk Administrator (demo)",
    jurisdictionCode: null,
    description: "Administrator: reference data and the audit log; belongs to neither side.",
  },
  {
    email: "csb.coordinator@exchange.demo",
    role: "COORDINATOR",
    name: "CSB Coordinator (demo)",
    jurisdictionCode: "HK",
    description:
      "Hong Kong coordinator (Civil Service Bureau): nominates and approves Hong Kong officers as sending side, confirms Hong Kong host units as host side.",
  },
  {
    email: "szod.coordinator@exchange.demo",
    role: "COORDINATOR",
    name: "SZOD Coordinator (demo)",
    jurisdictionCode: "SZ",
    description:
      "Shenzhen coordinator (Organization Department of the CPC Shenzhen Municipal Committee): confirms Shenzhen host units and posts, approves Shenzhen officers going to Hong Kong.",
  },
  {
    email: "officer@exchange.demo",
    role: "OFFICER",
    name: "LAM Wing-sze, Vivian (demo)",
    jurisdictionCode: "HK",
    description: "Hong Kong officer (Senior Town Planner) with a confirmed placement in Shenzhen in the current Hong Kong → Shenzhen cohort.",
  },
  {
    email: "mainland.officer@exchange.demo",
    role: "OFFICER",
    name: "Zhou Minghui (demo)",
    jurisdictionCode: "SZ",
    description: "Shenzhen officer (division chief) with a confirmed placement in the Hong Kong Planning Department in the current Shenzhen → Hong Kong cohort.",
  },
  {
    email: "supervisor@exchange.demo",
    role: "SUPERVISOR",
    name: "Host Supervisor, Futian Planning Administration (demo)",
    jurisdictionCode: "SZ",
    description: "Shenzhen host-unit supervisor of the unit where officer@exchange.demo is placed; sees only that unit's officers.",
  },
];
