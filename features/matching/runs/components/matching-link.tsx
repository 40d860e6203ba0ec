import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/** The board's entry to matching for the host side: propose, review and accept on /cohorts/<id>/matching. */
export async function MatchingLink({ cohortId }: { cohortId: string }) {
  const t = await getTranslations("matchingRuns");
  return (
    <Button asChild variant="secondary">
      <Link href={`/cohorts/${cohortId}/matching`}>{t("proposeLink")}</Link>
    </Button>
  );
}
