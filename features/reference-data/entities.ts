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

/** The record name in audit actions: "department.update", like "officer.update" and "cohort.create" elsewhere. */
const referenceActionRecords = { jurisdictions: "jurisdiction", departments: "department", "host-units": "hostUnit", ranks: "rank", fields: "field" } as const;

export function referenceAction<Verb extends "create" | "update" | "deactivate" | "reactivate">(kind: ReferenceKind, verb: Verb) {
  return `${referenceActionRecords[kind]}.${verb}` as const;
}

/** Kinds that belong to one side (jurisdiction); the side is chosen when the record is created and never moved. */
export const sidedKinds = new Set<ReferenceKind>(["departments", "host-units", "ranks"]);

export function isReferenceKind(value: string): value is ReferenceKind {
  return (referenceKinds as readonly string[]).includes(value);
}
