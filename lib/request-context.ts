import "server-only";
import { headers } from "next/headers";
import { requestIdFrom } from "@/lib/request-id";

export interface RequestContext {
  requestId: string;
  ipAddress: string;
}

export const requestIdHeader = "x-request-id";

/** proxy.ts stamps every request with an id; the client address is the hop nearest to us in X-Forwarded-For. */
export function clientAddressFrom(forwardedFor: string | null | undefined, realIp?: string | null): string {
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  return hops.at(-1) ?? realIp ?? "unknown";
}

export async function getRequestContext(): Promise<RequestContext> {
  const headerList = await headers();
  return {
    // proxy.ts already replaced a malformed id; checked again for requests it does not see.
    requestId: requestIdFrom(headerList.get(requestIdHeader)),
    ipAddress: clientAddressFrom(headerList.get("x-forwarded-for"), headerList.get("x-real-ip")),
  };
}
