import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { LanguageSwitcher } from "@/features/preferences/language-switcher";
import { navigationFor } from "@/components/shell/navigation";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { NoticeArea } from "@/components/notice-area";
import { NotificationBell } from "@/features/notifications/components/notification-bell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser();
  const [common, nav, roles] = await Promise.all([getTranslations("common"), getTranslations("nav"), getTranslations("roles")]);
  return (
    <>
      <header className="no-print bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link prefetch={false} href="/" className="text-lg font-bold text-white">
            {common("appName")}
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-sm">
              {common("signedInAs", { name: user.name })} · {roles(user.role)}
            </p>
            <NotificationBell user={user} />
            <LanguageSwitcher />
            <SignOutButton label={common("signOut")} />
          </div>
        </div>
        <nav aria-label={common("mainNavigation")} className="bg-brand-800">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
            {navigationFor(user).map((item) => (
              <li key={item.href}>
                <Link prefetch={false} href={item.href} className="shell-nav-link">
                  {nav(item.labelKey)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <NoticeArea />
    </>
  );
}
