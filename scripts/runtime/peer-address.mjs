// Loaded into the Next server process by scripts/start.ts (`node --import`). Plain JavaScript: it runs before tsx.
//
// Next 16 hands a request's socket address to the app only as X-Forwarded-For, and only when the client sent no
// such header (`??=` in next/dist/server/base-server.js), so a client could pick the address that sign-in
// throttling counts and the audit log records. This writes the socket address into a header of our own on every
// request, over any value the client sent; lib/request-context.ts reads it (decision 032).
import http from "node:http";

const peerAddressHeader = "x-exchange-desk-peer-address";
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithPeerAddress(event, ...args) {
  if (event === "request") {
    const [request] = args;
    request.headers[peerAddressHeader] = request.socket?.remoteAddress ?? "";
  }
  return emit.call(this, event, ...args);
};
