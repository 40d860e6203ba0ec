// Apart from schemas.ts so that the client components that write pairs do not load zod and build the schemas when
// they are first rendered (a V8 profile of "Propose" in the browser put that at about 25 ms; decision 118).

/** A pair as a checkbox sends it: "<placementId>:<hostUnitId>". */
export const pairValue = (placementId: string, hostUnitId: string) => `${placementId}:${hostUnitId}`;
