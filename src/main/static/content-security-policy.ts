/**
 * The renderer's Content-Security-Policy, sent as a header by browser mode and by the app:// protocol.
 * src/renderer/index.html carries the same policy in a meta tag (without frame-ancestors, which a meta tag
 * cannot set); a unit test keeps the two in step.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
