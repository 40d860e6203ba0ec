import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/status-page";

export default async function Forbidden() {
  const [t, common] = await Promise.all([getTranslations("errors"), getTranslations("common")]);
  return <StatusPage code="403" title={t("forbiddenTitle")} body={t("forbiddenBody")} linkLabel={common("backToHome")} />;
}
