import { expect, test } from "./fixtures";
import { StatementPage } from "./pages/statement-page";

const PASSAGE = "kommunfullmäktige den 14 mars 2011";

test("a granskare comments a passage; the handläggare sees it live, edits around it, replies and resolves", async ({
  browser,
}) => {
  const granskare = await StatementPage.signIn(browser, "granskare@demo.test");
  await granskare.openSeed();
  const handlaggare = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  await handlaggare.openSeed();

  // The granskare, who cannot edit, selects a passage in Bakgrund and comments on it.
  await granskare.startComment("bakgrund", "Bakgrund", PASSAGE);
  await expect(granskare.composerQuote()).toContainText(PASSAGE);
  await granskare.page
    .getByLabel("Kommentar", { exact: true })
    .fill("Stämmer datumet?\nKontrollera mot diariet.");
  await granskare.page.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(granskare.comments.thread("Stämmer datumet?")).toBeVisible();

  // The handläggare sees the highlight and the thread without reloading.
  await expect(handlaggare.highlights("bakgrund")).toHaveText(PASSAGE);
  await expect(handlaggare.comments.thread("Stämmer datumet?")).toContainText("Kontrollera mot diariet.");
  await expect(handlaggare.openThreadCount("bakgrund")).toHaveText("1 öppen kommentar");

  // Text typed before the passage leaves the highlight on the same words, at both users.
  await handlaggare.focusParagraph("bakgrund", 0, "start");
  await handlaggare.page.keyboard.type("Inledningsvis: ");
  await expect.poll(() => granskare.plainText("bakgrund")).toContain("Inledningsvis: Karin Rågsjö");
  await expect(handlaggare.highlights("bakgrund")).toHaveText(PASSAGE);
  await expect(granskare.highlights("bakgrund")).toHaveText(PASSAGE);

  // Clicking the thread shows its passage.
  await handlaggare.comments
    .thread("Stämmer datumet?")
    .getByRole("button", { name: /Visa stycket/ })
    .click();
  await expect(handlaggare.activeHighlight("bakgrund")).toHaveText(PASSAGE);

  // Reply and resolve; the granskare sees both live.
  const handlaggareThread = handlaggare.comments.thread("Stämmer datumet?");
  await handlaggareThread.getByLabel("Svara").fill("Ja, datumet stämmer med motionen.");
  await handlaggareThread.getByRole("button", { name: "Skicka svar" }).click();
  await expect(granskare.comments.thread("Stämmer datumet?")).toContainText(
    "Ja, datumet stämmer med motionen.",
  );
  await handlaggareThread.getByRole("button", { name: "Markera som löst" }).click();
  await expect(granskare.comments.thread("Stämmer datumet?")).toHaveCount(0);
  await granskare.comments.show("Lösta");
  await expect(granskare.comments.thread("Stämmer datumet?")).toContainText("Löst av Sara Lindqvist");
  await expect(granskare.highlights("bakgrund")).toHaveCount(0);

  // After reloading, everything is still there.
  for (const statement of [granskare, handlaggare]) {
    await statement.page.reload();
    await expect(statement.connection).toBeVisible();
    await statement.comments.show("Lösta");
    const reloaded = statement.comments.thread("Stämmer datumet?");
    await expect(reloaded).toContainText("Kontrollera mot diariet.");
    await expect(reloaded).toContainText("Ja, datumet stämmer med motionen.");
    await expect(reloaded).toContainText("Löst av Sara Lindqvist");
    await expect(reloaded.getByRole("button", { name: /Visa stycket/ })).toContainText(PASSAGE);
  }
});

test("comment bodies are shown as text, never as markup", async ({ browser }) => {
  const statement = await StatementPage.signIn(browser, "granskare@demo.test");
  await statement.openSeed();
  await statement.startComment("sammanfattning", "Sammanfattning", "Vissa barn och ungdomar");
  await statement.page
    .getByLabel("Kommentar", { exact: true })
    .fill("<img src=x onerror=\"document.title='hackad'\">");
  await statement.page.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(statement.comments.thread("<img src=x")).toBeVisible();
  await expect(statement.comments.root.getByRole("img")).toHaveCount(0);
  expect(await statement.page.title()).not.toBe("hackad");
});
