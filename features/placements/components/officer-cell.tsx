import Link from "next/link";

/**
 * The row header of a placement row: the officer's name linking to the placement, the Chinese name on its own line,
 * and whatever the table adds under them (a staff number, a rank).
 */
export function PlacementOfficerCell({ placementId, name, chineseName, children }: { placementId: string; name: string; chineseName: string | null; children?: React.ReactNode }) {
  return (
    <th scope="row" className="font-medium">
      <Link href={`/placements/${placementId}`} className="text-brand-700 underline">
        {name}
      </Link>
      {chineseName && (
        <span lang="zh" className="block font-normal">
          {chineseName}
        </span>
      )}
      {children}
    </th>
  );
}
