/**
 * Browsers ask for /favicon.ico when a page's head names no icon yet (Next.js streams the metadata
 * after the first bytes, so a quick 403 or 404 page can be read without it): send them the app's icon.
 */
export function GET(): Response {
  return new Response(null, { status: 308, headers: { location: "/icon.svg" } });
}
