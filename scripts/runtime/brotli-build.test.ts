import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript module (it runs before tsx), without type declarations
import { compressBuild } from "./brotli-build.mjs";

// Decision 053: `npm run build` compresses the build's scripts and style sheets once (precompress-build.mjs), and the
// server's start only reads the `.br` files it left.
const projects: string[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) rmSync(project, { recursive: true, force: true });
});

function fakeBuild() {
  const project = mkdtempSync(path.join(os.tmpdir(), "brotli-build-"));
  projects.push(project);
  const chunks = path.join(project, "build", "static", "chunks");
  mkdirSync(chunks, { recursive: true });
  writeFileSync(path.join(chunks, "app.js"), "console.log('exchange desk');\n".repeat(200));
  writeFileSync(path.join(project, "build", "static", "style.css"), "body { color: black; }\n".repeat(50));
  writeFileSync(path.join(chunks, "font.woff2"), "not compressed");
  return { project, chunks, staticRoot: path.join(project, "build", "static") };
}

describe("the build's Brotli step", () => {
  it("writes a .br beside each script and style sheet at build time, which a start then reads instead of compressing again", () => {
    const { project, chunks, staticRoot } = fakeBuild();
    const output = execFileSync(process.execPath, [path.join(import.meta.dirname, "precompress-build.mjs")], { cwd: project, env: { ...process.env, NEXT_DIST_DIR: "build" }, encoding: "utf8" });
    expect(output).toMatch(/^Brotli: 2 scripts and style sheets/);
    const script = path.join(chunks, "app.js");
    expect(zlib.brotliDecompressSync(readFileSync(`${script}.br`)).toString()).toBe(readFileSync(script, "utf8"));
    expect(statSync(path.join(staticRoot, "style.css.br")).size).toBeGreaterThan(0);
    expect(() => statSync(path.join(chunks, "font.woff2.br"))).toThrow();

    // A start after the build serves the stored bytes: marked so that recompressing would be noticed.
    const marker = Buffer.from("stored at build time");
    writeFileSync(`${script}.br`, marker);
    const later = new Date(Date.now() + 60_000);
    utimesSync(`${script}.br`, later, later);
    const files: Map<string, Buffer> = compressBuild(staticRoot);
    expect(files.get("chunks/app.js")?.equals(marker)).toBe(true);
    expect([...files.keys()].sort()).toEqual(["chunks/app.js", "style.css"]);
  });

  it("fails with a clear line when there is no build", () => {
    const project = mkdtempSync(path.join(os.tmpdir(), "brotli-build-"));
    projects.push(project);
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [path.join(import.meta.dirname, "precompress-build.mjs")], { cwd: project, env: { ...process.env, NEXT_DIST_DIR: "" }, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain("No build to compress");
  });
});
