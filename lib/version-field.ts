import { z } from "zod";

// Importable by client components: no server-only imports here.

/** Edits carry the version they started from (optimistic concurrency); see lib/last-change.ts for the refusal. */
export const versionField = z.coerce.number().int().min(1);
