import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** A plain GET form: works without scripts; /verify turns ?code= into /verify/<code>. */
export async function VerifyForm({ code }: { code?: string }) {
  const t = await getTranslations("documents.verify");
  return (
    <form method="get" action="/verify" className="mt-6 flex flex-col gap-3">
      <TextField name="code" label={t("code")} defaultValue={code} autoComplete="off" spellCheck={false} required maxLength={40} />
      <div>
        <Button type="submit">{t("check")}</Button>
      </div>
    </form>
  );
}
