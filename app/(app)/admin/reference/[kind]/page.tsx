import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { firstValues } from "@/components/data-list";
import { ReferenceList } from "@/features/reference-data/components/reference-list";
import { isReferenceKind } from "@/features/reference-data/entities";
import { referenceListParamsSchema } from "@/features/reference-data/schemas";
import { Button } from "@/components/ui/button";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  const [{ kind }, t] = await Promise.all([params, getTranslations("referenceData")]);
  return { title: isReferenceKind(kind) ? t(`kinds.${kind}.title`) : t("title") };
}

export default async function ReferenceKindPage({ params, searchParams }: { params: Promise<{ kind: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "referenceData:manage")) forbidden();
  const { kind } = await params;
  if (!isReferenceKind(kind)) notFound();
  const [t, locale, rawParams] = await Promise.all([getTranslations("referenceData"), getLocale() as Promise<AppLocale>, searchParams.then(firstValues)]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/reference" className="text-brand-700 underline">
          {t("title")}
        </Link>
      </p>
      <PageHeader
        title={t(`kinds.${kind}.title`)}
        description={t(`kinds.${kind}.intro`)}
        actions={
          <Button asChild>
            <Link href={`/admin/reference/${kind}/new`}>
              {t(`kinds.${kind}.new`)}
            </Link>
          </Button>
        }
      />
      <ReferenceList actor={user} kind={kind} params={referenceListParamsSchema.parse(rawParams)} rawParams={rawParams} locale={locale} />
    </>
  );
}
