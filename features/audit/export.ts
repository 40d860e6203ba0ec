import "server-only";
import { Readable, pipeline } from "node:stream";
import { stringify } from "csv-stringify";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { todayInHongKong } from "@/lib/dates";
import { logger } from "@/lib/logger";
import type { RequestContext } from "@/lib/request-context";
import { webStreamFrom } from "@/lib/web-stream";
import { countAuditEntries, streamAuditEntries } from "./queries";
import { presentAuditEntries, type ChangeLine, type PresentedEntry, type ReaderContext } from "./presentation";
import type { AuditListParams } from "./schemas";

const columns = ["time", "actor", "actorEmail", "action", "recordType", "record", "changes", "ipAddress", "requestId"] as const;

const values = (list: ChangeLine["after"]) => (list ?? []).map((value) => value.text).join(", ");

/** "Host unit: Sham Shui Po District Office → Kwun Tong District Office", one change a line. */
function changesText(changes: ChangeLine[]): string {
  return changes
    .map((change) => `${change.label}: ${change.before ? values(change.before) : ""}${change.before && change.after ? " → " : ""}${change.after ? values(change.after) : ""}`)
    .join("\n");
}

function csvRecord(entry: PresentedEntry): Record<(typeof columns)[number], string> {
  return {
    time: entry.time,
    actor: entry.actorName,
    actorEmail: entry.actorEmail ?? "",
    action: entry.actionLabel,
    recordType: entry.recordType,
    record: entry.record?.text ?? "",
    changes: changesText(entry.changes),
    ipAddress: entry.ipAddress ?? "",
    requestId: entry.requestId ?? "",
  };
}

/** The filters an export was made with, as the audit entry of the export keeps them. */
function filtersOf(params: AuditListParams): Record<string, string> {
  const { page: _page, ...filters } = params;
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
}

export interface AuditExport {
  filename: string;
  rowCount: number;
  stream: ReadableStream<Uint8Array>;
}

/**
 * The filtered audit log as CSV in the reader's language, as the page shows it (names, labels, Hong Kong times),
 * streamed batch by batch. Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR) are escaped. The export
 * is itself audited before its first byte leaves, so even an interrupted download is on record.
 */
export async function exportAuditLog(reader: ReaderContext, request: RequestContext, params: AuditListParams): Promise<AuditExport> {
  const { actor, t } = reader;
  const rowCount = await countAuditEntries(actor, params);
  const filename = `audit-log-${todayInHongKong()}.csv`;
  await writeAudit(db, actor, request, { action: "auditLog.export", entityType: "AuditLog", entityId: null, after: { format: "csv", filters: filtersOf(params), rowCount, filename } });
  const csv = stringify({
    bom: true,
    record_delimiter: "windows",
    escape_formulas: true,
    header: true,
    columns: columns.map((key) => ({ key, header: t(`audit.csv.${key}`) })),
  });
  async function* records() {
    for await (const batch of streamAuditEntries(actor, params)) {
      for (const entry of await presentAuditEntries(batch, reader)) yield csvRecord(entry);
    }
  }
  pipeline(Readable.from(records()), csv, (error) => {
    if (error) logger.error("audit export failed", { requestId: request.requestId, error });
  });
  return { filename, rowCount, stream: webStreamFrom(csv) };
}

