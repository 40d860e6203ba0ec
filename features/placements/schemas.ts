import { z } from "zod";
import { requiredText } from "@/lib/text";
import type { PlacementStatus } from "@/generated/prisma/enums";
import { requiredDateField } from "@/lib/dates";
import { versionField } from "@/lib/version-field";

// Importable by client components: no server-only imports here.

const id = z.string().trim().min(1, "errors.required");

/** A checkbox group arrives as one string for one box and as an array for several. */
const idList = z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().min(1)));

export const nominateOfficersSchema = z.object({
  cohortId: id,
  officerIds: idList.pipe(z.array(z.string()).min(1, "errors.chooseOfficers").max(50)),
});
export type NominateOfficersInput = z.output<typeof nominateOfficersSchema>;

export const assignPlacementSchema = z
  .object({
    placementId: id,
    version: versionField,
    hostUnitId: id,
    fieldId: id,
    postTitle: requiredText(200),
    startDate: requiredDateField,
    endDate: requiredDateField,
  })
  .superRefine((value, context) => {
    if (value.endDate < value.startDate) context.addIssue({ code: "custom", path: ["endDate"], message: "errors.datesOutOfOrder" });
  });
export type AssignPlacementInput = z.output<typeof assignPlacementSchema>;

export const approvalSides = ["sending", "host"] as const;
export type ApprovalSide = (typeof approvalSides)[number];

/** The form carries the placement and its version; which side approves is fixed by the action that receives it. */
export const approvalSchema = z.object({ placementId: id, version: versionField });
export type ApprovePlacementInput = z.output<typeof approvalSchema> & { side: ApprovalSide };

export const withdrawPlacementSchema = z.object({
  placementId: id,
  version: versionField,
  reason: requiredText(500, "errors.withdrawalNeedsReason"),
});
export type WithdrawPlacementInput = z.output<typeof withdrawPlacementSchema>;

/**
 * "Approve selected": each checkbox carries `placementId:version`, so every approval is checked against the version
 * its row showed. At most one page of the queue; a placement chosen twice is refused as a bad request.
 */
export const approveSelectedSchema = z.object({
  placements: idList
    .pipe(z.array(z.string()).min(1).max(100))
    .transform((values, context) => {
      const placements = [];
      for (const value of values) {
        const match = /^([^:\s]+):([1-9][0-9]{0,9})$/.exec(value);
        if (!match) {
          context.addIssue({ code: "custom", message: "errors.invalidValue" });
          return z.NEVER;
        }
        placements.push({ placementId: match[1], version: Number(match[2]) });
      }
      if (new Set(placements.map((placement) => placement.placementId)).size !== placements.length) {
        context.addIssue({ code: "custom", message: "errors.invalidValue" });
        return z.NEVER;
      }
      return placements;
    }),
});
export type ApproveSelectedInput = z.output<typeof approveSelectedSchema>;

export const approvalsPageSize = 25;

/** Stored workflow states, in the order the board lists them. */
export const placementStatuses = ["NOMINATED", "ASSIGNED", "CONFIRMED", "WITHDRAWN"] as const satisfies readonly PlacementStatus[];
