/**
 * A client may send its own X-Request-Id (a proxy in front of us, or a support case quoting one), and it ends up in
 * logs and the append-only audit log. Only a bounded, boring format is taken over; anything else is replaced by a
 * fresh id. No "server-only": proxy.ts uses it too.
 */
const acceptedRequestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

export function acceptedRequestId(value: string | null | undefined): string | null {
  return value && acceptedRequestIdPattern.test(value) ? value : null;
}

/** The client's id when acceptable, otherwise a new UUID. */
export function requestIdFrom(value: string | null | undefined): string {
  return acceptedRequestId(value) ?? crypto.randomUUID();
}
