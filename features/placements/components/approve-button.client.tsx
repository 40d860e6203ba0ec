"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/action";
import { useActionForm, useSendAction } from "@/components/forms/use-action-form";
import { clearNotice, publishNotice } from "@/components/notice";

type PlacementAction<Output> = (previous: unknown, payload: FormData) => Promise<ActionResult<Output>>;

interface ApproveButtonProps {
  /** An approval (offers undo while not yet confirmed), or the revocation itself (no `confirmed`: nothing to undo). */
  action: PlacementAction<{ confirmed?: boolean; version: number; officerName: string }>;
  /** The same side's revocation: offered as "Undo" in the notice while the other side has not approved. */
  revokeAction?: PlacementAction<unknown>;
  placementId: string;
  version: number;
  label: string;
  /** Names the placement for screen readers when several buttons share a page. */
  accessibleLabel?: string;
  variant?: "primary" | "secondary";
}

export function ApproveButton({ action, revokeAction, placementId, version, label, accessibleLabel, variant = "primary" }: ApproveButtonProps) {
  const t = useTranslations("placements");
  const notices = useTranslations("notices");
  const send = useSendAction();
  const form = useActionForm(action, undefined, {
    noticeAction: (data) =>
      revokeAction && data.confirmed === false
        ? {
            label: notices("undoApproval"),
            accessibleLabel: notices("undoApprovalOf", { name: data.officerName }),
            run: async () => {
              clearNotice();
              const payload = new FormData();
              payload.set("placementId", placementId);
              payload.set("version", String(data.version));
              const result = await send(revokeAction, payload);
              if (result.ok) publishNotice(result.notice ?? notices("undoApproval"));
              else publishNotice(result.formError ?? "", { tone: "error" });
            },
          }
        : undefined,
  });
  return (
    <form onSubmit={form.onSubmit} className="flex flex-col gap-2">
      <input type="hidden" name="placementId" value={placementId} />
      <input type="hidden" name="version" value={version} />
      <FormMessage message={form.formError} />
      <div>
        <Button type="submit" variant={variant} disabled={form.pending} aria-disabled={form.pending} aria-label={accessibleLabel}>
          {form.pending ? t("saving") : label}
        </Button>
      </div>
    </form>
  );
}
