import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/data-list";
import { requestedPage } from "@/components/paging";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { findOutboxEmails } from "@/features/notifications/queries";
import { isEmailEnabled } from "@/features/notifications/runtime";
import { EmailList } from "@/features/notifications/components/email-list";

export async function generateMetadata() {
  const t = await getTranslations("notifications.admin");
  return { title: t("outboxTitle") };
}

export default async function EmailOutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "email:manage")) forbidden();
  const params = await searchParams;
  const [t, locale, emails] = await Promise.all([getTranslations("notifications.admin"), getLocale() as Promise<AppLocale>, findOutboxEmails(user, { page: requestedPage(params) })]);
  return (
    <>
      <PageHeader
        title={t("outboxTitle")}
        description={t("outboxIntro")}
        actions={
          <Link href="/admin/dead-letters" className="text-sm font-semibold text-brand-800 underline">
            {t("deadLettersTitle")}
          </Link>
        }
      />
      <div className="mb-4">
        <p className="rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 text-sm" data-testid="email-state">
          {isEmailEnabled() ? t("emailOn") : t("emailOff")}
        </p>
      </div>
      <EmailList emails={emails.items} locale={locale} emptyMessage={t("noEmails")} />
      {emails.pageCount > 1 && <Pagination page={emails.page} pageCount={emails.pageCount} total={emails.total} basePath="/admin/outbox" params={{}} />}
    </>
  );
}
