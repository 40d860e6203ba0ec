/** A form-level message; role="alert" so screen readers announce it when it appears. */
export function FormMessage({ message, tone = "error" }: { message?: string; tone?: "error" | "success" }) {
  if (!message) return null;
  const style = tone === "error" ? "border-red-700 bg-red-50 text-red-800" : "border-green-700 bg-green-50 text-green-800";
  return (
    <div role="alert" className={`rounded border-l-4 px-4 py-3 text-sm ${style}`}>
      {message}
    </div>
  );
}
