import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET } from "../app/api/openapi.json/route";

const API_FOLDER = path.join(process.cwd(), "app", "api");
/** next-auth's own endpoints are described by next-auth, not by this API. */
const NOT_OURS = "/api/auth/";

/** Every method exported by a route file under app/api, as "METHOD /api/path/{param}". */
async function routeFileOperations(): Promise<string[]> {
  const files = (await readdir(API_FOLDER, { recursive: true })).filter((file) =>
    file.endsWith(`${path.sep}route.ts`),
  );
  const operations: string[] = [];
  for (const file of files) {
    const route = `/api/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    if (route.startsWith(NOT_OURS)) continue;
    const source = await readFile(path.join(API_FOLDER, file), "utf8");
    const exported = /export (?:(?:async )?function|const) (GET|POST|PUT|PATCH|DELETE)\b/g;
    for (const [, method] of source.matchAll(exported)) operations.push(`${method} ${route}`);
  }
  return operations.sort();
}

async function servedDocument(): Promise<{ paths: Record<string, Record<string, unknown>> }> {
  const response = GET();
  expect(response.status).toBe(200);
  return response.json();
}

describe("/api/openapi.json", () => {
  it("validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(await servedDocument());
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes exactly the operations the route files under app/api export", async () => {
    const documented = Object.entries((await servedDocument()).paths)
      .flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`))
      .sort();
    const files = await routeFileOperations();
    expect(files.length).toBeGreaterThan(10);
    expect(documented).toEqual(files);
  });
});
