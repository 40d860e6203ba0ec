import type { Readable } from "node:stream";

/**
 * A Node readable as a web ReadableStream (a Response body), read only when the client asks for more. Not
 * `Readable.toWeb`: it keeps pushing "data" into a stream the client has already cancelled, which throws an uncaught
 * ERR_INVALID_STATE and takes the server down (nodejs/node#64529) — a download cancelled at the wrong moment.
 * Cancelling destroys the source.
 */
export function webStreamFrom(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (cancelled) return;
      if (done) controller.close();
      else controller.enqueue(typeof value === "string" ? Buffer.from(value) : value);
    },
    async cancel() {
      cancelled = true;
      source.destroy();
      await chunks.return?.();
    },
  });
}
