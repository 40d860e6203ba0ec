import type { ImportStreamEvent } from "../stream-events";

/**
 * Posts the import form with XMLHttpRequest — fetch cannot report upload progress — and reads the JSON-lines
 * response as it arrives, so the page can show what the server is doing. Resolves with the final event.
 */
export function postImport(form: FormData, onUploadProgress: (fraction: number) => void, onEvent: (event: ImportStreamEvent) => void): Promise<ImportStreamEvent> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    let consumed = 0;
    let last: ImportStreamEvent | null = null;
    const consume = (final: boolean) => {
      const text = request.responseText;
      const end = final ? text.length : text.lastIndexOf("\n") + 1;
      for (const line of text.slice(consumed, end).split("\n")) {
        if (!line.trim()) continue;
        try {
          const event = JSON.parse(line) as ImportStreamEvent;
          last = event;
          onEvent(event);
        } catch {
          // A torn line is completed by the next chunk; only the final read can meet garbage, handled below.
        }
      }
      consumed = Math.max(consumed, end);
    };
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onUploadProgress(event.loaded / event.total);
    };
    request.upload.onload = () => onUploadProgress(1);
    request.onprogress = () => consume(false);
    request.onload = () => {
      consume(true);
      resolve(last && last.type !== "progress" ? last : { type: "error", message: "" });
    };
    request.onerror = () => resolve({ type: "error", message: "" });
    request.open("POST", "/api/officers/import");
    request.responseType = "text";
    request.send(form);
  });
}
