/**
 * Response headers that protect every page (decision 035). No "server-only": proxy.ts builds them per request,
 * because the script nonce must be new each time and HSTS depends on the configured address at run time.
 */

export interface SecurityHeaderOptions {
  /** Fresh per request, base64. */
  nonce: string;
  /** `next dev` needs eval for React's debugging features and Fast Refresh; a production build does not. */
  isDevelopment: boolean;
  /** NEXTAUTH_URL: HSTS only when the app is served over https. */
  publicUrl: string | undefined;
}

export function contentSecurityPolicy({ nonce, isDevelopment, publicUrl }: SecurityHeaderOptions): string {
  const isHttps = publicUrl?.startsWith("https://") ?? false;
  const directives = [
    "default-src 'self'",
    // Next adds the nonce to its own scripts (it reads this header from the request); 'strict-dynamic' lets them
    // load the chunks they need. No 'unsafe-inline' for scripts, 'unsafe-eval' only in development.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // Bars and timelines position themselves with style attributes, which a nonce cannot cover.
    "style-src 'self' 'unsafe-inline'",
    // blob: for the report download (an object URL), data: for inline icons.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Features the app never uses, switched off for it and anything it might embed. */
export const permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()";

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "Permissions-Policy": permissionsPolicy,
  };
  // Over plain http (local use, the tests) HSTS would be ignored at best and pin a hostname to https at worst.
  if (options.publicUrl?.startsWith("https://")) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
