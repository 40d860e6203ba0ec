import type { Messages } from "./messages";

/**
 * The catalog entries the root layout gives to every page's client components. Everything in it travels in every
 * page's RSC payload (the full catalogs were 39 kB of the sign-in page's 49 kB), so it holds only what client
 * components outside an island of their own read. A client component whose page can wrap it gets its namespaces
 * from `<ClientMessages>` (components/client-messages.tsx) instead, e.g. the placement and cohort forms.
 * messages/client-messages.test.ts checks that every namespace a client component reads is delivered one way or
 * the other.
 */
export const sharedClientMessages = [
  // app/error.tsx
  "common.backToHome",
  "common.requestId",
  "errors.errorTitle",
  "errors.errorBody",
  "errors.retry",
  // components/forms/use-action-form.ts
  "errors.formTooLarge",
  "errors.formNotSent",
];

/** The entries at these paths ("cohorts", "schedule.form", "errors.retry"), in the catalogs' shape. */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let source: unknown = messages;
    for (const key of keys) source = source && typeof source === "object" ? (source as Messages)[key] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Messages;
    target[keys.at(-1)!] = source;
  }
  return picked;
}
