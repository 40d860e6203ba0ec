// Loaded into the production Next server by scripts/start.ts (`node --import`), beside peer-address.mjs. Plain
// JavaScript: it runs before tsx.
//
// `next start` compresses with gzip only. Every browser the app supports accepts Brotli, which at its best quality
// makes the framework's scripts about 13 % smaller than gzip, and the files under /_next/static never change (their
// names carry a content hash). So each script and style sheet of the build is compressed once, when the app is
// built (`npm run build` runs precompress-build.mjs; about 4 s of CPU; each result is kept beside its file as
// `<name>.br`, so the server's start only reads them — a build made by a bare `next build` is compressed at the first
// start instead), and a GET that accepts `br` is answered from memory (about 0.3 MB). Anything else (HEAD, a client
// without Brotli, a path that is not a file of the build) goes to Next as before. Decision 053; nginx's
// `brotli_static` does the same in front of a server.
import http from "node:http";
import { compressBuild, staticBrotliHandler, staticRootOf } from "./brotli-build.mjs";

const serve = staticBrotliHandler(compressBuild(staticRootOf()));
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithStaticBrotli(event, ...args) {
  if (event === "request" && serve(args[0], args[1])) return true;
  return emit.call(this, event, ...args);
};
