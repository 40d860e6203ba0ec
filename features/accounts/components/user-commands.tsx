"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import { IssueLinkAction, type IssuedLink } from "./issue-link-action";
import { IssuedLinkPanel } from "./issued-link-panel";
import { requireNewPasswordAction, resendInvitationAction, revokeInvitationAction, setUserActiveAction, unlockUserAction } from "../actions";

export interface UserCommandState {
  id: string;
  name: string;
  version: number;
  active: boolean;
  locked: boolean;
  hasPassword: boolean;
  /** Not signed in yet: no password chosen, or an SSO-only account's first sign-in still to come. */
  invited: boolean;
  invitationOpen: boolean;
  isSelf: boolean;
}

/** The account's buttons, each asking first; each is offered only when it can apply. */
export function UserCommands({ user }: { user: UserCommandState }) {
  const t = useTranslations("accounts.detail");
  const common = { cancelLabel: t("cancel"), confirmLabel: t("confirm") };
  const versioned = { id: user.id, version: String(user.version) };
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  return (
    <div className="flex flex-col gap-4">
    {issued && <IssuedLinkPanel {...issued} />}
    <div className="flex flex-wrap gap-3" data-testid="user-commands">
      {!user.isSelf &&
        (user.active ? (
          <ConfirmAction
            {...common}
            triggerLabel={t("deactivate")}
            title={t("deactivateTitle", { name: user.name })}
            body={t("deactivateBody")}
            fields={{ ...versioned, active: "false" }}
            action={setUserActiveAction}
          />
        ) : (
          <ConfirmAction
            {...common}
            variant="secondary"
            triggerLabel={t("reactivate")}
            title={t("reactivateTitle", { name: user.name })}
            body={t("reactivateBody")}
            fields={{ ...versioned, active: "true" }}
            action={setUserActiveAction}
          />
        ))}
      {user.locked && (
        <ConfirmAction {...common} variant="secondary" triggerLabel={t("unlock")} title={t("unlockTitle", { name: user.name })} body={t("unlockBody")} fields={{ id: user.id }} action={unlockUserAction} />
      )}
      {!user.isSelf && user.active && user.hasPassword && (
        <IssueLinkAction
          {...common}
          triggerLabel={t("requireNewPassword")}
          title={t("requireTitle", { name: user.name })}
          body={t("requireBody")}
          fields={versioned}
          action={requireNewPasswordAction}
          onIssued={setIssued}
        />
      )}
      {user.active && user.invited && (
        <IssueLinkAction {...common} triggerLabel={t("resend")} title={t("resendTitle", { name: user.name })} body={t("resendBody")} fields={{ id: user.id }} action={resendInvitationAction} onIssued={setIssued} />
      )}
      {user.invitationOpen && (
        <ConfirmAction {...common} triggerLabel={t("revoke")} title={t("revokeTitle", { name: user.name })} body={t("revokeBody")} fields={{ id: user.id }} action={revokeInvitationAction} />
      )}
    </div>
    </div>
  );
}
