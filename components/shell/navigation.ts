import { hasPermission, type Actor, type Permission } from "@/lib/authorization";

export interface NavigationItem {
  href: string;
  labelKey: string;
  permission: Permission;
}

/** Navigation shows what the role may open; each page still checks for itself. */
const items: NavigationItem[] = [
  { href: "/", labelKey: "home", permission: "dashboard:view" },
  { href: "/cohorts", labelKey: "cohorts", permission: "cohort:view" },
  { href: "/approvals", labelKey: "approvals", permission: "placement:approveSending" },
  { href: "/officers", labelKey: "officers", permission: "officer:view" },
  { href: "/host-units", labelKey: "hostUnits", permission: "hostUnit:view" },
  { href: "/schedule", labelKey: "schedule", permission: "schedule:view" },
  { href: "/reports", labelKey: "reports", permission: "report:export" },
  { href: "/outcomes", labelKey: "outcomes", permission: "outcome:view" },
  { href: "/admin/reference", labelKey: "referenceData", permission: "referenceData:manage" },
  { href: "/admin/holidays", labelKey: "holidays", permission: "holiday:manage" },
  { href: "/admin/users", labelKey: "users", permission: "user:manage" },
  { href: "/admin/document-templates", labelKey: "documentTemplates", permission: "documentTemplate:manage" },
  { href: "/admin/audit", labelKey: "audit", permission: "audit:view" },
  { href: "/admin/outbox", labelKey: "emailOutbox", permission: "email:manage" },
  { href: "/account", labelKey: "account", permission: "account:manageOwn" },
];

export function navigationFor(actor: Actor): NavigationItem[] {
  return items.filter((item) => hasPermission(actor, item.permission));
}
