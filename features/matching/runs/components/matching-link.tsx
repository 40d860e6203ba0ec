import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/**
 * The board's entry to /cohorts/<id>/matching: "Propose a matching" for the host side, who proposes, reviews and
 * accepts; "See matching proposals" for the sending side, who follows them (decision 110).
 */
export async function MatchingLink({ cohortId, canPropose }: { cohortId: string; canPropose: boolean }) {
  const t = await getTranslations("matchingRuns");
  return (
    <Button asChild variant="secondary">
      <Link href={`/cohorts/${cohortId}/matching`}>{canPropose ? t("proposeLink") : t("viewLink")}</Link>
    </Button>
  );
}
