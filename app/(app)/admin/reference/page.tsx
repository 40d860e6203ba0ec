import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { referenceKinds } from "@/features/reference-data/entities";
import { countReferenceData } from "@/features/reference-data/queries";

export async function generateMetadata() {
  const t = await getTranslations("referenceData");
  return { title: t("title") };
}

export default async function ReferenceDataPage() {
  const user = await requireSessionUser();
  if (!hasPermission(user, "referenceData:manage")) forbidden();
  const [t, counts] = await Promise.all([getTranslations("referenceData"), countReferenceData(user)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ul className="grid gap-4 md:grid-cols-2">
        {referenceKinds.map((kind) => (
          <li key={kind} className="rounded border border-slate-300 bg-white p-5">
            <h2 className="text-lg font-semibold">
              <Link href={`/admin/reference/${kind}`} className="text-brand-700 underline">
                {t(`kinds.${kind}.title`)}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t(`kinds.${kind}.intro`)}</p>
            <p className="mt-2 text-sm">{t("recordCount", { count: counts[kind] })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
