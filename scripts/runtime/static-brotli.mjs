// Loaded into the production Next server by scripts/start.ts (`node --import`), beside peer-address.mjs. Plain
// JavaScript: it runs before tsx.
//
// `next start` compresses with gzip only. Every browser the app supports accepts Brotli, which at its best quality
// makes the framework's scripts about 13 % smaller than gzip, and the files under /_next/static never change (their
// names carry a content hash). So each script and style sheet of the build is compressed once, when the server
// starts after a build (about 4 s of CPU; the result is kept beside the file as `<name>.br`, so later starts only
// read it), and a GET that accepts `br` is answered from memory (about 0.3 MB). Anything else (HEAD, a client
// without Brotli, a path that is not a file of the build) goes to Next as before. Decision 053; nginx's
// `brotli_static` does the same in front of a server.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";

const prefix = "/_next/static/";
const types = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8" };

/** URL path under /_next/static/ → Brotli bytes, for every script and style sheet of the build. */
function compressBuild(staticRoot) {
  const files = new Map();
  if (!existsSync(staticRoot)) return files;
  const visit = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const file = path.join(directory, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (types[path.extname(entry.name)]) files.set(path.relative(staticRoot, file).split(path.sep).join("/"), brotliOf(file));
    }
  };
  visit(staticRoot);
  return files;
}

function brotliOf(file) {
  const cached = `${file}.br`;
  if (existsSync(cached) && statSync(cached).mtimeMs >= statSync(file).mtimeMs) return readFileSync(cached);
  const source = readFileSync(file);
  const compressed = zlib.brotliCompressSync(source, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length },
  });
  try {
    writeFileSync(cached, compressed);
  } catch {
    // A read-only build folder: compress again at the next start.
  }
  return compressed;
}

/** Whether an Accept-Encoding header accepts `br` (and does not refuse it with q=0). */
export function acceptsBrotli(header) {
  if (typeof header !== "string") return false;
  return header.split(",").some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "br") return false;
    const quality = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith("q="));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}

/** A request handler step: answers a GET for a compressed file and returns true, or returns false to let Next answer. */
export function staticBrotliHandler(files) {
  return (request, response) => {
    if (request.method !== "GET" || !request.url?.startsWith(prefix)) return false;
    const urlPath = request.url.split("?")[0];
    const body = files.get(urlPath.slice(prefix.length));
    if (!body || !acceptsBrotli(request.headers["accept-encoding"])) return false;
    response.writeHead(200, {
      "Content-Type": types[path.extname(urlPath)],
      "Content-Encoding": "br",
      "Content-Length": body.length,
      "Cache-Control": "public, max-age=31536000, immutable",
      Vary: "Accept-Encoding",
      "X-Content-Type-Options": "nosniff",
    });
    response.end(body);
    return true;
  };
}

// NEXT_DIST_DIR is Next's own build-folder setting (next.config.ts reads it the same way), not the app's configuration.
const serve = staticBrotliHandler(compressBuild(path.resolve(process.env.NEXT_DIST_DIR || ".next", "static")));
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithStaticBrotli(event, ...args) {
  if (event === "request" && serve(args[0], args[1])) return true;
  return emit.call(this, event, ...args);
};
