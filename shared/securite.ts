/**
 * The Content-Security-Policy of the renderer, one definition for Electron (response header on
 * file:// is not possible, so the main process sets it through session headers and index.html
 * carries the same meta) and for the browser harness (HTTP header).
 * Styles allow 'unsafe-inline' only because Fluent UI (Griffel) injects style rules at runtime;
 * scripts never: no inline script, no eval.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
