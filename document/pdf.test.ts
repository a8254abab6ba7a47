import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { documentTexts, missingInOrder, seedDocumentModel } from "../tests/support/seed-document";
import { closePdfEngine, PdfEngineUnavailableError, renderPdf } from "./pdf";

const run = promisify(execFile);
const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** The PDF's text and pdfinfo's report, read with poppler-utils. */
async function readPdf(bytes: Buffer): Promise<{ text: string; info: string }> {
  const folder = await mkdtemp(path.join(tmpdir(), "beredning-pdf-"));
  try {
    const file = path.join(folder, "statement.pdf");
    await writeFile(file, bytes);
    const { stdout: text } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
    const { stdout: info } = await run("pdfinfo", [file]);
    return { text, info };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

afterAll(closePdfEngine);

describe("PDF export", () => {
  it("holds every section's title and text in order, the header fields and the signatories", async () => {
    const model = seedDocumentModel();
    const bytes = await renderPdf(model);
    const { text: raw, info } = await readPdf(bytes);
    // The bookmark outline (from the headings) and the language are in the document catalog.
    expect(bytes.includes("/Outlines")).toBe(true);
    expect(bytes.toString("latin1")).toMatch(/\/Lang \((sv-SE|sv)\)/);
    // The page margins (UTKAST, Dnr, Sida x (y)) repeat on every page, inside running text.
    const text = collapse(raw.replace(/^(UTKAST|Tjänsteutlåtande Dnr .*|Sida \d+ \(\d+\))$/gm, ""));
    expect(missingInOrder(text, documentTexts(model))).toEqual([]);
    // pdftotext ends every page with a form feed.
    const pages = raw.split("\f").slice(0, -1);
    expect(pages.length).toBeGreaterThan(1);
    for (const [index, page] of pages.entries()) {
      const lines = page.split("\n");
      expect(lines).toContain("UTKAST");
      expect(lines).toContain("Tjänsteutlåtande Dnr 1.5-123/2011");
      expect(lines).toContain(`Sida ${index + 1} (${pages.length})`);
    }
    expect(text).toContain("Handläggare: Sara Lindqvist, 08-508 03 000");
    expect(text).toContain("Leif Spjuth");
    expect(text).toContain("Ingrid Brännström");
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:.*\(A4\)/);
  }, 60_000);

  it("reports a missing engine as PdfEngineUnavailableError", async () => {
    const previous = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    await closePdfEngine();
    try {
      await expect(renderPdf(seedDocumentModel())).rejects.toBeInstanceOf(PdfEngineUnavailableError);
    } finally {
      if (previous === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = previous;
    }
  });
});
