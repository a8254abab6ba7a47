import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { documentTexts, missingInOrder, seedDocumentModel } from "../tests/support/seed-document";
import { renderDocx } from "./docx";

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

describe("DOCX export", () => {
  it("holds every section title as a Word heading and its full text, in order", async () => {
    const model = seedDocumentModel();
    const bytes = await renderDocx(model);
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    const headings = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((match) => match[1]);
    expect(headings).toEqual(model.sections.map((section) => section.title));

    const { value: raw } = await mammoth.extractRawText({ buffer: bytes });
    const text = collapse(raw);
    expect(missingInOrder(text, documentTexts(model))).toEqual([]);
    // The numbered proposals are a Word list, not typed numbers.
    expect(html).toMatch(/<ol><li>Stadsdelsnämnden beslutar att som svar på remissen/);
    expect(text).toContain("Leif Spjuth stadsdelsdirektör");
    expect(text).toContain("Ingrid Brännström avdelningschef");
    expect(text).toContain("Handläggare: Sara Lindqvist, 08-508 03 000");
    expect(text).toContain(`Till ${model.recipient}`);
  });

  it("has the header with Dnr and Sida x (y), and the document properties", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(seedDocumentModel()));
    const headerName = Object.keys(zip.files).find((name) => /^word\/header\d*\.xml$/.test(name));
    const header = await zip.file(headerName ?? "")?.async("string");
    expect(header).toContain("Dnr 1.5-123/2011");
    expect(header).toContain("Tjänsteutlåtande");
    expect(header).toContain("UTKAST");
    expect(header).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(header).toContain("Sida ");
    const core = await zip.file("docProps/core.xml")?.async("string");
    expect(core).toContain("<dc:title>”Om ökad jämlikhet");
    expect(core).toContain("<dc:creator>Sara Lindqvist</dc:creator>");
    const custom = await zip.file("docProps/custom.xml")?.async("string");
    expect(custom).toMatch(/name="Dnr"[\s\S]*1\.5-123\/2011/);
    const styles = await zip.file("word/document.xml")?.async("string");
    expect(styles).toContain('w:pStyle w:val="Heading1"');
    expect(styles).toContain("<w:numPr>");
  });
});
