import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { DetailList } from "@/components/detail-list";
import { PageHeader } from "@/components/page-header";
import { PageSection } from "@/components/page-section";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { formatDateTime } from "@/lib/i18n/format";
import { fromDatabaseLocale, localeNames, localizedName, type AppLocale } from "@/lib/i18n/locales";
import { UserCommands } from "@/features/accounts/components/user-commands";
import { UserEditForm } from "@/features/accounts/components/user-edit-form";
import { findUserDetail, findUserFormOptions } from "@/features/accounts/queries";
import { roles } from "@/features/accounts/schemas";
import { AdminSecondFactorSection } from "@/features/two-factor/components/admin-second-factor-section";

export async function generateMetadata() {
  const t = await getTranslations("accounts.list");
  return { title: t("title") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireSessionUser();
  if (!hasPermission(actor, "user:manage")) forbidden();
  const { id } = await params;
  const [t, list, roleNames, locale, user] = await Promise.all([
    getTranslations("accounts.detail"),
    getTranslations("accounts.list"),
    getTranslations("roles"),
    getLocale() as Promise<AppLocale>,
    findUserDetail(actor, id),
  ]);
  if (!user) notFound();
  const options = await findUserFormOptions(actor, user.officerId);
  const when = (date: Date) => formatDateTime(date, locale);
  const invitation = user.invitation
    ? t(`invitation${user.invitation.state[0].toUpperCase()}${user.invitation.state.slice(1)}`, { time: when(user.invitation.at) })
    : t("invitationNone");
  const state = [user.active ? list("active") : list("inactive"), user.invited ? list("invitedYes") : null].filter(Boolean).join(" · ");
  return (
    <>
      <PageHeader
        title={user.name}
        description={user.email}
        actions={
          <Link href="/admin/users" className="text-sm font-semibold text-brand-800 underline">
            {t("back")}
          </Link>
        }
      />
      <div className="flex flex-col gap-8">
        <PageSection id="account" title={t("account")} className="rounded border border-slate-300 bg-white p-4">
          <DetailList
            testId="user-details"
            className="mb-4"
            items={[
              [t("email"), <span key="email" className="break-all">{user.email}</span>],
              [t("role"), roleNames(user.role)],
              [t("side"), user.jurisdiction ? localizedName(user.jurisdiction, locale) : t("none")],
              [t("officer"), user.officerName ?? t("none")],
              [t("hostUnit"), user.hostUnit ? localizedName(user.hostUnit, locale) : t("none")],
              [t("language"), localeNames[fromDatabaseLocale(user.locale)]],
              [t("state"), state],
              [list("locked"), user.locked && user.lockedUntil ? t("lockedUntil", { time: when(user.lockedUntil) }) : t("notLocked")],
              [t("lastLogin"), user.lastLoginAt ? when(user.lastLoginAt) : list("never")],
              [t("invitation"), invitation],
            ]}
          />
          <ClientMessages namespaces={["accounts.detail", "accounts.issued"]}>
            <UserCommands
              user={{
                id: user.id,
                name: user.name,
                version: user.version,
                active: user.active,
                locked: user.locked,
                hasPassword: user.hasPassword,
                invited: user.invited,
                invitationOpen: user.invitation?.state === "open",
                isSelf: user.id === actor.userId,
              }}
            />
          </ClientMessages>
        </PageSection>
        <AdminSecondFactorSection actor={actor} userId={user.id} />
        <PageSection id="role" title={t("roleAndLinks")} className="rounded border border-slate-300 bg-white p-4">
          <ClientMessages namespaces={["accounts.detail", "accounts.invite"]}>
            <UserEditForm
              id={user.id}
              version={user.version}
              isSelf={user.id === actor.userId}
              ssoOnly={user.ssoOnly}
              values={{ role: user.role, jurisdictionId: user.jurisdictionId, officerId: user.officerId, hostUnitId: user.hostUnitId }}
              options={{
                roles: roles.map((role) => ({ value: role, label: roleNames(role) })),
                jurisdictions: options.jurisdictions.map((side) => ({ value: side.id, label: localizedName(side, locale) })),
                hostUnits: options.hostUnits.map((unit) => ({ value: unit.id, label: localizedName(unit, locale) })),
                officers: options.officers.map((officer) => ({ value: officer.id, label: officer.label })),
              }}
            />
          </ClientMessages>
        </PageSection>
      </div>
    </>
  );
}
