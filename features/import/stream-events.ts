import type { ImportCommitResult, ImportPhase, ImportPreview } from "./officer-import";

/** The lines of the import endpoint's response (JSON lines), shared by the route handler and the upload page. */
export type ImportStreamEvent =
  | { type: "progress"; phase: ImportPhase; done: number; total: number }
  | { type: "preview"; preview: ImportPreview }
  | ({ type: "committed"; notice: string } & ImportCommitResult)
  | { type: "rejected"; report: Pick<ImportPreview, "fileProblems" | "errors" | "errorCount"> }
  | { type: "error"; message: string };
