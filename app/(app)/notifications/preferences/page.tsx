import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { findNotificationPreferences, notificationCategories, notificationDeliveries } from "@/features/notifications/queries";
import { PreferencesForm } from "@/features/notifications/components/preferences-form";

export async function generateMetadata() {
  const t = await getTranslations("notifications.preferences");
  return { title: t("title") };
}

export default async function NotificationPreferencesPage() {
  const user = await requireSessionUser();
  if (!hasPermission(user, "notification:view")) forbidden();
  const [t, preferences] = await Promise.all([getTranslations("notifications.preferences"), findNotificationPreferences(user)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <PreferencesForm
        categories={notificationCategories.map((category) => ({ name: category, label: t(`categories.${category}`), value: preferences[category] }))}
        deliveries={notificationDeliveries.map((delivery) => ({ value: delivery, label: t(`deliveries.${delivery}`) }))}
        labels={{ save: t("save") }}
      />
    </>
  );
}
