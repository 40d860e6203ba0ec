import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "./request-context";

describe("clientAddressFrom", () => {
  it("uses the socket address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddressFrom({ peerAddress: "198.51.100.7", forwardedFor: "203.0.113.1" }, 0)).toBe("198.51.100.7");
    expect(clientAddressFrom({ peerAddress: "198.51.100.7", forwardedFor: "203.0.113.1, 203.0.113.2" }, 0)).toBe("198.51.100.7");
    expect(clientAddressFrom({ peerAddress: "::ffff:127.0.0.1", forwardedFor: null }, 0)).toBe("127.0.0.1");
    expect(clientAddressFrom({ peerAddress: "::1", forwardedFor: null }, 0)).toBe("::1");
  });

  it("falls back to what Next filled in from the socket when the start script's preload is absent", () => {
    expect(clientAddressFrom({ peerAddress: null, forwardedFor: "::ffff:10.0.0.9" }, 0)).toBe("10.0.0.9");
    expect(clientAddressFrom({ peerAddress: null, forwardedFor: null }, 0)).toBe("unknown");
  });

  it("takes the Nth address from the right behind N trusted proxies, whatever the client wrote further left", () => {
    const forwardedFor = "6.6.6.6, 203.0.113.9, 10.0.0.2";
    expect(clientAddressFrom({ peerAddress: "10.0.0.1", forwardedFor }, 1)).toBe("10.0.0.2");
    expect(clientAddressFrom({ peerAddress: "10.0.0.1", forwardedFor }, 2)).toBe("203.0.113.9");
    // A client rotating its own X-Forwarded-For changes only what lies left of the trusted hops.
    expect(clientAddressFrom({ peerAddress: "10.0.0.1", forwardedFor: "1.1.1.1, 203.0.113.9, 10.0.0.2" }, 2)).toBe("203.0.113.9");
  });

  it("takes the furthest address when there are fewer entries than trusted hops", () => {
    expect(clientAddressFrom({ peerAddress: "10.0.0.1", forwardedFor: "203.0.113.9" }, 2)).toBe("203.0.113.9");
    expect(clientAddressFrom({ peerAddress: "10.0.0.1", forwardedFor: null }, 1)).toBe("10.0.0.1");
  });
});
