/**
 * The PDF engine's one headless browser per process, kept on globalThis because the Next.js
 * routes and the server are separate module copies. No Playwright import here, so the server can
 * close the browser at shutdown without loading Playwright.
 */
export interface ClosableBrowser {
  isConnected(): boolean;
  close(): Promise<void>;
}

const BROWSER = Symbol.for("beredning.pdf-browser");
type GlobalWithBrowser = typeof globalThis & { [BROWSER]?: Promise<ClosableBrowser> };

export function runningBrowser(): Promise<ClosableBrowser> | undefined {
  return (globalThis as GlobalWithBrowser)[BROWSER];
}

export function setRunningBrowser(browser: Promise<ClosableBrowser> | undefined): void {
  (globalThis as GlobalWithBrowser)[BROWSER] = browser;
}

/** Closes the PDF engine's browser, if an export started one (at server shutdown). */
export async function closePdfEngine(): Promise<void> {
  const running = runningBrowser();
  setRunningBrowser(undefined);
  const open = await running?.catch(() => null);
  await open?.close();
}
