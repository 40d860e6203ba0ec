import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { requestIdFrom } from "@/lib/request-id";

export interface RequestContext {
  requestId: string;
  ipAddress: string;
}

export const requestIdHeader = "x-request-id";

/**
 * The address of the socket a request came in on. Next hands the app the socket address only as X-Forwarded-For,
 * and only when the client sent none, so a client could choose its own address. scripts/runtime/peer-address.mjs
 * (loaded into the server by the start script) writes it into this header instead, over any value a client sent.
 */
export const peerAddressHeader = "x-exchange-desk-peer-address";

export interface AddressHeaders {
  peerAddress: string | null | undefined;
  forwardedFor: string | null | undefined;
}

/**
 * The client's address. With no trusted proxy (TRUSTED_PROXY_HOPS=0, the default) it is the socket address and
 * X-Forwarded-For is ignored: anyone can write that header. Behind N proxies that each append the address they were
 * connected from, it is the Nth address from the right of X-Forwarded-For — the one the outermost trusted proxy
 * saw; anything further left was written by the client.
 */
export function clientAddressFrom({ peerAddress, forwardedFor }: AddressHeaders, trustedProxyHops = env().TRUSTED_PROXY_HOPS): string {
  const forwarded = (forwardedFor ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  if (trustedProxyHops === 0) {
    // Without the start script's preload, the last X-Forwarded-For entry is what Next itself filled in from the
    // socket when the client sent none; the start script always provides the peer address.
    return normalizeAddress(peerAddress || forwarded.at(-1) || "unknown");
  }
  const address = forwarded.at(-trustedProxyHops) ?? forwarded[0] ?? peerAddress ?? "unknown";
  return normalizeAddress(address);
}

/** IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d; one address gets one spelling. */
function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, 100);
}

export async function getRequestContext(): Promise<RequestContext> {
  const headerList = await headers();
  return {
    // proxy.ts already replaced a malformed id; checked again for requests it does not see.
    requestId: requestIdFrom(headerList.get(requestIdHeader)),
    ipAddress: clientAddressFrom({ peerAddress: headerList.get(peerAddressHeader), forwardedFor: headerList.get("x-forwarded-for") }),
  };
}
