// The reference data an admin maintains, the URL segment of each kind and the entity type its audit entries carry.
export const referenceKinds = ["jurisdictions", "departments", "host-units", "ranks", "fields"] as const;
export type ReferenceKind = (typeof referenceKinds)[number];

export const hostUnitEntityType = "HostUnit";

export const referenceEntityTypes: Record<ReferenceKind, string> = {
  jurisdictions: "Jurisdiction",
  departments: "Department",
  "host-units": hostUnitEntityType,
  ranks: "Rank",
  fields: "Field",
};

/** Audit actions read "department.update", like "officer.update" and "cohort.create" elsewhere. */
export function referenceAction(kind: ReferenceKind, verb: string): string {
  const type = referenceEntityTypes[kind];
  return `${type[0].toLowerCase()}${type.slice(1)}.${verb}`;
}

/** Kinds that belong to one side (jurisdiction); the side is chosen when the record is created and never moved. */
export const sidedKinds = new Set<ReferenceKind>(["departments", "host-units", "ranks"]);

export function isReferenceKind(value: string): value is ReferenceKind {
  return (referenceKinds as readonly string[]).includes(value);
}
