"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { saveReferenceRecord, setReferenceActive } from "./mutations";
import { referenceRecordSchema, setReferenceActiveSchema } from "./schemas";

export const saveReferenceRecordAction = defineAction({
  name: "referenceData.save",
  schema: referenceRecordSchema,
  permission: "referenceData:manage",
  run: async (input, { user, request }) => {
    const { id } = await saveReferenceRecord(user, request, input);
    revalidatePath(`/admin/reference/${input.referenceKind}`);
    redirect(`/admin/reference/${input.referenceKind}/${id}?saved=1`);
  },
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
