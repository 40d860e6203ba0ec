// `npm run build`'s last step: compresses the build's scripts and style sheets with Brotli at its best quality once,
// beside each file as `<name>.br`, so the production server's first start does not spend seconds of CPU on it
// (decision 053). Plain JavaScript, run by node after `next build`.
import { compressBuild, staticRootOf } from "./brotli-build.mjs";

const started = performance.now();
const files = compressBuild(staticRootOf());
if (files.size === 0) {
  console.error(`No build to compress in ${staticRootOf()}: run \`next build\` first.`);
  process.exit(1);
}
const bytes = [...files.values()].reduce((sum, body) => sum + body.length, 0);
console.log(`Brotli: ${files.size} scripts and style sheets, ${(bytes / 1024).toFixed(0)} kB, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
