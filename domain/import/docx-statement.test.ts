import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { renderDocx } from "../../document/docx";
import { seedDocumentModel } from "../../tests/support/seed-document";
import { readSeedStatement } from "../../tests/support/seed-statement";
import { importDocxStatement, MAX_DOCX_BYTES } from "./docx-statement";
import { StatementImportError } from "./plain-text-statement";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

async function refusal(bytes: Uint8Array): Promise<StatementImportError> {
  try {
    await importDocxStatement(bytes);
  } catch (error) {
    if (error instanceof StatementImportError) return error;
    throw error;
  }
  throw new Error("The file was imported");
}

describe("DOCX import", () => {
  it("reads back the seed's DOCX export: every section, the details and the signatories", async () => {
    const original = readSeedStatement();
    const { document, unmatched } = await importDocxStatement(await renderDocx(seedDocumentModel()));
    expect(document.sections).toEqual(original.sections);
    expect(document).toMatchObject({
      recipient: original.recipient,
      title: original.title,
      diarienummer: "1.5-123/2011",
      signatories: original.signatories,
      deadline: "2011-09-01",
      extendedDeadline: "2011-10-01",
      preparingUnits: original.preparingUnits,
    });
    expect(unmatched).toEqual([]);
  });

  it("refuses a 0-byte file, an 11 MB file, a PNG, a zip that is no DOCX and an encrypted file", async () => {
    expect((await refusal(new Uint8Array(0))).reason).toBe("empty-file");
    expect((await refusal(new Uint8Array(MAX_DOCX_BYTES + 1024 * 1024))).reason).toBe("too-large");
    expect((await refusal(PNG)).message).toBe("Filen är inte ett Word-dokument (.docx).");
    const zip = new JSZip();
    zip.file("hello.txt", "hej");
    expect((await refusal(await zip.generateAsync({ type: "uint8array" }))).reason).toBe("not-docx");
    const ole = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(512)]);
    expect((await refusal(ole)).reason).toBe("encrypted");
    const truncated = (await renderDocx(seedDocumentModel())).subarray(0, 2000);
    expect((await refusal(truncated)).reason).toBe("corrupt");
  });
});
