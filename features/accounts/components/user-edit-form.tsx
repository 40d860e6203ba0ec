"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateUserAction } from "../actions";
import { RoleFields, type RoleFieldOptions, type RoleFieldValues } from "./role-fields";

/** Role and side of an account, with the version the admin started from (a stale edit is refused). */
export function UserEditForm({ id, version, options, values, ssoOnly, isSelf }: { id: string; version: number; options: RoleFieldOptions; values: RoleFieldValues; ssoOnly: boolean; isSelf: boolean }) {
  const t = useTranslations("accounts.detail");
  const router = useRouter();
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(updateUserAction, () => router.refresh());
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="user-edit-form">
      <FormMessage message={formError} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 md:grid-cols-2">
        <RoleFields key={version} options={options} values={values} fieldError={fieldError} roleLocked={isSelf} />
      </div>
      {isSelf && <p className="text-sm text-slate-700">{t("ownRoleHint")}</p>}
      <CheckboxField key={`sso-${version}`} name="ssoOnly" label={t("ssoOnly")} hint={t("ssoOnlyHint")} defaultChecked={ssoOnly} error={fieldError("ssoOnly")} />
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
