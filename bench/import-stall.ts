/**
 * How long reading an XLSX import holds the event loop (not a test: timings vary by machine).
 *   node --import tsx bench/import-stall.ts
 * For each case, three parses run at once (as three uploads would) while perf_hooks' monitorEventLoopDelay watches
 * the loop; prints wall time, the longest and the 99th-percentile loop delay, and the growth of resident memory.
 *   - "bomb, exceljs directly": what the import did before its limits (a ≈ 150 MiB sheet in a few hundred KB);
 *   - "bomb, parseImportFile": the same file through the import's reader, refused by the limits;
 *   - "10,000 rows, parseImportFile": the largest file the import accepts, read in full.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { buildBombWorkbook } from "../tests/factories/workbooks.ts";
import { parseImportFile } from "../features/import/parse.ts";

async function measure(label: string, run: () => Promise<unknown>) {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const start = performance.now();
  const results = await Promise.all([run(), run(), run()]);
  const wall = performance.now() - start;
  histogram.disable();
  clearInterval(sampler);
  const ms = (nanoseconds: number) => (nanoseconds / 1e6).toFixed(0).padStart(6);
  console.log(
    `${label.padEnd(34)} wall ${wall.toFixed(0).padStart(6)} ms · loop delay max ${ms(histogram.max)} ms, p99 ${ms(histogram.percentile(99))} ms · ` +
      `memory +${((rssPeak - rssBefore) / 1024 / 1024).toFixed(0)} MB · ${JSON.stringify(results[0]).slice(0, 70)}`,
  );
}

async function tenThousandRows(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Officers");
  sheet.addRow(["Staff number", "Surname", "Given name", "Other name", "Chinese name", "Rank code", "Department code", "Field codes", "Work email"]);
  for (let index = 0; index < 10_000; index++) {
    sheet.addRow([`HK${700000 + index}`, `Chan${index}`, "Tai-man", "Peter", "陳大文", "STP", "PLAND", "URBAN_PLANNING; TRANSPORT", `officer${index}@example.gov.hk`]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const bomb = buildBombWorkbook({ rows: 10_000, cellBytes: 15_000 });
const large = await tenThousandRows();
console.log(`bomb: ${(bomb.byteLength / 1024).toFixed(0)} KB on disk, ≈ ${((10_000 * 15_000) / 1024 / 1024).toFixed(0)} MiB inflated; 10,000 rows: ${(large.byteLength / 1024).toFixed(0)} KB`);
const summary = (result: Awaited<ReturnType<typeof parseImportFile>>) => (result.ok ? { rows: result.sheet.rows.length } : result.problem);

await measure("bomb, parseImportFile", async () => summary(await parseImportFile(bomb, "bomb.xlsx")));
await measure("10,000 rows, parseImportFile", async () => summary(await parseImportFile(large, "large.xlsx")));
if (!process.argv.includes("--skip-unbounded")) {
  await measure("bomb, exceljs directly (before)", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bomb) as unknown as ArrayBuffer);
    return { rows: workbook.worksheets[0].rowCount };
  });
}
