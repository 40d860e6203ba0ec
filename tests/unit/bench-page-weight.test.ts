import { describe, expect, it } from "vitest";
import { scriptSources } from "@/bench/page-weight";

describe("the scripts a page's HTML makes a current browser download (bench/page-weight.ts)", () => {
  it("takes every script of the build once, and leaves out nomodule polyfills and other origins", () => {
    const html = [
      '<script src="/_next/static/chunks/polyfill.js" noModule=""></script>',
      '<script src="/_next/static/chunks/a.js" async="" nonce="x"></script>',
      '<link rel="preload" as="script" href="/_next/static/chunks/b.js">',
      '<script src="/_next/static/chunks/b.js?dpl=1&amp;v=2" async=""></script>',
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script src="https://example.com/x.js"></script>',
      "<script>self.__next_f.push([1])</script>",
    ].join("");
    expect(scriptSources(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js?dpl=1&v=2"]);
  });
});
