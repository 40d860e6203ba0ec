import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { findOutboxEmails } from "@/features/notifications/queries";
import { EmailList } from "@/features/notifications/components/email-list";

export async function generateMetadata() {
  const t = await getTranslations("notifications.admin");
  return { title: t("deadLettersTitle") };
}

export default async function DeadLettersPage() {
  const user = await requireSessionUser();
  if (!hasPermission(user, "email:manage")) forbidden();
  const [t, locale, emails] = await Promise.all([getTranslations("notifications.admin"), getLocale() as Promise<AppLocale>, findOutboxEmails(user, { deadOnly: true })]);
  return (
    <>
      <PageHeader title={t("deadLettersTitle")} description={t("deadLettersIntro")} />
      <EmailList emails={emails} locale={locale} emptyMessage={t("noDeadLetters")} retry />
    </>
  );
}
