import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { VerifyForm } from "./verify-form";

export async function generateMetadata() {
  const t = await getTranslations("documents.verify");
  return { title: t("title") };
}

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  const typed = typeof code === "string" ? code.trim() : "";
  if (typed) redirect(`/verify/${encodeURIComponent(typed)}`);
  const t = await getTranslations("documents.verify");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <VerifyForm />
    </>
  );
}
