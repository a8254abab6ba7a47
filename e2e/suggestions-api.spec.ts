import type { ThreadView } from "../db/queries/comments";
import { anchorAs, refusal } from "./api-helpers";
import { expect, test } from "./fixtures";
import { createStatementViaForm } from "./helpers";
import { LoginPage } from "./pages/login-page";

/* The suggestions HTTP API, on a statement of the test's own; it runs on both databases. */

const SECTION = "forslag-till-beslut";
const PASSAGE = "som svar på remissen";

test("suggestions: 201, listed with the comments, decided once by the section's editors", async ({
  browser,
}) => {
  const ownerPage = await LoginPage.signIn(browser, "handlaggare.bou@demo.test");
  const url = await createStatementViaForm(ownerPage, `Remiss om förslags-API ${Date.now()}`);
  const statementId = url.split("/").pop() ?? "";
  const base = `/api/statements/${statementId}`;
  const owner = ownerPage.request;
  const granskarePage = await LoginPage.signIn(browser, "granskare@demo.test");
  const granskare = granskarePage.request;
  const anchor = await anchorAs(granskarePage, statementId, SECTION, PASSAGE);
  const suggestion = {
    sectionKey: SECTION,
    anchor,
    quote: PASSAGE,
    proposedText: "med anledning av remissen",
  };

  const created = await granskare.post(`${base}/suggestions`, { data: suggestion });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const listed = (await (await owner.get(`${base}/comments`)).json()) as { threads: ThreadView[] };
  expect(listed.threads).toEqual([
    expect.objectContaining({
      id,
      quote: PASSAGE,
      body: "",
      resolved: false,
      suggestion: { proposedText: "med anledning av remissen", outcome: null, reason: null },
    }),
  ]);

  // Malformed input.
  const bad = (data: unknown) => granskare.post(`${base}/suggestions`, { data });
  expect(await refusal(await bad({ ...suggestion, proposedText: "två\nrader" }), 400)).toBe(
    "Ogiltig förfrågan: proposedText: Förslaget ska vara text utan radbrytningar.",
  );
  expect(await refusal(await bad({ ...suggestion, anchor: { start: "AAAA", end: "AAAA" } }), 400)).toMatch(
    /förankring/,
  );
  const decision = (data: unknown, who = owner, target = id) =>
    who.post(`${base}/suggestions/${target}`, { data });
  expect(await refusal(await decision({ decision: "kanske" }), 400)).toMatch(/decision/);

  // Only those who may edit the section decide; unknown ids are 404.
  expect(await refusal(await decision({ decision: "accept" }, granskare), 403)).toBe(
    "Förslaget avgörs av den som får ändra avsnittet",
  );
  await refusal(await decision({ decision: "accept" }, owner, crypto.randomUUID()), 404);
  const comment = await granskare.post(`${base}/comments`, {
    data: { sectionKey: SECTION, anchor, quote: PASSAGE, body: "En vanlig kommentar" },
  });
  const commentId = ((await comment.json()) as { id: string }).id;
  expect(await refusal(await decision({ decision: "accept" }, owner, commentId), 404)).toBe(
    "Förslaget finns inte",
  );

  // Rejected once, with a reason; a second decision is refused.
  const rejected = await decision({ decision: "reject", reason: " Formuleringen är fastställd. " });
  expect(rejected.status(), await rejected.text()).toBe(200);
  expect(await refusal(await decision({ decision: "accept" }), 409)).toBe("Förslaget är redan avgjort");
  const after = (await (await granskare.get(`${base}/comments`)).json()) as { threads: ThreadView[] };
  expect(after.threads.find((thread) => thread.id === id)).toMatchObject({
    resolved: true,
    resolvedBy: { name: "Sara Lindqvist" },
    suggestion: { outcome: "rejected", reason: "Formuleringen är fastställd." },
  });
});
