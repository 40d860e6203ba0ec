import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/data-list";
import { requestedPage } from "@/components/paging";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { findNotifications } from "@/features/notifications/queries";
import { NotificationList } from "@/features/notifications/components/notification-list";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "notification:view")) forbidden();
  const [t, locale, params] = await Promise.all([getTranslations("notifications"), getLocale() as Promise<AppLocale>, searchParams]);
  const result = await findNotifications(user, requestedPage(params));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <Link href="/notifications/preferences" className="text-sm font-semibold text-brand-800 underline">
            {t("preferencesLink")}
          </Link>
        }
      />
      <NotificationList items={result.items} unread={result.unread} locale={locale} />
      {result.pages > 1 && <Pagination page={result.page} pageCount={result.pages} total={result.total} basePath="/notifications" params={{}} />}
    </>
  );
}
