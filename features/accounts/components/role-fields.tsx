"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { SelectField, type Choice } from "@/components/ui/form-fields";
import { roles } from "../schemas";

export interface RoleFieldOptions {
  roles: Choice[];
  jurisdictions: Choice[];
  hostUnits: Choice[];
  officers: Choice[];
}

export interface RoleFieldValues {
  role?: string;
  jurisdictionId?: string | null;
  officerId?: string | null;
  hostUnitId?: string | null;
}

/** Role, and the one link the role needs: a side (coordinator), an officer record (officer) or a host unit (supervisor). */
export function RoleFields({ options, values, fieldError, roleLocked = false }: { options: RoleFieldOptions; values: RoleFieldValues; fieldError: (name: string) => string | undefined; roleLocked?: boolean }) {
  const t = useTranslations("accounts.invite");
  const [role, setRole] = useState(values.role ?? "");
  return (
    <>
      <SelectField
        name="role"
        label={t("role")}
        options={options.roles}
        placeholder={t("choose")}
        value={role}
        onChange={(event) => setRole(event.target.value)}
        error={fieldError("role")}
        disabled={roleLocked}
        required
      />
      {roleLocked && <input type="hidden" name="role" value={role} />}
      {role === "COORDINATOR" && (
        <SelectField name="jurisdictionId" label={t("side")} hint={t("sideHint")} options={options.jurisdictions} placeholder={t("choose")} defaultValue={values.jurisdictionId ?? ""} error={fieldError("jurisdictionId")} required />
      )}
      {role === "OFFICER" && (
        <SelectField name="officerId" label={t("officer")} hint={t("officerHint")} options={options.officers} placeholder={t("choose")} defaultValue={values.officerId ?? ""} error={fieldError("officerId")} required />
      )}
      {role === "SUPERVISOR" && (
        <SelectField name="hostUnitId" label={t("hostUnit")} hint={t("hostUnitHint")} options={options.hostUnits} placeholder={t("choose")} defaultValue={values.hostUnitId ?? ""} error={fieldError("hostUnitId")} required />
      )}
    </>
  );
}

export const roleList = roles;
