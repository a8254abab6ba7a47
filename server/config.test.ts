import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const BASE = { AUTH_SECRET: "x".repeat(32), DATA_DIR: "/nonexistent-unused" };

describe("multi-node configuration", () => {
  it("refuses REDIS_URL without DATABASE_URL, naming PGlite as the reason", () => {
    expect(() => loadConfig({ ...BASE, REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BASE, REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(/PGlite/);
  });

  it("takes REDIS_URL with DATABASE_URL", () => {
    const config = loadConfig({
      ...BASE,
      REDIS_URL: "redis://127.0.0.1:6379",
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/beredning",
    });
    expect(config.redisUrl).toBe("redis://127.0.0.1:6379");
  });

  it("stays single-process without REDIS_URL", () => {
    expect(loadConfig(BASE).redisUrl).toBeUndefined();
  });

  it("refuses a REDIS_URL that is not a redis URL", () => {
    expect(() =>
      loadConfig({ ...BASE, REDIS_URL: "http://x", DATABASE_URL: "postgres://postgres@127.0.0.1/b" }),
    ).toThrow(/REDIS_URL/);
  });
});
