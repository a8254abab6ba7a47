import type { Page } from "@playwright/test";
import { test as base, expect } from "./fixtures";
import {
  caretLabel,
  focusEndOfSection,
  openSeedStatement,
  sectionText,
  selectTextInSection,
  signIn,
} from "./helpers";
import { startTwoNodes, type TwoNodes } from "./nodes";

/*
 * Two app nodes over one PostgreSQL database and a throwaway Redis (multi-node mode), started by
 * this spec from the production build. Sara works through node 1, Ahmed through node 2.
 */
const adminUrl = process.env.TEST_DATABASE_URL;

const test = base.extend<Record<never, never>, { twoNodes: TwoNodes }>({
  twoNodes: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture uses from this pattern.
    async ({}, use) => {
      if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
      const started = await startTwoNodes(adminUrl);
      try {
        await use(started);
      } finally {
        await started.remove();
      }
    },
    { scope: "worker", timeout: 240_000 },
  ],
});

test.skip(
  !adminUrl,
  "Several nodes need a shared PostgreSQL (PGlite belongs to one process): run through scripts/with-postgres.sh",
);

const SECTION = "forvaltningens-yttrande";
const PASSAGE = "kommunfullmäktige den 14 mars 2011";

async function openOn(browser: Parameters<typeof signIn>[0], email: string, baseURL: string): Promise<Page> {
  const page = await signIn(browser, email, baseURL);
  await openSeedStatement(page);
  return page;
}

test("two handläggare on two nodes co-edit, comment and see each other's carets", async ({
  browser,
  twoNodes,
}) => {
  const [one, two] = twoNodes.nodes;
  const sara = await openOn(browser, "handlaggare.bou@demo.test", one.baseURL);
  const ahmed = await openOn(browser, "handlaggare.eb@demo.test", two.baseURL);

  // Sara types through node 1; Ahmed, on node 2, sees it and answers in the same section.
  await focusEndOfSection(sara, SECTION);
  await sara.keyboard.type(" Tillägg via nod 1.", { delay: 20 });
  await expect(sectionText(ahmed, SECTION)).toContainText("Tillägg via nod 1.");
  await focusEndOfSection(ahmed, SECTION);
  await ahmed.keyboard.type(" Svar via nod 2.", { delay: 20 });
  await expect(sectionText(sara, SECTION)).toContainText("Svar via nod 2.");

  // Each sees the other's caret, with name and unit, across the nodes.
  await expect(caretLabel(sara, "Ahmed Yilmaz · Enheten för ekonomiskt bistånd")).toBeVisible();
  await expect(caretLabel(ahmed, "Sara Lindqvist · Barn- och ungdomsenheten")).toBeVisible();

  // Ahmed comments a passage through node 2; Sara sees the highlight and the thread without reloading.
  await selectTextInSection(ahmed, "bakgrund", PASSAGE);
  await ahmed.getByRole("button", { name: "Kommentera markerad text i Bakgrund" }).click();
  await ahmed.getByLabel("Kommentar", { exact: true }).fill("Kommentar via nod 2.");
  await ahmed.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(
    ahmed.locator(".comments-panel .comment-thread", { hasText: "Kommentar via nod 2." }),
  ).toBeVisible();
  await expect(
    sara.locator(".comments-panel .comment-thread", { hasText: "Kommentar via nod 2." }),
  ).toBeVisible();
  await expect(sectionText(sara, "bakgrund").locator(".comment-highlight")).toHaveText(PASSAGE);

  // After a reload on the other node each, both edits are there: the database holds them.
  await Promise.all([sara.goto(`${two.baseURL}${new URL(sara.url()).pathname}`), ahmed.reload()]);
  for (const page of [sara, ahmed]) {
    await expect(sectionText(page, SECTION)).toContainText("Tillägg via nod 1.");
    await expect(sectionText(page, SECTION)).toContainText("Svar via nod 2.");
  }
});
