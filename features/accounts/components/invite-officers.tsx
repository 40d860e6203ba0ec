"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DataTable } from "@/components/data-table";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { inviteCohortOfficersAction, inviteOfficerAction } from "../actions";
import type { OfficerInvitationResult } from "../mutations";
import { IssuedLinkPanel } from "./issued-link-panel";

/**
 * On an officer's record: create their account and send the link; the link is shown once here too. One component
 * for both states, so that the refresh which turns "no account" into "has an account" keeps the link on screen.
 */
export function OfficerAccount({ officerId, email, hasAccount }: { officerId: string; email: string; hasAccount: boolean }) {
  const t = useTranslations("accounts.officer");
  const router = useRouter();
  const [issued, setIssued] = useState<OfficerInvitationResult | null>(null);
  const { formRef, onSubmit, pending, formError } = useActionForm(inviteOfficerAction, (result) => {
    setIssued(result);
    router.refresh();
  });
  return (
    <div className="flex flex-col gap-3">
      {issued?.url && <IssuedLinkPanel name={issued.name} email={email} url={issued.url} />}
      {hasAccount ? (
        <p data-testid="officer-has-account">{t("hasAccount")}</p>
      ) : (
        <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-2" data-testid="invite-officer-form">
          <FormMessage message={formError} />
          <input type="hidden" name="officerId" value={officerId} />
          <p className="text-sm text-slate-700">{t("inviteHint")}</p>
          <div>
            <Button type="submit" disabled={pending} aria-disabled={pending}>
              {t("invite")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

/** On a cohort: every placed officer without an account, with what happened to each row (and its link, once). */
export function InviteCohortOfficers({ cohortId }: { cohortId: string }) {
  const t = useTranslations("accounts.cohort");
  const [results, setResults] = useState<OfficerInvitationResult[] | null>(null);
  const { formRef, onSubmit, pending, formError } = useActionForm(inviteCohortOfficersAction, setResults);
  return (
    <div className="flex flex-col gap-3">
      <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-2" data-testid="invite-cohort-form">
        <FormMessage message={formError} />
        <input type="hidden" name="cohortId" value={cohortId} />
        <p className="text-sm text-slate-700">{t("inviteHint")}</p>
        <div>
          <Button type="submit" variant="secondary" disabled={pending} aria-disabled={pending}>
            {t("invite")}
          </Button>
        </div>
      </form>
      {results &&
        (results.length === 0 ? (
          <p>{t("noOfficers")}</p>
        ) : (
          <DataTable
            caption={t("resultsCaption")}
            cardLabels={[null, t("result"), t("link")]}
            headers={
              <>
                <th scope="col">{t("officer")}</th>
                <th scope="col">{t("result")}</th>
                <th scope="col">{t("link")}</th>
              </>
            }
          >
            {results.map((row) => (
              <tr key={row.officerId} className="border-t border-slate-200" data-testid="invite-result" data-outcome={row.outcome}>
                <th scope="row" className="font-medium">
                  {row.name}
                </th>
                <td>{t(`outcomes.${row.outcome}`)}</td>
                <td className="break-all font-mono text-xs">{row.url ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        ))}
    </div>
  );
}
