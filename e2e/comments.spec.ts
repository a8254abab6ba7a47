import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  focusStartOfParagraph,
  openSeedStatement,
  sectionPlainText,
  sectionText,
  selectTextInSection,
  signIn,
} from "./helpers";

const PASSAGE = "kommunfullmäktige den 14 mars 2011";

function thread(page: Page, text: string) {
  return page.locator(".comments-panel .comment-thread", { hasText: text });
}

function showFilter(page: Page, label: "Öppna" | "Lösta" | "Alla") {
  return page.locator(".comments-panel").getByRole("radio", { name: label }).check();
}

test("a granskare comments a passage; the handläggare sees it live, edits around it, replies and resolves", async ({
  browser,
}) => {
  const granskare = await signIn(browser, "granskare@demo.test");
  await openSeedStatement(granskare);
  const handlaggare = await signIn(browser, "handlaggare.bou@demo.test");
  await openSeedStatement(handlaggare);

  // The granskare, who cannot edit, selects a passage in Bakgrund and comments on it.
  await selectTextInSection(granskare, "bakgrund", PASSAGE);
  await granskare.getByRole("button", { name: "Kommentera markerad text i Bakgrund" }).click();
  await expect(granskare.locator(".comment-composer")).toContainText(PASSAGE);
  await granskare.getByLabel("Kommentar", { exact: true }).fill("Stämmer datumet?\nKontrollera mot diariet.");
  await granskare.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(thread(granskare, "Stämmer datumet?")).toBeVisible();

  // The handläggare sees the highlight and the thread without reloading.
  const highlight = sectionText(handlaggare, "bakgrund").locator(".comment-highlight");
  await expect(highlight).toHaveText(PASSAGE);
  await expect(thread(handlaggare, "Stämmer datumet?")).toContainText("Kontrollera mot diariet.");
  await expect(handlaggare.locator('section[data-section="bakgrund"] .section-comment-count')).toHaveText(
    "1 öppen kommentar",
  );

  // Text typed before the passage leaves the highlight on the same words, at both users.
  await focusStartOfParagraph(handlaggare, "bakgrund", 0);
  await handlaggare.keyboard.type("Inledningsvis: ");
  await expect.poll(() => sectionPlainText(granskare, "bakgrund")).toContain("Inledningsvis: Karin Rågsjö");
  await expect(highlight).toHaveText(PASSAGE);
  await expect(sectionText(granskare, "bakgrund").locator(".comment-highlight")).toHaveText(PASSAGE);

  // Clicking the thread shows its passage.
  await thread(handlaggare, "Stämmer datumet?")
    .getByRole("button", { name: /Visa stycket/ })
    .click();
  await expect(sectionText(handlaggare, "bakgrund").locator(".comment-highlight.active")).toHaveText(PASSAGE);

  // Reply and resolve; the granskare sees both live.
  const handlaggareThread = thread(handlaggare, "Stämmer datumet?");
  await handlaggareThread.getByLabel("Svara").fill("Ja, datumet stämmer med motionen.");
  await handlaggareThread.getByRole("button", { name: "Skicka svar" }).click();
  await expect(thread(granskare, "Stämmer datumet?")).toContainText("Ja, datumet stämmer med motionen.");
  await handlaggareThread.getByRole("button", { name: "Markera som löst" }).click();
  await expect(thread(granskare, "Stämmer datumet?")).toHaveCount(0);
  await showFilter(granskare, "Lösta");
  await expect(thread(granskare, "Stämmer datumet?")).toContainText("Löst av Sara Lindqvist");
  await expect(sectionText(granskare, "bakgrund").locator(".comment-highlight")).toHaveCount(0);

  // After reloading, everything is still there.
  for (const page of [granskare, handlaggare]) {
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "Ansluten" })).toBeVisible();
    await showFilter(page, "Lösta");
    const reloaded = thread(page, "Stämmer datumet?");
    await expect(reloaded).toContainText("Kontrollera mot diariet.");
    await expect(reloaded).toContainText("Ja, datumet stämmer med motionen.");
    await expect(reloaded).toContainText("Löst av Sara Lindqvist");
    await expect(reloaded.locator(".comment-quote")).toContainText(PASSAGE);
  }
});

test("comment bodies are shown as text, never as markup", async ({ browser }) => {
  const page = await signIn(browser, "granskare@demo.test");
  await openSeedStatement(page);
  await selectTextInSection(page, "sammanfattning", "Vissa barn och ungdomar");
  await page.getByRole("button", { name: "Kommentera markerad text i Sammanfattning" }).click();
  await page.getByLabel("Kommentar", { exact: true }).fill("<img src=x onerror=\"document.title='hackad'\">");
  await page.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(thread(page, "<img src=x")).toBeVisible();
  await expect(page.locator(".comments-panel img")).toHaveCount(0);
  expect(await page.title()).not.toBe("hackad");
});
