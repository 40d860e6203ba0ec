export interface OfficerNameParts {
  surname: string;
  givenName: string;
  otherName: string | null;
  /** The officer's side; mainland officers are written in mainland style. Unknown → Hong Kong style. */
  jurisdiction?: { kind: "SAR" | "MAINLAND_CITY" | "PROVINCE" } | null;
}

/**
 * Hong Kong formal style puts the surname in capitals and the other name after a comma ("CHAN Tai-man, Peter");
 * mainland style is surname then given name in pinyin as written ("Cheng Buyi"), with an other name after a comma.
 */
export function formatOfficerName(officer: OfficerNameParts): string {
  const isMainland = officer.jurisdiction != null && officer.jurisdiction.kind !== "SAR";
  const base = isMainland ? `${officer.surname} ${officer.givenName}` : `${officer.surname.toUpperCase()} ${officer.givenName}`;
  return officer.otherName ? `${base}, ${officer.otherName}` : base;
}
