// The officer import's size limits in one place, importable by the upload page (no server code here): the browser
// refuses a file over `maxImportBytes` before sending it, the route handler again before reading the body, and
// the parser checks the rest. The README lists them; docs/decisions/038-import-size-limits.md says why these values.

/** The uploaded file itself (CSV or XLSX as stored on disk). The proxy in front buffers request bodies up to 10 MB. */
export const maxImportBytes = 8 * 1024 * 1024;
/** Officers (data rows) in one file. */
export const maxImportRows = 10_000;
/** An XLSX's archive entries together, after decompression. A 10,000-row template export is ≈ 4.4 MB. */
export const maxWorkbookUncompressedBytes = 32 * 1024 * 1024;
/** Entries in an XLSX archive; Excel writes about a dozen plus one per sheet. */
export const maxWorkbookEntries = 1_000;
/** Rows of any one worksheet, empty and formatted ones included (the highest row number counts). */
export const maxWorksheetRows = 20_000;
/** Columns of any one worksheet that hold cells or merged ranges; the template has 9. */
export const maxWorksheetColumns = 64;

export const megabytes = (bytes: number) => bytes / 1024 / 1024;
