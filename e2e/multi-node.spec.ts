import type { Browser } from "@playwright/test";
import { test as base, expect } from "./fixtures";
import { startTwoNodes, type TwoNodes } from "./nodes";
import { StatementPage } from "./pages/statement-page";

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

async function openOn(browser: Browser, email: string, baseURL: string): Promise<StatementPage> {
  const statement = await StatementPage.signIn(browser, email, undefined, baseURL);
  await statement.openSeed();
  return statement;
}

test("two handläggare on two nodes co-edit, comment and see each other's carets", async ({
  browser,
  twoNodes,
}) => {
  const [one, two] = twoNodes.nodes;
  const sara = await openOn(browser, "handlaggare.bou@demo.test", one.baseURL);
  const ahmed = await openOn(browser, "handlaggare.eb@demo.test", two.baseURL);

  // Sara types through node 1; Ahmed, on node 2, sees it and answers in the same section.
  await sara.focusEnd(SECTION);
  await sara.page.keyboard.type(" Tillägg via nod 1.", { delay: 20 });
  await expect(ahmed.text(SECTION)).toContainText("Tillägg via nod 1.");
  await ahmed.focusEnd(SECTION);
  await ahmed.page.keyboard.type(" Svar via nod 2.", { delay: 20 });
  await expect(sara.text(SECTION)).toContainText("Svar via nod 2.");

  // Each sees the other's caret, with name and unit, across the nodes.
  await expect(sara.caretLabel("Ahmed Yilmaz · Enheten för ekonomiskt bistånd")).toBeVisible();
  await expect(ahmed.caretLabel("Sara Lindqvist · Barn- och ungdomsenheten")).toBeVisible();

  // Ahmed comments a passage through node 2; Sara sees the highlight and the thread without reloading.
  await ahmed.startComment("bakgrund", "Bakgrund", PASSAGE);
  await ahmed.page.getByLabel("Kommentar", { exact: true }).fill("Kommentar via nod 2.");
  await ahmed.page.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(ahmed.comments.thread("Kommentar via nod 2.")).toBeVisible();
  await expect(sara.comments.thread("Kommentar via nod 2.")).toBeVisible();
  await expect(sara.highlights("bakgrund")).toHaveText(PASSAGE);

  // After a reload on the other node each, both edits are there: the database holds them.
  await Promise.all([
    sara.page.goto(`${two.baseURL}${new URL(sara.page.url()).pathname}`),
    ahmed.page.reload(),
  ]);
  for (const statement of [sara, ahmed]) {
    await expect(statement.text(SECTION)).toContainText("Tillägg via nod 1.");
    await expect(statement.text(SECTION)).toContainText("Svar via nod 2.");
  }
});
