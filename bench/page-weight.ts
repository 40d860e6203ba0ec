// Page weight as a phone on the other side of the border downloads it: the HTML document (decompressed bytes,
// which is what the server renders and the browser parses) and the compressed bytes of every script the document
// loads (as sent to a browser that accepts Brotli and gzip). Sizes, not times: the same build gives the same numbers.
import http from "node:http";

export interface PageWeight {
  key: string;
  name: string;
  path: string;
  htmlBytes: number;
  htmlCompressedBytes: number;
  scripts: number;
  scriptCompressedBytes: number;
  /** The Content-Encoding the scripts came with (br when the server sends Brotli). */
  scriptEncoding: string;
}

const acceptEncoding = "br, gzip";

/** GET without decompressing: the bytes on the wire, and the encoding they came in. */
function getRaw(url: string, cookie?: string): Promise<{ status: number; body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { "accept-encoding": acceptEncoding, ...(cookie ? { cookie } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), encoding: String(response.headers["content-encoding"] ?? "identity") }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

async function decompressedHtml(url: string, cookie?: string): Promise<string> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

/**
 * The scripts a document loads: every <script src> of our build (Next's chunks, async and not), except `nomodule`
 * ones (the polyfills for browsers without modules, which a current browser does not download).
 */
export function scriptSources(html: string): string[] {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const sources = tags.map((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1]?.replace(/&amp;/g, "&")).filter((src): src is string => Boolean(src?.startsWith("/_next/")));
  return [...new Set(sources)];
}

export async function measurePageWeight(baseUrl: string, target: { key: string; name: string; path: string; cookie?: string }): Promise<PageWeight> {
  const html = await decompressedHtml(`${baseUrl}${target.path}`, target.cookie);
  const compressedDocument = await getRaw(`${baseUrl}${target.path}`, target.cookie);
  const sources = scriptSources(html);
  let scriptCompressedBytes = 0;
  const encodings = new Set<string>();
  for (const source of sources) {
    const script = await getRaw(`${baseUrl}${source}`);
    if (script.status !== 200) throw new Error(`${source} answered ${script.status}`);
    scriptCompressedBytes += script.body.length;
    encodings.add(script.encoding);
  }
  return {
    key: target.key,
    name: target.name,
    path: target.path,
    htmlBytes: Buffer.byteLength(html),
    htmlCompressedBytes: compressedDocument.body.length,
    scripts: sources.length,
    scriptCompressedBytes,
    scriptEncoding: [...encodings].join("+") || "none",
  };
}
