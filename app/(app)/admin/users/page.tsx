import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { firstValues } from "@/components/data-list";
import { Button } from "@/components/ui/button";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { UserList } from "@/features/accounts/components/user-list";
import { userListParamsSchema } from "@/features/accounts/schemas";

export async function generateMetadata() {
  const t = await getTranslations("accounts.list");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "user:manage")) forbidden();
  const [t, locale, rawParams] = await Promise.all([getTranslations("accounts.list"), getLocale() as Promise<AppLocale>, searchParams.then(firstValues)]);
  const params = userListParamsSchema.parse(rawParams);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <Button asChild>
            <Link href="/admin/users/new">{t("invite")}</Link>
          </Button>
        }
      />
      <UserList actor={user} params={params} rawParams={rawParams} locale={locale} />
    </>
  );
}
