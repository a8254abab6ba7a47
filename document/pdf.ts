import { access, constants } from "node:fs/promises";
import { type Browser, chromium } from "playwright-core";
import { renderDocumentPage } from "./html";
import type { StatementDocumentModel } from "./model";
import { runningBrowser, setRunningBrowser } from "./pdf-browser";

/** The PDF engine (Chromium) is not installed or does not start. */
export class PdfEngineUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The PDF engine (Chromium) is unavailable", { cause });
    this.name = "PdfEngineUnavailableError";
  }
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

/** One headless Chromium per process, started on the first export and started again if it dies. */
async function browser(): Promise<Browser> {
  const running = runningBrowser() as Promise<Browser> | undefined;
  if (running) {
    const open = await running.catch(() => null);
    if (open?.isConnected()) return open;
  }
  const path = chromiumPath();
  const launching = access(path, constants.X_OK)
    .then(() => chromium.launch({ executablePath: path, args: ["--no-sandbox", "--disable-gpu"] }))
    .catch((error: unknown) => {
      throw new PdfEngineUnavailableError(error);
    });
  setRunningBrowser(launching);
  launching.catch(() => {
    if (runningBrowser() === launching) setRunningBrowser(undefined);
  });
  return launching;
}

export { closePdfEngine } from "./pdf-browser";

/**
 * The document view printed by Chromium: a tagged PDF (headings, reading order, language sv-SE)
 * with an outline from the headings, A4 pages as the print stylesheet lays them out.
 */
export async function renderPdf(model: StatementDocumentModel): Promise<Buffer> {
  const context = await (await browser()).newContext({ javaScriptEnabled: false, locale: "sv-SE" });
  try {
    const page = await context.newPage();
    await page.setContent(renderDocumentPage(model), { waitUntil: "load" });
    return await page.pdf({
      format: "A4",
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
    });
  } finally {
    await context.close();
  }
}
