import { test as base, expect } from "@playwright/test";

export { expect };
export type { APIRequestContext, Browser, BrowserContext, Locator, Page } from "@playwright/test";

/**
 * The `test` every spec uses: like Playwright's, plus an automatic check that no page logged a Content-Security-Policy
 * violation (decision 035). Pages are watched twice: the `securitypolicyviolation` DOM event (registered before any
 * page script runs) and Chromium's console error, which also covers violations reported before the listener.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding("__reportCspViolation", ({ page }, text: string) => violations.push(`${page.url()}: ${text}`));
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
          report?.(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
        });
      });
      const watch = (page: import("@playwright/test").Page) =>
        page.on("console", (message) => {
          if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
        });
      context.pages().forEach(watch);
      context.on("page", watch);
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
