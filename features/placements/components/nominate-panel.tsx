import { getTranslations } from "next-intl/server";
import { PageSection } from "@/components/page-section";

/** Where the nominate button would be once the nomination deadline has passed: says so, and who can change it. */
export async function NominationsClosedNotice({ deadline }: { deadline: string }) {
  const t = await getTranslations("placements");
  return (
    <NominateSection title={t("nominateTitle")}>
      <p className="text-sm text-slate-800" data-testid="nominations-closed">
        {t("nominationsClosed", { date: deadline })}
      </p>
    </NominateSection>
  );
}

/** The board's closed-nominations section. */
function NominateSection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <PageSection id="nominate" title={title} className="mt-8 rounded border border-slate-300 bg-white p-5">
      {children}
    </PageSection>
  );
}
