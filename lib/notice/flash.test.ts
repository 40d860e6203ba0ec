import { describe, expect, it } from "vitest";
import { decodeFlash, encodeFlash } from "./flash";

describe("flash notice cookie", () => {
  it("round-trips a message in any script", () => {
    const notice = { id: "a1", message: "WONG Siu-ming 已獲接收方批准 — 現為「已確認」。" };
    expect(decodeFlash(encodeFlash(notice))).toEqual(notice);
  });

  it("ignores a missing, malformed or tampered value instead of failing the page", () => {
    expect(decodeFlash(undefined)).toBeNull();
    expect(decodeFlash("%E0%A4%A")).toBeNull();
    expect(decodeFlash(encodeURIComponent("[1,2]"))).toBeNull();
    expect(decodeFlash(encodeURIComponent(JSON.stringify({ id: 1, message: "x" })))).toBeNull();
    expect(decodeFlash(encodeURIComponent(JSON.stringify({ id: "x", message: "" })))).toBeNull();
  });
});
