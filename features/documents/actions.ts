"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { saveTemplateItem } from "./mutations";
import { templateItemSchema } from "./schemas";

export const saveTemplateItemAction = defineAction({
  name: "documents.saveTemplateItem",
  schema: templateItemSchema,
  permission: "documentTemplate:manage",
  async run(input, { user, request }) {
    const item = await saveTemplateItem({ actor: user, request }, input);
    revalidatePath("/admin/document-templates");
    return { id: item.id, labelEn: item.labelEn, labelZhHant: item.labelZhHant, labelZhHans: item.labelZhHans };
  },
  notice: (output, { t, locale }) =>
    t("documents.templates.saved", { label: locale === "en" ? output.labelEn : locale === "zh-Hant" ? output.labelZhHant : output.labelZhHans }),
});
