"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { saveReportColumnChoice } from "./column-choice";
import { reportColumnChoiceSchema } from "./schemas";

export const saveReportColumnsAction = defineAction({
  name: "report.chooseColumns",
  schema: reportColumnChoiceSchema,
  permission: "report:export",
  run: async (input, { user }) => {
    const columns = await saveReportColumnChoice(user, input.columns);
    revalidatePath("/reports");
    return { columns };
  },
});
