/**
 * A browser's cookies and redirects for fetch, across the app and the identity provider: cookies
 * are kept per origin by name (paths and expiry aside, which these flows do not rely on).
 */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  private store(url: URL, response: Response) {
    const jar = this.cookies.get(url.origin) ?? new Map<string, string>();
    this.cookies.set(url.origin, jar);
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";");
      const name = pair.slice(0, pair.indexOf("=")).trim();
      const removed = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (removed) jar.delete(name);
      else jar.set(name, pair.slice(pair.indexOf("=") + 1));
    }
  }

  cookieHeader(url: string): string {
    const jar = this.cookies.get(new URL(url).origin) ?? new Map<string, string>();
    return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** One request with the jar's cookies; redirects are not followed. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(url);
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    this.store(new URL(url), response);
    return response;
  }

  /** Follows the response's redirects with GETs, as a browser does, to the first page that is not one. */
  async follow(response: Response, from: string): Promise<{ response: Response; url: URL }> {
    let current = response;
    let url = new URL(from);
    for (let hops = 0; current.status >= 300 && current.status < 400; hops++) {
      if (hops > 20) throw new Error(`Too many redirects, last ${url.href}`);
      const location = current.headers.get("location");
      if (!location) throw new Error(`A redirect without a location from ${url.href}`);
      await current.body?.cancel();
      url = new URL(location, url);
      current = await this.fetch(url.href);
    }
    return { response: current, url };
  }
}
