import { expect, test } from "./fixtures";

/** The API description is public: the systems a förvaltning connects read it before they sign in. */
test("GET /api/openapi.json answers without a session with the OpenAPI 3.1 document", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/statements/{id}/sections/{key}/approvals");
  expect(document.paths["/api/statements"].post.responses["201"]).toBeDefined();
});
