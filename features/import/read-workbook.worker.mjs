// Reads an XLSX workbook with exceljs in a worker thread, so that its parse — seconds of CPU for a 10,000-row file
// on a busy machine — does not hold the server's event loop. Plain JavaScript run by Node itself (not bundled):
// parse.ts starts it by path with the bytes, which workbook-limits.ts has already checked, and a memory ceiling.
// Answers with the chosen sheet's rows as exceljs's cell values; turning them into text stays in parse.ts.
import { parentPort, workerData } from "node:worker_threads";
import ExcelJS from "exceljs";

async function readWorkbook({ bytes, officerSheetNames }) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return { ok: false };
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) return { ok: false };
  // The template keeps officers on a sheet of that name, next to sheets that document the codes.
  const sheet = sheets.find((candidate) => officerSheetNames.includes(candidate.name.trim().toLowerCase())) ?? sheets[0];
  const rows = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => rows.push({ rowNumber, values: row.values.slice(1) }));
  return { ok: true, rows };
}

parentPort.postMessage(await readWorkbook(workerData));
