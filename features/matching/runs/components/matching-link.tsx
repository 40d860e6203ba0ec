import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * The board's entry to /cohorts/<id>/matching: "Propose a matching" for the host side, who proposes, reviews and
 * accepts; "See matching proposals" for the sending side, who follows them (decision 110). A plain link rather than
 * a button: the board's HTML has a 64 kB budget (tests/e2e/board.spec.ts) and a button's classes cost ~300 bytes.
 * Not prefetched, like the board's other links (decision 116). The matching settings are linked from the matching page.
 */
export async function MatchingLink({ cohortId, canPropose }: { cohortId: string; canPropose: boolean }) {
  const t = await getTranslations("matchingRuns");
  return (
    <Link href={`/cohorts/${cohortId}/matching`} prefetch={false} className="text-brand-700 underline">
      {canPropose ? t("proposeLink") : t("viewLink")}
    </Link>
  );
}
