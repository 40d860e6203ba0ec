import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { updateOfficerAction } from "@/features/officers/actions";
import { OfficerForm } from "@/features/officers/components/officer-form";
import { findOfficerFormOptions, findOfficerView } from "@/features/officers/queries";
import { ClientMessages } from "@/components/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("officers");
  return { title: t("editTitle") };
}

export default async function EditOfficerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "officer:manage")) forbidden();
  const { id } = await params;
  const officer = await findOfficerView(user, id);
  if (!officer || officer.access !== "full" || !officer.canManage) notFound();
  const [t, locale, options] = await Promise.all([
    getTranslations("officers"),
    getLocale() as Promise<AppLocale>,
    findOfficerFormOptions(user, { rankId: officer.rankId, departmentId: officer.departmentId, fieldIds: officer.fieldIds }),
  ]);
  const choice = (items: { id: string; code: string; active: boolean; nameEn: string; nameZhHant: string; nameZhHans: string }[]) =>
    items.map((item) => ({ value: item.id, label: `${localizedName(item, locale)}${item.active ? "" : ` — ${t("inactive")}`}` }));
  return (
    <>
      <PageHeader title={t("editTitle")} description={officer.name} />
      <ClientMessages namespaces={["officers"]}>
        <OfficerForm
          action={updateOfficerAction}
          values={{
            id: officer.id,
            version: officer.version,
            staffNumber: officer.staffNumber,
            surname: officer.surname,
            givenName: officer.givenName,
            otherName: officer.otherName ?? "",
            chineseName: officer.chineseName ?? "",
            rankId: officer.rankId,
            departmentId: officer.departmentId,
            workEmail: officer.workEmail,
            fieldIds: officer.fieldIds,
          }}
          ranks={choice(options.ranks)}
          departments={choice(options.departments)}
          fields={options.fields.map((field) => ({ value: field.id, label: localizedName(field, locale) }))}
          cancelHref={`/officers/${officer.id}`}
        />
      </ClientMessages>
    </>
  );
}
