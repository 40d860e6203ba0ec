"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { CheckboxField, SelectField } from "@/components/ui/form-fields";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { inviteUserAction } from "../actions";
import { IssuedLinkPanel } from "./issued-link-panel";
import { RoleFields, type RoleFieldOptions } from "./role-fields";

export function InviteUserForm({ options, languages, defaultLanguage }: { options: RoleFieldOptions; languages: { value: string; label: string }[]; defaultLanguage: string }) {
  const t = useTranslations("accounts.invite");
  const sso = useTranslations("ssoInvitations.form");
  const [issued, setIssued] = useState<{ name: string; email: string; url: string; ssoOnly: boolean } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(inviteUserAction, (link) => {
    setIssued({ name: link.name, email: link.email, url: link.url, ssoOnly: link.ssoOnly });
    setFormKey((key) => key + 1);
  });
  return (
    <div className="flex flex-col gap-6">
      {issued && <IssuedLinkPanel {...issued} />}
      <form key={formKey} ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-4 rounded border border-slate-300 bg-white p-4" data-testid="invite-user-form">
        <FormMessage message={formError} />
        <div className="grid gap-4 md:grid-cols-2">
          <TextField name="email" type="email" label={t("email")} autoComplete="off" error={fieldError("email")} required />
          <TextField name="name" label={t("name")} hint={t("nameHint")} autoComplete="off" error={fieldError("name")} required />
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <RoleFields options={options} values={{}} fieldError={fieldError} />
        </div>
        <SelectField name="locale" label={t("language")} options={languages} defaultValue={defaultLanguage} error={fieldError("locale")} className="max-w-64" />
        <CheckboxField name="ssoOnly" label={sso("ssoOnly")} hint={sso("ssoOnlyHint")} error={fieldError("ssoOnly")} />
        <div>
          <Button type="submit" disabled={pending} aria-disabled={pending}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </div>
  );
}
