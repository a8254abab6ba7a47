import { refusal } from "./api-helpers";
import { expect, test } from "./fixtures";
import { createStatementViaForm } from "./helpers";
import { LoginPage } from "./pages/login-page";

/* The whole-statement restore over HTTP, on a statement the test starts itself. */

test("POST /restore: 400 malformed, 403 for a handläggare, 404 unknown version, 200 for a chef", async ({
  browser,
}) => {
  const drafter = await LoginPage.signIn(browser, "handlaggare.bou@demo.test");
  const url = await createStatementViaForm(drafter, `Remiss om återställnings-API ${Date.now()}`);
  const base = `/api/statements/${url.split("/").pop()}`;
  const named = await drafter.request.post(`${base}/versions`, { data: { name: "Utgångsläge" } });
  expect(named.status(), await named.text()).toBe(201);
  const { id: versionId } = (await named.json()) as { id: string };

  expect(await refusal(await drafter.request.post(`${base}/restore`, { data: { versionId } }), 403)).toMatch(
    /chef/,
  );
  const chef = (await LoginPage.signIn(browser, "avdelningschef@demo.test")).request;
  await refusal(await chef.post(`${base}/restore`, { data: { versionId: "inte-ett-id" } }), 400);
  const unknown = "00000000-0000-4000-8000-000000000000";
  expect(await refusal(await chef.post(`${base}/restore`, { data: { versionId: unknown } }), 404)).toBe(
    "Versionen finns inte",
  );
  const restored = await chef.post(`${base}/restore`, { data: { versionId } });
  expect(restored.status(), await restored.text()).toBe(200);
  expect(await restored.json()).toEqual({ versionId, sections: [] });
});
