/** "CHAN Tai-man, Peter": Hong Kong formal style, surname in capitals, other name after a comma. */
export function formatOfficerName(officer: { surname: string; givenName: string; otherName: string | null }): string {
  const base = `${officer.surname.toUpperCase()} ${officer.givenName}`;
  return officer.otherName ? `${base}, ${officer.otherName}` : base;
}
