import { expect, test } from "./fixtures";
import {
  createStatementViaForm,
  focusEndOfSection,
  openStatementAt,
  sectionPanel,
  sectionText,
  selectTextInSection,
  signIn,
} from "./helpers";

test("a granskare suggests changes; the section's handläggare sees them inline, accepts one and rejects one, live", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const owner = await signIn(browser, "handlaggare.bou@demo.test");
  const url = await createStatementViaForm(owner, `Remiss om avgifter ${Date.now()}`);
  await focusEndOfSection(owner, "bakgrund");
  await owner.keyboard.type("Avgiften höjs med tio procent från årsskiftet.");
  const granskare = await openStatementAt(browser, "granskare@demo.test", url);
  await expect(sectionText(granskare, "bakgrund")).toContainText("tio procent");

  // The granskare, who cannot edit, proposes two replacements.
  for (const [passage, proposed] of [
    ["tio", "fem"],
    ["från årsskiftet", "från den 1 juli"],
  ] as const) {
    await selectTextInSection(granskare, "bakgrund", passage);
    await granskare.getByRole("button", { name: "Föreslå ändring av markerad text i Bakgrund" }).click();
    await granskare.getByLabel("Ny text").fill(proposed);
    await granskare.getByRole("button", { name: "Skicka förslag" }).click();
    await expect(granskare.locator(".comment-thread", { hasText: proposed })).toBeVisible();
  }

  // The owner sees both inline, live: the old text struck through, the new beside it.
  const ownerText = sectionText(owner, "bakgrund");
  await expect(ownerText.locator(".suggestion-old")).toHaveText(["tio", "från årsskiftet"]);
  await expect(ownerText.locator(".suggestion-new")).toHaveText(["fem", "från den 1 juli"]);
  const colour = await ownerText
    .locator(".suggestion-new")
    .first()
    .evaluate((e) => getComputedStyle(e).color);
  expect(colour).not.toBe("rgb(27, 27, 31)");
  // Open suggestions count as open threads of the section.
  await expect(sectionPanel(owner, "bakgrund").locator(".section-comment-count")).toHaveText(
    "2 öppna kommentarer",
  );
  // The granskare may not decide them.
  await expect(granskare.getByRole("button", { name: "Godta förslaget" })).toHaveCount(0);

  await owner
    .locator(".comment-thread", { hasText: "fem" })
    .getByRole("button", { name: "Godta förslaget" })
    .click();
  const rejected = owner.locator(".comment-thread", { hasText: "från den 1 juli" });
  await rejected.getByRole("button", { name: "Avvisa" }).click();
  await rejected.getByLabel("Motivering (frivillig)").fill("Datumet är inte beslutat.");
  await rejected.getByRole("button", { name: "Avvisa förslaget" }).click();

  for (const page of [owner, granskare]) {
    await expect(sectionText(page, "bakgrund")).toContainText(
      "Avgiften höjs med fem procent från årsskiftet.",
    );
    await expect(sectionText(page, "bakgrund").locator(".suggestion-new")).toHaveCount(0);
    await expect(sectionPanel(page, "bakgrund").locator(".section-comment-count")).toHaveCount(0);
  }
  await granskare.locator(".comments-panel").getByRole("radio", { name: "Alla" }).check();
  await expect(granskare.locator(".comment-thread", { hasText: "fem" })).toContainText(
    "Godtaget av Sara Lindqvist",
  );
  await expect(granskare.locator(".comment-thread", { hasText: "från den 1 juli" })).toContainText(
    "Avvisat av Sara Lindqvist: Datumet är inte beslutat.",
  );

  // The audit trail names who suggested and who accepted.
  const id = url.split("/").pop();
  const audit = await (await owner.request.get(`/api/statements/${id}/audit`)).json();
  const accepted = audit.events.find((event: { action: string }) => event.action === "suggestion.accepted");
  expect(accepted.actor.name).toBe("Sara Lindqvist");
  expect(accepted.details).toMatchObject({ quote: "tio", proposedText: "fem" });
  const granskareId = audit.events.find((event: { action: string }) => event.action === "suggestion.created")
    .actor.id;
  expect(accepted.details.suggestedBy).toBe(granskareId);
  expect(audit.events.map((event: { action: string }) => event.action)).toContain("suggestion.rejected");
});
