import { getTranslations } from "next-intl/server";
import { VerifyForm } from "../verify-form";

/** An unknown or malformed code: answered 404, in the reader's language, with the form to try again. */
export default async function CertificateNotFound() {
  const t = await getTranslations("documents.verify");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p role="alert" className="mt-4 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-800" data-testid="verify-not-found">
        {t("notFound")}
      </p>
      <VerifyForm />
    </>
  );
}
