// The Brotli files of a build, shared by the build step (precompress-build.mjs, run by `npm run build`) and the
// production server's preload (static-brotli.mjs). Plain JavaScript: both run before tsx. Decision 053.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const prefix = "/_next/static/";
const types = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8" };

/**
 * URL path under /_next/static/ → Brotli bytes, for every script and style sheet of the build. Each is compressed
 * once and kept beside the file as `<name>.br`; a later call (the server's start) only reads those.
 */
export function compressBuild(staticRoot) {
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

/** The build's static folder: NEXT_DIST_DIR is Next's own build-folder setting (next.config.ts reads it the same way). */
export function staticRootOf(projectRoot = process.cwd()) {
  return path.resolve(projectRoot, process.env.NEXT_DIST_DIR || ".next", "static");
}
