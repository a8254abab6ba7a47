import { count, eq } from "drizzle-orm";
import JSZip from "jszip";
import mammoth from "mammoth";
import { afterAll, describe, expect, it } from "vitest";
import { PDF_ENGINE_UNAVAILABLE } from "../../contracts/statement-export";
import { statements } from "../../db/schema";
import { closePdfEngine } from "../../document/pdf";
import { finalise } from "../../workflow/sign-off";
import { exportStatement } from "../../workflow/statement-export";
import { createFromDocx } from "../../workflow/statement-import";
import { commentHelpers } from "../support/comments";
import { collabFixture } from "../support/fixture";
import { signOffHelpers } from "../support/sign-off";
import { DIREKTOR, expectOk, expectRefusal, GRANSKARE, HANDLAGGARE_BOU } from "../support/workflow";

const collab = collabFixture();
const signOff = signOffHelpers(collab);
const { db, seed } = signOff;

afterAll(closePdfEngine);

async function docxText(bytes: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

async function sectionTexts(statementId: string): Promise<string[]> {
  const keys = (await signOff.workflow(HANDLAGGARE_BOU, statementId)).sections.map((section) => section.key);
  return (await collab.server.services.documents.sections(statementId, keys)).map((section) => section.text);
}

const statementCount = async () => (await db().select({ n: count() }).from(statements))[0]?.n;

describe("export", () => {
  it("lets anyone who may read the statement export it, and no one of another organisation (404)", async () => {
    const granskare = await signOff.user(GRANSKARE);
    const exported = expectOk(
      await exportStatement(db(), granskare, seed(), { format: "docx", approvals: false }),
    );
    expect(exported.fileName).toMatch(/^Om ökad jämlikhet.*motion från \(v\)\.docx$/);
    expect(await docxText(exported.bytes)).toContain("Förvaltningens yttrande och synpunkter");
    const outsider = await commentHelpers(collab).outsider();
    expectRefusal(
      await exportStatement(db(), outsider, seed(), { format: "docx", approvals: false }),
      "not-found",
    );
  });

  it("reports a missing PDF engine (the route's 503) while DOCX still exports", async () => {
    const user = await signOff.user(GRANSKARE);
    const previous = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    await closePdfEngine();
    try {
      const refusal = expectRefusal(
        await exportStatement(db(), user, seed(), { format: "pdf", approvals: false }),
        "unavailable",
      );
      expect(refusal.error).toBe(PDF_ENGINE_UNAVAILABLE);
      expectOk(await exportStatement(db(), user, seed(), { format: "docx", approvals: false }));
    } finally {
      if (previous === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = previous;
    }
    const pdf = expectOk(await exportStatement(db(), user, seed(), { format: "pdf", approvals: true }));
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.fileName).toMatch(/\.pdf$/);
  });

  it("exports the frozen final version after justering: the same text twice, its checksum in the appendix and the audit", async () => {
    await signOff.approveEverySection();
    expectOk(await finalise(db(), await signOff.user(DIREKTOR), seed()));
    const user = await signOff.user(GRANSKARE);
    const first = expectOk(await exportStatement(db(), user, seed(), { format: "docx", approvals: true }));
    const second = expectOk(await exportStatement(db(), user, seed(), { format: "docx", approvals: true }));
    const text = await docxText(first.bytes);
    expect(await docxText(second.bytes)).toBe(text);
    expect(text).not.toContain("UTKAST");
    expect(text).toContain("Beslutsunderlag: godkännanden");
    expect(text).toContain("Justerat av Leif Spjuth");
    const checksum = /Den justerade versionens kontrollsumma: (sha256:[0-9a-f]{64})/.exec(text)?.[1];
    expect(checksum).toBeDefined();
    const exports = await signOff.audit("statement.exported");
    expect(exports.map((event) => event.details)).toEqual([
      { format: "docx", checksum },
      { format: "docx", checksum },
    ]);
    const core = await (await JSZip.loadAsync(first.bytes)).file("docProps/custom.xml")?.async("string");
    expect(core).toContain("Justerat");
  });
});

describe("Word import", () => {
  it("turns the seed's DOCX export into a new statement with every section's text equal", async () => {
    const user = await signOff.user(HANDLAGGARE_BOU);
    const exported = expectOk(
      await exportStatement(db(), user, seed(), { format: "docx", approvals: false }),
    );
    const workflow = await signOff.workflow(HANDLAGGARE_BOU);
    const created = expectOk(
      await createFromDocx(
        db(),
        user,
        { data: exported.bytes.toString("base64") },
        {
          recipient: workflow.recipient,
          title: workflow.title,
          diarienummer: null,
          remissSender: null,
          deadline: null,
          extendedDeadline: null,
          preparingUnitIds: workflow.preparingUnits.map((unit) => unit.id),
        },
      ),
    );
    expect(await sectionTexts(created.id)).toEqual(await sectionTexts(seed()));
    const copy = await signOff.workflow(HANDLAGGARE_BOU, created.id);
    expect(copy.signatories).toEqual(workflow.signatories);
  });

  it("refuses a PNG renamed .docx, a 0-byte file, an 11 MB file and a zip that is no DOCX (400), creating nothing", async () => {
    const user = await signOff.user(HANDLAGGARE_BOU);
    const before = await statementCount();
    const zip = new JSZip();
    zip.file("readme.txt", "Inget Word-dokument");
    const files: [string, Buffer][] = [
      ["PNG", Buffer.from("89504e470d0a1a0a0000000d4948445200000001", "hex")],
      ["0 byte", Buffer.alloc(0)],
      ["11 MB", Buffer.concat([Buffer.from("504b0304", "hex"), Buffer.alloc(11 * 1024 * 1024)])],
      ["zip", Buffer.from(await zip.generateAsync({ type: "uint8array" }))],
    ];
    const input = {
      recipient: "Nämnden",
      title: "Import",
      diarienummer: null,
      remissSender: null,
      deadline: null,
      extendedDeadline: null,
      preparingUnitIds: (await signOff.workflow(HANDLAGGARE_BOU)).preparingUnits.map((unit) => unit.id),
    };
    const messages: string[] = [];
    for (const [name, bytes] of files) {
      const refusal = expectRefusal(
        await createFromDocx(db(), user, { data: bytes.toString("base64") }, input),
        "invalid",
      );
      messages.push(`${name}: ${refusal.error}`);
    }
    expect(messages).toEqual([
      "PNG: Filen är inte ett Word-dokument (.docx).",
      "0 byte: Filen är tom (0 byte).",
      "11 MB: Filen är för stor. Ett Word-dokument får vara högst 10 MB.",
      "zip: Filen är inte ett Word-dokument (.docx).",
    ]);
    expect(await statementCount()).toBe(before);
    const granskare = await signOff.user(GRANSKARE);
    expectRefusal(await createFromDocx(db(), granskare, { data: "" }, input), "forbidden");
    expect((await db().select().from(statements).where(eq(statements.title, "Import"))).length).toBe(0);
  });
});
