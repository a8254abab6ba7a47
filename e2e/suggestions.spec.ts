import { expect, test } from "./fixtures";
import { createStatementViaForm } from "./helpers";
import { StatementPage } from "./pages/statement-page";

test("a granskare suggests changes; the section's handläggare sees them inline, accepts one and rejects one, live", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const owner = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  const url = await createStatementViaForm(owner.page, `Remiss om avgifter ${Date.now()}`);
  await owner.focusEnd("bakgrund");
  await owner.page.keyboard.type("Avgiften höjs med tio procent från årsskiftet.");
  const granskare = await StatementPage.signIn(browser, "granskare@demo.test", url);
  await expect(granskare.text("bakgrund")).toContainText("tio procent");

  // The granskare, who cannot edit, proposes two replacements.
  for (const [passage, proposed] of [
    ["tio", "fem"],
    ["från årsskiftet", "från den 1 juli"],
  ] as const) {
    await granskare.select("bakgrund", passage);
    await granskare.page.getByRole("button", { name: "Föreslå ändring av markerad text i Bakgrund" }).click();
    await granskare.page.getByLabel("Ny text").fill(proposed);
    await granskare.page.getByRole("button", { name: "Skicka förslag" }).click();
    await expect(granskare.comments.thread(proposed)).toBeVisible();
  }

  // The owner sees both inline, live: the old text struck through, the new beside it.
  const inline = owner.suggestions("bakgrund");
  await expect(inline.replaced).toHaveText(["tio", "från årsskiftet"]);
  await expect(inline.proposed).toHaveText(["fem", "från den 1 juli"]);
  const colour = await inline.proposed.first().evaluate((e) => getComputedStyle(e).color);
  expect(colour).not.toBe("rgb(27, 27, 31)");
  // Open suggestions count as open threads of the section.
  await expect(owner.openThreadCount("bakgrund")).toHaveText("2 öppna kommentarer");
  // The granskare may not decide them.
  await expect(granskare.page.getByRole("button", { name: "Godta förslaget" })).toHaveCount(0);

  await owner.comments.thread("fem").getByRole("button", { name: "Godta förslaget" }).click();
  const rejected = owner.comments.thread("från den 1 juli");
  await rejected.getByRole("button", { name: "Avvisa" }).click();
  await rejected.getByLabel("Motivering (frivillig)").fill("Datumet är inte beslutat.");
  await rejected.getByRole("button", { name: "Avvisa förslaget" }).click();

  for (const page of [owner, granskare]) {
    await expect(page.text("bakgrund")).toContainText("Avgiften höjs med fem procent från årsskiftet.");
    await expect(page.suggestions("bakgrund").proposed).toHaveCount(0);
    await expect(page.openThreadCount("bakgrund")).toHaveCount(0);
  }
  await granskare.comments.show("Alla");
  await expect(granskare.comments.thread("fem")).toContainText("Godtaget av Sara Lindqvist");
  await expect(granskare.comments.thread("från den 1 juli")).toContainText(
    "Avvisat av Sara Lindqvist: Datumet är inte beslutat.",
  );

  // The audit trail names who suggested and who accepted.
  const id = url.split("/").pop();
  const audit = await (await owner.page.request.get(`/api/statements/${id}/audit`)).json();
  const accepted = audit.events.find((event: { action: string }) => event.action === "suggestion.accepted");
  expect(accepted.actor.name).toBe("Sara Lindqvist");
  expect(accepted.details).toMatchObject({ quote: "tio", proposedText: "fem" });
  const granskareId = audit.events.find((event: { action: string }) => event.action === "suggestion.created")
    .actor.id;
  expect(accepted.details.suggestedBy).toBe(granskareId);
  expect(audit.events.map((event: { action: string }) => event.action)).toContain("suggestion.rejected");
});
