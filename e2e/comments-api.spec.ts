import type { APIRequestContext } from "@playwright/test";
import type { ThreadView } from "../contracts/comments";
import type { EncodedAnchor } from "../editor/comment-anchors";
import { anchorAs, refusal } from "./api-helpers";
import { expect, test } from "./fixtures";
import { createStatementViaForm } from "./helpers";
import { LoginPage } from "./pages/login-page";

/*
 * The comments HTTP API, on a statement the test starts itself, so the seed statement (which
 * e2e/comments.spec.ts comments on) is left alone. Anchors are real Yjs relative positions, built
 * on a y-websocket client that joins the statement with the signed-in user's cookies.
 */

const SECTION = "forslag-till-beslut";
const PASSAGE = "som svar på remissen";
const UNRESOLVABLE = "Kommentarens förankring (anchor.start/anchor.end) pekar inte in i avsnittet";

async function threadsOf(api: APIRequestContext, base: string): Promise<ThreadView[]> {
  const response = await api.get(`${base}/comments`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { threads: ThreadView[] }).threads;
}

test("without a session the comment endpoints answer 401", async ({ browser, request }) => {
  const page = await LoginPage.signIn(browser, "granskare@demo.test");
  const href = await page
    .getByRole("link", { name: /Om ökad jämlikhet, minskad segregation/ })
    .getAttribute("href");
  const base = `/api/statements/${href?.split("/").pop()}/comments`;
  const anchor: EncodedAnchor = { start: "AAAA", end: "AAAA" };
  const thread = crypto.randomUUID();
  for (const response of [
    await request.get(base),
    await request.post(base, { data: { sectionKey: "bakgrund", anchor, quote: "x", body: "Hej" } }),
    await request.post(`${base}/${thread}/replies`, { data: { body: "Hej" } }),
    await request.patch(`${base}/${thread}`, { data: { resolved: true } }),
    await request.delete(`${base}/${thread}`, { headers: { "content-type": "application/json" } }),
  ]) {
    expect(await refusal(response, 401), response.url()).toBe("Inloggning krävs");
  }
});

test("threads: 201 with a real anchor, 400 for malformed requests and anchors, 403 for others' comments", async ({
  browser,
}) => {
  const handlaggarePage = await LoginPage.signIn(browser, "handlaggare.bou@demo.test");
  const url = await createStatementViaForm(handlaggarePage, `Remiss om kommentars-API ${Date.now()}`);
  const statementId = url.split("/").pop() ?? "";
  const base = `/api/statements/${statementId}`;
  const handlaggare = handlaggarePage.request;
  const granskarePage = await LoginPage.signIn(browser, "granskare@demo.test");
  const granskare = granskarePage.request;
  const anchor = await anchorAs(granskarePage, statementId, SECTION, PASSAGE);

  // A granskare, who cannot edit the text, starts a thread.
  const created = await granskare.post(`${base}/comments`, {
    data: { sectionKey: SECTION, anchor, quote: PASSAGE, body: "Vilken remiss?\nAnge diarienummer." },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect(await threadsOf(handlaggare, base)).toEqual([
    expect.objectContaining({
      id,
      sectionKey: SECTION,
      anchor,
      quote: PASSAGE,
      body: "Vilken remiss?\nAnge diarienummer.",
      author: expect.objectContaining({ name: "Maria Ek" }),
      resolved: false,
      replies: [],
    }),
  ]);

  // Malformed JSON, malformed anchors and anchors that do not point into the section.
  const malformed = await granskare.post(`${base}/comments`, {
    data: Buffer.from('{"sectionKey": '),
    headers: { "content-type": "application/json" },
  });
  expect(await refusal(malformed, 400)).toBe("Förfrågan är inte giltig JSON");
  const post = (sectionKey: string, start: string, end: string) =>
    granskare.post(`${base}/comments`, {
      data: { sectionKey, anchor: { start, end }, quote: "x", body: "Hej" },
    });
  expect(await refusal(await post(SECTION, "inte base64!", anchor.end), 400)).toBe(
    "Ogiltig förfrågan: anchor.start: ska vara base64",
  );
  expect(await refusal(await post(SECTION, "AAAA", "AAAA"), 400)).toBe(UNRESOLVABLE);
  expect(await refusal(await post("bakgrund", anchor.start, anchor.end), 400)).toBe(UNRESOLVABLE);
  expect(await refusal(await post("finns-inte", anchor.start, anchor.end), 400)).toMatch(/finns-inte/);
  const empty = await granskare.post(`${base}/comments/${id}/replies`, { data: { body: "  " } });
  expect(await refusal(empty, 400)).toBe("Ogiltig förfrågan: body: Skriv en kommentar.");
  const both = await granskare.patch(`${base}/comments/${id}`, { data: { body: "Ny", resolved: true } });
  expect(await refusal(both, 400)).toMatch(/^Ogiltig förfrågan: Ange antingen body/);

  // Someone else's comment is neither edited nor deleted; unknown comments are 404.
  const edit = await handlaggare.patch(`${base}/comments/${id}`, { data: { body: "Ändrad av någon annan" } });
  expect(await refusal(edit, 403)).toBe("Du kan bara ändra dina egna kommentarer");
  expect(
    await refusal(
      await handlaggare.delete(`${base}/comments/${id}`, { headers: { "content-type": "application/json" } }),
      403,
    ),
  ).toBe("Du kan bara ta bort dina egna kommentarer");
  for (const unknown of [crypto.randomUUID(), "inte-ett-id"]) {
    await refusal(await handlaggare.patch(`${base}/comments/${unknown}`, { data: { resolved: true } }), 404);
  }

  // The handläggare of the owning avdelning's enhet replies and resolves.
  const replied = await handlaggare.post(`${base}/comments/${id}/replies`, { data: { body: "Se bilagan." } });
  expect(replied.status(), await replied.text()).toBe(201);
  const resolved = await handlaggare.patch(`${base}/comments/${id}`, { data: { resolved: true } });
  expect(resolved.status(), await resolved.text()).toBe(200);
  const [thread] = await threadsOf(granskare, base);
  expect(thread).toMatchObject({
    id,
    body: "Vilken remiss?\nAnge diarienummer.",
    resolved: true,
    resolvedBy: { name: "Sara Lindqvist" },
    replies: [
      expect.objectContaining({
        body: "Se bilagan.",
        author: expect.objectContaining({ name: "Sara Lindqvist" }),
      }),
    ],
  });
});
