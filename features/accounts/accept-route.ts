import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import type { Translate } from "@/lib/route";
import { issueMessageKey } from "@/lib/validation-messages";
import { acceptInvitation } from "./mutations";
import { checkNewPassword } from "./password-policy";
import { acceptInvitationSchema } from "./schemas";

/**
 * POST /api/invitations/accept — public (the link's token is the authority). Sets the password; the page then signs
 * in with it through the usual credentials sign-in, so there is one way to start a session (decision 081).
 * A refused field answers 400 with `{ error, fieldErrors }`; a refused link 4xx with `{ error }` (lib/route.ts).
 */
export async function handleAcceptInvitation(request: NextRequest, context: { request: RequestContext; t: Translate }): Promise<Response> {
  const { t } = context;
  const raw = await request.json().catch(() => null);
  const parsed = acceptInvitationSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const { key, values } = issueMessageKey(issue);
      fieldErrors[issue.path.join(".") || "_form"] ??= t(`errors.${key}`, values);
    }
    return NextResponse.json({ error: t("errors.checkFields"), fieldErrors }, { status: 400 });
  }
  try {
    const result = await acceptInvitation(context.request, parsed.data, (person) => checkNewPassword(parsed.data.password, person, (key, values) => t(`errors.${key}`, values)));
    return NextResponse.json({ email: result.email });
  } catch (error) {
    if (error instanceof AppError && error.messageKey === "passwordRejected") {
      const message = t("errors.passwordRejected", { reason: String(error.values.reason ?? "") });
      return NextResponse.json({ error: message, fieldErrors: { password: message } }, { status: 400 });
    }
    throw error;
  }
}
