import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { createOfficerAction } from "@/features/officers/actions";
import { OfficerForm } from "@/features/officers/components/officer-form";
import { findOfficerFormOptions } from "@/features/officers/queries";
import { ClientMessages } from "@/components/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("officers");
  return { title: t("newTitle") };
}

export default async function NewOfficerPage() {
  const user = await requireSessionUser();
  if (!hasPermission(user, "officer:manage") || !user.jurisdictionId) forbidden();
  const [t, locale, options] = await Promise.all([getTranslations("officers"), getLocale() as Promise<AppLocale>, findOfficerFormOptions(user)]);
  const choice = (items: { id: string; code: string; nameEn: string; nameZhHant: string; nameZhHans: string }[]) =>
    items.map((item) => ({ value: item.id, label: `${localizedName(item, locale)}` }));
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newIntro")} />
      <ClientMessages namespaces={["officers"]}>
        <OfficerForm
          action={createOfficerAction}
          values={{ staffNumber: "", surname: "", givenName: "", otherName: "", chineseName: "", rankId: "", departmentId: "", workEmail: "", fieldIds: [] }}
          ranks={choice(options.ranks)}
          departments={choice(options.departments)}
          fields={options.fields.map((field) => ({ value: field.id, label: localizedName(field, locale) }))}
          cancelHref="/officers"
        />
      </ClientMessages>
    </>
  );
}
