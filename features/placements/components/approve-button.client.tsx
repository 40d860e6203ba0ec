"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/action";
import { useActionForm } from "@/components/forms/use-action-form";

interface ApproveButtonProps {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<{ confirmed: boolean }>>;
  placementId: string;
  version: number;
  label: string;
  /** Names the placement for screen readers when several buttons share a page. */
  accessibleLabel?: string;
}

export function ApproveButton({ action, placementId, version, label, accessibleLabel }: ApproveButtonProps) {
  const t = useTranslations("placements");
  const form = useActionForm(action);
  return (
    <form onSubmit={form.onSubmit} className="flex flex-col gap-2">
      <input type="hidden" name="placementId" value={placementId} />
      <input type="hidden" name="version" value={version} />
      <FormMessage message={form.formError} />
      <div>
        <Button type="submit" disabled={form.pending} aria-disabled={form.pending} aria-label={accessibleLabel}>
          {form.pending ? t("saving") : label}
        </Button>
      </div>
    </form>
  );
}
