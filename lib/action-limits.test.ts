import { describe, expect, it } from "vitest";
import { actionBodyLimit, estimateActionBodyBytes, exceedsActionBodyLimit, isBodyLimitError } from "./action-limits";

const form = (entries: [string, string | File][]) => {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
};
const multipartBytes = async (formData: FormData) => (await new Response(formData).arrayBuffer()).byteLength;

describe("the server action body limit, checked before sending", () => {
  it("estimates at least the multipart body the browser sends, for text in any script and files", async () => {
    const samples = [
      form([["title", "Site visit"], ["notes", ""]]),
      form([["notes", "前海管理局規劃".repeat(5000)], ["title", "x"]]),
      form(Array.from({ length: 200 }, (_, index): [string, string] => [`officerIds[]`, `officer-${index}`])),
      form([["file", new File(["a".repeat(10_000)], "officers.csv")]]),
    ];
    for (const sample of samples) expect(estimateActionBodyBytes(sample)).toBeGreaterThanOrEqual(await multipartBytes(sample));
  });

  it("lets an ordinary form through and stops one whose text is over the limit", () => {
    expect(exceedsActionBodyLimit(form([["title", "Site visit"], ["notes", "n".repeat(2000)]]))).toBe(false);
    expect(exceedsActionBodyLimit(form([["notes", "n".repeat(actionBodyLimit.bytes)]]))).toBe(true);
    // Three bytes a character in UTF-8: 400,000 Chinese characters are over 1 MB.
    expect(exceedsActionBodyLimit(form([["notes", "交".repeat(400_000)]]))).toBe(true);
  });

  it("recognises Next's refusal of an over-limit body", () => {
    expect(isBodyLimitError(new Error("Body exceeded 1 MB limit.\nTo configure the body size limit…"))).toBe(true);
    expect(isBodyLimitError(new Error("An unexpected response was received from the server."))).toBe(false);
  });
});
