import { env } from "@/lib/env";

type Level = "debug" | "info" | "warn" | "error";

const threshold: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function serializeError(error: unknown) {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}

/** JSON lines on stdout/stderr, one object per event, so logs can be shipped and searched by request id. */
function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (threshold[level] < threshold[env().LOG_LEVEL]) return;
  const { error, ...rest } = fields;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...rest, ...(error ? { error: serializeError(error) } : {}) });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
