import { type APIRequestContext, expect, test } from "@playwright/test";
import { refusal } from "./api-helpers";
import { LoginPage } from "./pages/login-page";

/* The section templates over HTTP, against both databases: permissions, validation, 404 and 409. */

const json = { "content-type": "application/json" };

async function unitId(admin: APIRequestContext, name: string): Promise<string> {
  const { units } = (await (await admin.get("/api/admin/units")).json()) as {
    units: { id: string; name: string }[];
  };
  return units.find((unit) => unit.name === name)?.id ?? "";
}

const template = (name: string) => ({
  name,
  sections: [
    {
      key: "beslut",
      title: "Förslag till beslut",
      ownership: "avdelning",
      approvals: [{ role: "avdelningschef" }],
    },
  ],
});

test("every template route answers the administratör, refuses others, and checks its input", async ({
  browser,
}) => {
  const admin = (await LoginPage.signIn(browser, "admin@demo.test")).request;
  const chef = (await LoginPage.signIn(browser, "enhetschef.bou@demo.test")).request;
  const name = `API-mall ${Date.now()}`;

  const list = await admin.get("/api/admin/templates");
  expect(list.status()).toBe(200);
  const { templates } = (await list.json()) as { templates: { id: string; name: string }[] };
  expect(templates.map((t) => t.name)).toContain("Remissvar");

  const created = await admin.post("/api/admin/templates", { data: template(name) });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const url = `/api/admin/templates/${id}`;
  expect(((await (await admin.get(url)).json()) as { name: string }).name).toBe(name);
  const renamed = await admin.patch(url, { data: { description: "Beskriven" } });
  expect(((await renamed.json()) as { description: string }).description).toBe("Beskriven");

  for (const response of [
    await chef.get("/api/admin/templates"),
    await chef.post("/api/admin/templates", { data: template("X") }),
    await chef.get(url),
    await chef.patch(url, { data: { active: false } }),
    await chef.delete(url, { headers: json }),
  ]) {
    expect(await refusal(response, 403)).toBe("Bara en administratör har tillgång till administrationen");
  }
  const options = await chef.get("/api/templates");
  expect(((await options.json()) as { templates: { id: string }[] }).templates.map((t) => t.id)).toContain(
    id,
  );

  expect(await refusal(await admin.post("/api/admin/templates", { data: { name } }), 400)).toContain(
    "sections",
  );
  expect(await refusal(await admin.patch(url, { data: {} }), 400)).toContain("ange något att ändra");
  expect(await refusal(await admin.post("/api/admin/templates", { data: template(name) }), 409)).toBe(
    "Det finns redan en mall med det namnet",
  );
  const unknown = `/api/admin/templates/${crypto.randomUUID()}`;
  expect(await refusal(await admin.get(unknown), 404)).toBe("Mallen finns inte");
  expect(await refusal(await admin.patch(unknown, { data: { active: false } }), 404)).toBe(
    "Mallen finns inte",
  );
  expect(await refusal(await admin.delete("/api/admin/templates/inte-ett-id", { headers: json }), 404)).toBe(
    "Mallen finns inte",
  );

  const statement = await chef.post("/api/statements", {
    data: {
      templateId: id,
      recipient: "Nämnden",
      title: "Från API-mallen",
      preparingUnitIds: [await unitId(admin, "Barn- och ungdomsenheten")],
    },
  });
  expect(statement.status(), await statement.text()).toBe(201);
  expect(await refusal(await admin.delete(url, { headers: json }), 409)).toBe(
    "Mallen används av tjänsteutlåtanden och kan inte tas bort, bara avaktiveras",
  );
  expect(
    ((await (await admin.patch(url, { data: { active: false } })).json()) as { active: boolean }).active,
  ).toBe(false);
});
