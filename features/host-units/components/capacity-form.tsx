"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { setHostUnitCapacityAction } from "../actions";

/** The capacity of one host unit for one cohort, edited in place by the host side's coordinator. */
export function CapacityForm({ hostUnitId, cohortId, cohortName, capacity, version }: { hostUnitId: string; cohortId: string; cohortName: string; capacity: number; version: number | null }) {
  const t = useTranslations("hostUnits");
  const router = useRouter();
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(setHostUnitCapacityAction, () => router.refresh());
  const error = fieldError("capacity");
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="hostUnitId" value={hostUnitId} />
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="version" value={version ?? ""} />
      <TextField
        id={`capacity-${cohortId}`}
        name="capacity"
        type="number"
        inputMode="numeric"
        min={0}
        max={500}
        label={t("capacityFor", { cohort: cohortName })}
        defaultValue={capacity}
        error={error}
        className="w-56"
      />
      <Button type="submit" variant="secondary" disabled={pending} aria-disabled={pending}>
        {t("saveCapacity")}
      </Button>
      {!error && formError && (
        <div className="basis-full">
          <FormMessage message={formError} />
        </div>
      )}
    </form>
  );
}
