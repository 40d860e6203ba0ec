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
  { href: "/admin/audit", labelKey: "audit", permission: "audit:view" },
];

export function navigationFor(actor: Actor): NavigationItem[] {
  return items.filter((item) => hasPermission(actor, item.permission));
}
