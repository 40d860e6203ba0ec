import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { webStreamFrom } from "./web-stream";

describe("webStreamFrom", () => {
  it("passes every chunk on, in order, and ends", async () => {
    const text = await new Response(webStreamFrom(Readable.from([Buffer.from("a"), "b", Buffer.from("c")]))).text();
    expect(text).toBe("abc");
  });

  it("destroys the source when cancelled, and a late chunk does not throw", async () => {
    const source = new PassThrough();
    const stream = webStreamFrom(source);
    const reader = stream.getReader();
    source.write("first");
    expect(Buffer.from((await reader.read()).value!).toString()).toBe("first");
    let uncaught: unknown = null;
    const onUncaught = (error: unknown) => (uncaught = error);
    process.on("uncaughtException", onUncaught);
    try {
      await reader.cancel();
      expect(source.destroyed).toBe(true);
      source.emit("data", Buffer.from("late")); // what Readable.toWeb turns into an uncaught ERR_INVALID_STATE
      await new Promise((resolve) => setImmediate(resolve));
      expect(uncaught).toBeNull();
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });

  it("fails the web stream when the source fails", async () => {
    const source = new Readable({ read() { this.destroy(new Error("connection lost")); } });
    await expect(new Response(webStreamFrom(source)).text()).rejects.toThrow("connection lost");
  });
});
