import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { PageSection } from "@/components/page-section";
import { isAllowed, type Actor, type Resource } from "@/lib/authorization";
import { findOfficerForInvitation, officerHasAccount } from "../queries";
import { InviteCohortOfficers, OfficerAccount } from "./invite-officers";

/** The officer record's "Account" section: invite the officer to sign in, for whoever may (their side's coordinator). */
export async function OfficerAccountSection({ actor, officerId }: { actor: Actor; officerId: string }) {
  const officer = await findOfficerForInvitation(officerId);
  if (!officer?.active || !isAllowed(actor, "user:invite", { kind: "officer", id: officer.id, jurisdictionId: officer.jurisdictionId })) return null;
  const [t, hasAccount] = await Promise.all([getTranslations("accounts.detail"), officerHasAccount(officer.id)]);
  return (
    <PageSection id="account" title={t("account")} className="rounded border border-slate-300 bg-white p-5">
      <ClientMessages namespaces={["accounts.officer", "accounts.issued"]}>
        <OfficerAccount officerId={officer.id} email={officer.workEmail} hasAccount={hasAccount} />
      </ClientMessages>
    </PageSection>
  );
}

/** The cohort page's one link to its officers' accounts page (the board's HTML is budgeted: no form here). */
export async function CohortInviteLink({ actor, cohortId, sides }: { actor: Actor; cohortId: string; sides: Resource }) {
  if (!isAllowed(actor, "user:invite", sides)) return null;
  const t = await getTranslations("accounts.cohort");
  return (
    <p className="mt-6">
      <Link href={`/cohorts/${cohortId}/accounts`} className="font-semibold text-brand-700 underline">
        {t("title")}
      </Link>
    </p>
  );
}

/** The invite-all section, for a cohort's sending side's coordinators (and admins). */
export async function CohortInviteSection({ actor, cohortId, sides }: { actor: Actor; cohortId: string; sides: Resource }) {
  if (!isAllowed(actor, "user:invite", sides)) return null;
  const t = await getTranslations("accounts");
  return (
    <PageSection id="cohort-accounts" title={t("cohort.title")} className="mt-8 rounded border border-slate-300 bg-white p-5">
      <ClientMessages namespaces={["accounts.cohort"]}>
        <InviteCohortOfficers cohortId={cohortId} />
      </ClientMessages>
    </PageSection>
  );
}
