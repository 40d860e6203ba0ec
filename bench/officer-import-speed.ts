/**
 * Speed of the officer import at the size the issue names (not a test: timings vary by machine).
 *   node --conditions=react-server --import tsx bench/officer-import-speed.ts --rows 5000
 * Imports a CSV of new officers (preview, then commit), then the same staff numbers with every row changed
 * (an update of each officer), then the same file again (nothing to change), and prints each step's time.
 */
import { parseArgs } from "node:util";
import { elapsedSince, withBenchDatabase } from "./database.ts";

const { values: options } = parseArgs({ options: { rows: { type: "string", default: "5000" } } });
const rowCount = Number(options.rows);

await withBenchDatabase(async () => {
  const { db } = await import("@/lib/db");
  const { createTwoSidedWorld } = await import("../tests/factories/index.ts");
  const { commitOfficerImport, previewOfficerImport, sha256Of } = await import("../features/import/officer-import.ts");
  const world = await createTwoSidedWorld(db);
  const actor = {
    userId: world.hkCoordinator.id,
    email: world.hkCoordinator.email,
    name: world.hkCoordinator.name,
    role: world.hkCoordinator.role,
    jurisdictionId: world.hk.id,
    officerId: null,
    hostUnitId: null,
  };
  const request = { requestId: "bench", ipAddress: "127.0.0.1" };
  const csv = (surname: string) => {
    const lines = ["Staff number,Surname,Given name,Other name,Chinese name,Rank code,Department code,Field codes,Work email"];
    for (let index = 0; index < rowCount; index++) {
      lines.push(`HK${700000 + index},${surname}${index},Tai-man,Peter,陳大文,STP,PLAND,${world.field.code},officer${index}@example.gov.hk`);
    }
    return { name: "bench.csv", bytes: new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`) };
  };
  const step = async (label: string, file: { name: string; bytes: Uint8Array }) => {
    let start = process.hrtime.bigint();
    const preview = await previewOfficerImport(actor, file);
    const previewTime = elapsedSince(start);
    start = process.hrtime.bigint();
    const result = await commitOfficerImport(actor, request, file, sha256Of(file.bytes));
    console.log(
      `${label.padEnd(28)} ${String(rowCount).padStart(6)} rows · preview ${previewTime.padStart(8)} · commit ${elapsedSince(start).padStart(8)} · ` +
        `created ${result.counts.create}, updated ${result.counts.update}, unchanged ${result.counts.unchanged} (preview errors: ${preview.errorCount})`,
    );
  };
  console.log(`Officer import bench (${(csv("Chan").bytes.byteLength / 1024).toFixed(0)} KiB CSV)`);
  await step("new officers", csv("Chan"));
  await step("every officer changed", csv("Wong"));
  await step("same file again", csv("Wong"));
  console.log(`officers in the database: ${await db.officer.count()}, audit entries: ${await db.auditLog.count()}`);
});
