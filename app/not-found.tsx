import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/status-page";

export default async function NotFound() {
  const [t, common] = await Promise.all([getTranslations("errors"), getTranslations("common")]);
  return <StatusPage code="404" title={t("notFoundTitle")} body={t("notFoundBody")} linkLabel={common("backToHome")} />;
}
