import { describe, expect, it } from "vitest";
import { pickMessages } from "./client-messages";

const messages = { common: { appName: "Exchange Desk", signOut: "Sign out" }, schedule: { form: { title: "Item" }, feed: { title: "Feed" } }, errors: { retry: "Try again" } };

describe("pickMessages", () => {
  it("keeps whole namespaces, nested groups and single keys, in the catalogs' shape", () => {
    expect(pickMessages(messages, ["common", "schedule.form", "errors.retry"])).toEqual({
      common: { appName: "Exchange Desk", signOut: "Sign out" },
      schedule: { form: { title: "Item" } },
      errors: { retry: "Try again" },
    });
  });

  it("merges paths below the same namespace and skips paths that do not exist", () => {
    expect(pickMessages(messages, ["schedule.form", "schedule.feed", "nothing", "common.nothing"])).toEqual({ schedule: { form: { title: "Item" }, feed: { title: "Feed" } } });
  });
});
