"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { localizedName } from "@/lib/i18n/locales";
import { saveReferenceRecord, setReferenceActive } from "./mutations";
import { referenceRecordSchema, setReferenceActiveSchema } from "./schemas";

export const saveReferenceRecordAction = defineAction({
  name: "referenceData.save",
  schema: referenceRecordSchema,
  permission: "referenceData:manage",
  run: async (input, { user, request }) => {
    const { id } = await saveReferenceRecord(user, request, input);
    revalidatePath(`/admin/reference/${input.referenceKind}`);
    return { id, kind: input.referenceKind, created: !input.id, names: { nameEn: input.nameEn, nameZhHant: input.nameZhHant, nameZhHans: input.nameZhHans } };
  },
  notice: (saved, { t, locale }) => t(saved.created ? "notices.referenceCreated" : "notices.referenceSaved", { name: localizedName(saved.names, locale) }),
  redirectTo: (saved) => `/admin/reference/${saved.kind}/${saved.id}`,
});

export const setReferenceActiveAction = defineAction({
  name: "referenceData.setActive",
  schema: setReferenceActiveSchema,
  permission: "referenceData:manage",
  run: async (input, { user, request }) => {
    const result = await setReferenceActive(user, request, input);
    revalidatePath(`/admin/reference/${input.referenceKind}`);
    return result;
  },
});
