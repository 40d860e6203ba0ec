"use client";

import { ConfirmAction } from "@/components/confirm-action";
import type { ActionResult } from "@/lib/action";

export interface IssuedLink {
  name: string;
  email: string;
  url: string;
  ssoOnly?: boolean;
}

/**
 * The commands that issue a new link — resend, require a new password: components/confirm-action.tsx's dialog, and
 * once done the caller shows the link once, as after an invitation.
 */
export function IssueLinkAction({
  onIssued,
  ...confirm
}: {
  triggerLabel: string;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  fields: Record<string, string>;
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<IssuedLink>>;
  /** The caller shows the link (it outlives this button, which may go once the account's state changes). */
  onIssued: (link: IssuedLink) => void;
}) {
  return <ConfirmAction {...confirm} variant="secondary" onDone={(link) => onIssued({ name: link.name, email: link.email, url: link.url })} />;
}
