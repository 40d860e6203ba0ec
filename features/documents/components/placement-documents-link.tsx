import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** From a placement's page to its documents and certificate. */
export async function PlacementDocumentsLink({ placementId }: { placementId: string }) {
  const t = await getTranslations("documents");
  return (
    <p className="mt-4">
      <Link href={`/placements/${placementId}/documents`} className="text-brand-700 underline" data-testid="placement-documents-link">
        {t("title")}
      </Link>
    </p>
  );
}
