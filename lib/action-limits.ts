// Client-safe: the size limit of a server action's request body, checked by the form hook before sending
// (components/forms/use-action-form.ts), so an over-large form gets a message instead of Next's error page.

/** Next's own default for `serverActions.bodySizeLimit`, which next.config.ts leaves unset. */
export const actionBodyLimit = { bytes: 1024 * 1024, label: "1 MB" } as const;

/** Room for what React adds around the fields (the action reference, part boundaries and headers). */
const envelopeBytes = 4 * 1024;
const partOverheadBytes = 128;

/** An upper estimate of the multipart body that sending `formData` to a server action produces. */
export function estimateActionBodyBytes(formData: FormData): number {
  const encoder = new TextEncoder();
  let total = envelopeBytes;
  for (const [name, value] of formData.entries()) {
    total += partOverheadBytes + encoder.encode(name).length;
    total += typeof value === "string" ? encoder.encode(value).length : value.size + encoder.encode(value.name).length;
  }
  return total;
}

export const exceedsActionBodyLimit = (formData: FormData): boolean => estimateActionBodyBytes(formData) > actionBodyLimit.bytes;

/** Next's refusal of an over-limit body, as the client receives it ("Body exceeded 1 MB limit."). */
export const isBodyLimitError = (error: unknown): boolean => error instanceof Error && /Body exceeded/i.test(error.message);
