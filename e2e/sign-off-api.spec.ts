import type { APIRequestContext, Browser } from "@playwright/test";
import { AVDELNING_SECTIONS, YTTRANDE } from "../tests/support/sections";
import { expect, test } from "./fixtures";
import { createStatementViaForm } from "./helpers";
import { LoginPage } from "./pages/login-page";

/*
 * The sign-off HTTP API, on statements each test starts itself (the seed statement is never
 * finalised: other tests use it).
 */

/** Well-formed, but no section's content has it. */
const UNKNOWN_HASH = `sha256:${"0".repeat(64)}`;

interface SectionView {
  key: string;
  title: string;
  contentHash: string;
  state: string;
  approvals: { approver: { name: string }; contentHash: string; fresh: boolean }[];
}

interface StatementView {
  status: string;
  canEditText: boolean;
  sections: SectionView[];
}

async function signedIn(browser: Browser, email: string): Promise<APIRequestContext> {
  return (await LoginPage.signIn(browser, email)).request;
}

/** A new statement, started by a handläggare through the form; returns its id and their API context. */
async function newStatement(browser: Browser) {
  const page = await LoginPage.signIn(browser, "handlaggare.bou@demo.test");
  const url = await createStatementViaForm(page, `Remiss om sign-off-API ${Date.now()}`);
  const id = url.split("/").pop() ?? "";
  return { id, handlaggare: page.request, base: `/api/statements/${id}` };
}

async function statementOf(api: APIRequestContext, id: string): Promise<StatementView> {
  const response = await api.get(`/api/statements/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as StatementView;
}

async function sectionOf(api: APIRequestContext, id: string, key: string): Promise<SectionView> {
  const section = (await statementOf(api, id)).sections.find((candidate) => candidate.key === key);
  if (!section) throw new Error(`No section ${key}`);
  return section;
}

/** Approves a section with the hash the API shows for it. */
async function approveShown(api: APIRequestContext, id: string, key: string) {
  const { contentHash } = await sectionOf(api, id, key);
  const response = await api.post(`/api/statements/${id}/sections/${key}/approvals`, {
    data: { contentHash },
  });
  expect(response.status(), await response.text()).toBe(201);
  return contentHash;
}

test("approvals: 201 for the hash shown, 403 naming the role needed, 409 for another hash, 400 for malformed bodies", async ({
  browser,
}) => {
  const { id, handlaggare, base } = await newStatement(browser);
  const chefBou = await signedIn(browser, "enhetschef.bou@demo.test");
  const approvals = `${base}/sections/${YTTRANDE}/approvals`;

  const shown = await sectionOf(chefBou, id, YTTRANDE);
  expect(shown).toMatchObject({ state: "open", approvals: [] });
  expect(shown.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);

  const conflict = await chefBou.post(approvals, { data: { contentHash: UNKNOWN_HASH } });
  expect(conflict.status()).toBe(409);
  expect(await conflict.json()).toEqual({
    error: expect.stringMatching(/ändrats/),
    currentHash: shown.contentHash,
  });

  const created = await chefBou.post(approvals, { data: { contentHash: shown.contentHash } });
  expect(created.status()).toBe(201);
  expect(await created.json()).toEqual({ approvalIds: [expect.any(String)], contentHash: shown.contentHash });
  expect(await sectionOf(handlaggare, id, YTTRANDE)).toMatchObject({
    contentHash: shown.contentHash,
    state: "partly-approved",
    approvals: [{ approver: { name: "Johan Berg" }, contentHash: shown.contentHash, fresh: true }],
  });

  const byHandlaggare = await handlaggare.post(approvals, { data: { contentHash: shown.contentHash } });
  expect(byHandlaggare.status()).toBe(403);
  expect(await byHandlaggare.json()).toEqual({
    error:
      "Avsnittet godkänns av enhetschef för Barn- och ungdomsenheten och enhetschef för Enheten för ekonomiskt bistånd.",
  });
  const bakgrund = await sectionOf(chefBou, id, "bakgrund");
  const wrongRole = await chefBou.post(`${base}/sections/bakgrund/approvals`, {
    data: { contentHash: bakgrund.contentHash },
  });
  expect(wrongRole.status()).toBe(403);
  expect(await wrongRole.json()).toEqual({
    error: "Avsnittet godkänns av avdelningschef för Socialtjänstavdelningen.",
  });

  for (const data of [{}, { contentHash: "sha256:abc" }, { contentHash: 42 }, []]) {
    const invalid = await chefBou.post(approvals, { data });
    expect(invalid.status(), JSON.stringify(data)).toBe(400);
    expect((await invalid.json()).error).toMatch(/^Ogiltig förfrågan/);
  }
  // A Buffer is sent as it is; Playwright would serialise a string as a JSON string.
  const malformed = await chefBou.post(approvals, {
    data: Buffer.from('{"contentHash": '),
    headers: { "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toEqual({ error: "Förfrågan är inte giltig JSON" });
  const unknownSection = await chefBou.post(`${base}/sections/finns-inte/approvals`, {
    data: { contentHash: shown.contentHash },
  });
  expect(unknownSection.status()).toBe(404);

  // Nothing refused was recorded.
  expect((await sectionOf(chefBou, id, YTTRANDE)).approvals).toHaveLength(1);
});

test("without a session every sign-off endpoint answers 401", async ({ browser, request }) => {
  const { base } = await newStatement(browser);
  const approvals = `${base}/sections/${YTTRANDE}/approvals`;
  for (const response of [
    await request.get(base),
    await request.post(approvals, { data: { contentHash: UNKNOWN_HASH } }),
    await request.delete(approvals, { headers: { "content-type": "application/json" } }),
    await request.post(`${base}/finalise`, { headers: { "content-type": "application/json" } }),
    await request.get(`${base}/audit`),
  ]) {
    expect(response.status(), response.url()).toBe(401);
    expect(await response.json()).toEqual({ error: "Inloggning krävs" });
  }
});

test("revoking one's own approval: 200, then 404; the audit trail lists what happened", async ({
  browser,
}) => {
  const { id, handlaggare, base } = await newStatement(browser);
  const chefBou = await signedIn(browser, "enhetschef.bou@demo.test");
  const approvals = `${base}/sections/${YTTRANDE}/approvals`;
  const approvedHash = await approveShown(chefBou, id, YTTRANDE);

  const revoked = await chefBou.delete(approvals, { data: { reason: "Fel underlag" } });
  expect(revoked.status()).toBe(200);
  expect(await revoked.json()).toEqual({ revoked: 1 });
  expect(await sectionOf(chefBou, id, YTTRANDE)).toMatchObject({ state: "open", approvals: [] });
  const again = await chefBou.delete(approvals, { headers: { "content-type": "application/json" } });
  expect(again.status()).toBe(404);
  expect((await again.json()).error).toMatch(/inget godkännande/);

  const audit = await handlaggare.get(`${base}/audit`);
  expect(audit.status()).toBe(200);
  const { events } = (await audit.json()) as {
    events: { action: string; sectionKey: string | null; actor: { name: string } | null; details: object }[];
  };
  expect(events.map((event) => event.action)).toEqual([
    "statement.created",
    "approval.granted",
    "approval.revoked",
  ]);
  expect(events[1]).toMatchObject({
    sectionKey: YTTRANDE,
    actor: { name: "Johan Berg" },
    details: { contentHash: approvedHash },
  });
  expect(events[2]).toMatchObject({
    sectionKey: YTTRANDE,
    actor: { name: "Johan Berg" },
    details: { reason: "Fel underlag", contentHash: approvedHash },
  });
});

test("finalising: 403 for anyone but the direktör, 409 listing the sections not approved, then 200 once all are", async ({
  browser,
}) => {
  const { id, handlaggare, base } = await newStatement(browser);
  const direktor = await signedIn(browser, "direktor@demo.test");
  const chefBou = await signedIn(browser, "enhetschef.bou@demo.test");
  const finalise = `${base}/finalise`;

  for (const api of [handlaggare, chefBou]) {
    const forbidden = await api.post(finalise, { headers: { "content-type": "application/json" } });
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.json()).toEqual({
      error: "Endast stadsdelsdirektören kan justera tjänsteutlåtandet",
    });
  }

  await approveShown(chefBou, id, YTTRANDE);
  const refused = await direktor.post(finalise, { headers: { "content-type": "application/json" } });
  expect(refused.status()).toBe(409);
  const body = (await refused.json()) as {
    error: string;
    sections: { key: string; title: string; state: string }[];
  };
  expect(body.error).toBe("Alla avsnitt är inte godkända");
  expect(body.sections.map((section) => section.key)).toEqual([
    ...AVDELNING_SECTIONS.slice(0, 5),
    YTTRANDE,
    AVDELNING_SECTIONS[5],
  ]);
  expect(body.sections.find((section) => section.key === YTTRANDE)).toEqual({
    key: YTTRANDE,
    title: "Förvaltningens yttrande och synpunkter",
    state: "Delvis godkänd",
  });
  expect(body.sections.find((section) => section.key === "bakgrund")).toMatchObject({ state: "Ej godkänd" });

  await approveShown(await signedIn(browser, "enhetschef.eb@demo.test"), id, YTTRANDE);
  const avdelningschef = await signedIn(browser, "avdelningschef@demo.test");
  for (const key of AVDELNING_SECTIONS) await approveShown(avdelningschef, id, key);
  const finalised = await direktor.post(finalise, { headers: { "content-type": "application/json" } });
  expect(finalised.status(), await finalised.text()).toBe(200);
  expect(await statementOf(handlaggare, id)).toMatchObject({ status: "finalised", canEditText: false });

  const { contentHash } = await sectionOf(chefBou, id, YTTRANDE);
  const late = await chefBou.post(`${base}/sections/${YTTRANDE}/approvals`, { data: { contentHash } });
  expect(late.status()).toBe(409);
  expect((await direktor.post(finalise, { headers: { "content-type": "application/json" } })).status()).toBe(
    409,
  );
  const { events } = (await (await direktor.get(`${base}/audit`)).json()) as { events: { action: string }[] };
  expect(events.at(-1)?.action).toBe("statement.finalised");
});
