import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const base = { AUTH_SECRET: "x".repeat(32) };
const oidc = {
  OIDC_ISSUER: "https://login.example.se",
  OIDC_CLIENT_ID: "beredning",
  OIDC_CLIENT_SECRET: "s",
};

describe("the OIDC provisioning settings", () => {
  it("accept auto-create with the provider, and a claim name", () => {
    expect(() =>
      loadConfig({ ...base, ...oidc, OIDC_AUTO_CREATE: "1", OIDC_GROUPS_CLAIM: "roles" }),
    ).not.toThrow();
    expect(() => loadConfig({ ...base, OIDC_AUTO_CREATE: "0" })).not.toThrow();
  });

  it("refuse auto-create without a provider, a value other than 0 or 1, and a malformed claim name", () => {
    expect(() => loadConfig({ ...base, OIDC_AUTO_CREATE: "1" })).toThrow(
      /OIDC_AUTO_CREATE needs OIDC_ISSUER/,
    );
    expect(() => loadConfig({ ...base, ...oidc, OIDC_AUTO_CREATE: "yes" })).toThrow(/OIDC_AUTO_CREATE/);
    expect(() => loadConfig({ ...base, ...oidc, OIDC_GROUPS_CLAIM: "a b" })).toThrow(/OIDC_GROUPS_CLAIM/);
  });
});
