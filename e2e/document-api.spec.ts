import type { Browser } from "@playwright/test";
import { renderDocx } from "../document/docx";
import { seedDocumentModel } from "../tests/support/seed-document";
import { expect, test } from "./fixtures";
import { createStatementViaForm } from "./helpers";
import { LoginPage } from "./pages/login-page";

/* The document HTTP API: details, export and Word import, on statements each test starts itself. */

async function newStatement(browser: Browser) {
  const page = await LoginPage.signIn(browser, "handlaggare.bou@demo.test");
  const url = await createStatementViaForm(page, `Remiss om dokument-API ${Date.now()}`);
  const id = url.split("/").pop() ?? "";
  return { id, handlaggare: page.request, base: `/api/statements/${id}` };
}

test("details: a drafter changes them, a granskare gets 403, bad input 400", async ({ browser }) => {
  const { handlaggare, base } = await newStatement(browser);
  const changed = await handlaggare.patch(`${base}/details`, {
    data: { statementDate: "2024-05-02", contacts: [{ name: "Sara Lindqvist", phone: "08-508 03 000" }] },
  });
  expect(changed.status()).toBe(200);
  expect(await changed.json()).toEqual({ changed: ["statementDate", "contacts"] });
  const statement = await (await handlaggare.get(base)).json();
  expect(statement).toMatchObject({
    statementDate: "2024-05-02",
    contacts: [{ name: "Sara Lindqvist", title: null, phone: "08-508 03 000", email: null }],
  });

  const granskare = (await LoginPage.signIn(browser, "granskare@demo.test")).request;
  const refused = await granskare.patch(`${base}/details`, { data: { statementDate: "2024-05-03" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatch(/behörighet/);
  const invalid = await handlaggare.patch(`${base}/details`, { data: { contacts: [{ email: "x" }] } });
  expect(invalid.status()).toBe(400);
  const unknownField = await handlaggare.patch(`${base}/details`, { data: { status: "finalised" } });
  expect(unknownField.status()).toBe(400);
});

test("export: content type and file name per format, 400 for another format, 404 for an unknown statement", async ({
  browser,
}) => {
  const { handlaggare, base } = await newStatement(browser);
  const docx = await handlaggare.get(`${base}/export?format=docx`);
  expect(docx.status()).toBe(200);
  expect(docx.headers()["content-type"]).toBe(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  );
  expect(docx.headers()["content-disposition"]).toMatch(
    /^attachment; filename="Remiss om dokument-API \d+\.docx"; filename\*=UTF-8''/,
  );
  expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
  const pdf = await handlaggare.get(`${base}/export?format=pdf&approvals=1`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  expect((await handlaggare.get(`${base}/export?format=odt`)).status()).toBe(400);
  const unknown = await handlaggare.get(`/api/statements/${crypto.randomUUID()}/export?format=docx`);
  expect(unknown.status()).toBe(404);
});

test("Word import: preview proposes and stores nothing, create makes the statement, bad files get 400", async ({
  browser,
}) => {
  const api = (await LoginPage.signIn(browser, "handlaggare.eb@demo.test")).request;
  const file = {
    fileName: "remissvar.docx",
    data: (await renderDocx(seedDocumentModel())).toString("base64"),
  };
  const before = (await (await api.get("/api/statements")).json()).statements.length;
  const preview = await api.post("/api/statements/import/preview", { data: { file } });
  expect(preview.status()).toBe(200);
  const proposal = await preview.json();
  expect(proposal.proposal).toMatchObject({
    recipient: "Hässelby-Vällingby stadsdelsnämnd",
    diarienummer: "1.5-123/2011",
    signatories: [
      { name: "Leif Spjuth", title: "stadsdelsdirektör" },
      { name: "Ingrid Brännström", title: "avdelningschef" },
    ],
  });
  expect(proposal.unmatched).toEqual([]);
  expect((await (await api.get("/api/statements")).json()).statements.length).toBe(before);

  const png = await api.post("/api/statements/import/preview", {
    data: { file: { data: Buffer.from("89504e470d0a1a0a", "hex").toString("base64") } },
  });
  expect(png.status()).toBe(400);
  expect(await png.json()).toEqual({ error: "Filen är inte ett Word-dokument (.docx)." });

  const created = await api.post("/api/statements/import", {
    data: {
      file,
      statement: { ...proposal.proposal, title: `Importerat via API ${Date.now()}`, signatories: undefined },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const statement = await (await api.get(`/api/statements/${id}`)).json();
  expect(statement.signatories).toEqual(proposal.proposal.signatories);
});
