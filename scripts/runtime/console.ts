import { EmbeddedDatabaseError } from "../db/embedded.ts";
import { ConfigurationError } from "./config.ts";

/** Prints a clear one-line reason and exits; a raw stack trace only for errors we did not anticipate. */
export function fail(reason: unknown): never {
  if (typeof reason === "string") {
    console.error(`✖ ${reason}`);
  } else if (reason instanceof ConfigurationError || reason instanceof EmbeddedDatabaseError) {
    console.error(`✖ ${reason.message}`);
  } else if (reason instanceof Error && /ECONNREFUSED|ENOTFOUND|password authentication failed|does not exist|P1001|timeout/i.test(`${reason.message} ${(reason as { code?: string }).code ?? ""}`)) {
    console.error(`✖ Cannot reach the database given by DATABASE_URL (${redactUrl(process.env.DATABASE_URL)}): ${reason.message}`);
  } else {
    console.error("✖ Unexpected error:", reason);
  }
  process.exit(1);
}

export function redactUrl(url: string | undefined): string {
  if (!url) return "(not set)";
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "(not a valid URL)";
  }
}
