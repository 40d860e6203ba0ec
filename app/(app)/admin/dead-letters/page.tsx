import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/data-list";
import { requestedPage } from "@/components/paging";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { findOutboxEmails } from "@/features/notifications/queries";
import { EmailList } from "@/features/notifications/components/email-list";

export async function generateMetadata() {
  const t = await getTranslations("notifications.admin");
  return { title: t("deadLettersTitle") };
}

export default async function DeadLettersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "email:manage")) forbidden();
  const params = await searchParams;
  const [t, locale, emails] = await Promise.all([getTranslations("notifications.admin"), getLocale() as Promise<AppLocale>, findOutboxEmails(user, { deadOnly: true, page: requestedPage(params) })]);
  return (
    <>
      <PageHeader title={t("deadLettersTitle")} description={t("deadLettersIntro")} />
      <EmailList emails={emails.items} locale={locale} emptyMessage={t("noDeadLetters")} retry />
      {emails.pageCount > 1 && <Pagination page={emails.page} pageCount={emails.pageCount} total={emails.total} basePath="/admin/dead-letters" params={{}} />}
    </>
  );
}
