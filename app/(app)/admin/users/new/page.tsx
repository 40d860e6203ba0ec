import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { localeNames, locales, localizedName, type AppLocale } from "@/lib/i18n/locales";
import { InviteUserForm } from "@/features/accounts/components/invite-user-form";
import { findUserFormOptions } from "@/features/accounts/queries";
import { roles } from "@/features/accounts/schemas";

export async function generateMetadata() {
  const t = await getTranslations("accounts.invite");
  return { title: t("title") };
}

export default async function InviteUserPage() {
  const user = await requireSessionUser();
  if (!hasPermission(user, "user:manage")) forbidden();
  const [t, back, roleNames, locale, options] = await Promise.all([
    getTranslations("accounts.invite"),
    getTranslations("accounts.detail"),
    getTranslations("roles"),
    getLocale() as Promise<AppLocale>,
    findUserFormOptions(user),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <Link href="/admin/users" className="text-sm font-semibold text-brand-800 underline">
            {back("back")}
          </Link>
        }
      />
      <ClientMessages namespaces={["accounts.invite", "accounts.issued", "ssoInvitations.form"]}>
        <InviteUserForm
          options={{
            roles: roles.map((role) => ({ value: role, label: roleNames(role) })),
            jurisdictions: options.jurisdictions.map((side) => ({ value: side.id, label: localizedName(side, locale) })),
            hostUnits: options.hostUnits.map((unit) => ({ value: unit.id, label: localizedName(unit, locale) })),
            officers: options.officers.map((officer) => ({ value: officer.id, label: officer.label })),
          }}
          languages={locales.map((code) => ({ value: code, label: localeNames[code] }))}
          defaultLanguage={locale}
        />
      </ClientMessages>
    </>
  );
}
