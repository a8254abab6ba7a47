import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_SESSION_MAX_AGE } from "../auth/session-lifetime";
import { DEFAULT_THROTTLE_POLICY } from "../domain/login-throttle";

const flag = z.enum(["0", "1"]).transform((value) => value === "1");

/** A whole number from the environment, at least `min` and at most `max`; `fallback` when unset. */
const whole = (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const environmentSchema = z.object({
  PORT: whole(3000, 0, 65535),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** Turns on several nodes: rooms, presence and events are shared through this Redis. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** Seconds a sign-in lasts: the JWT, its cookie and the session record alike. */
  SESSION_MAX_AGE: whole(DEFAULT_SESSION_MAX_AGE, 60, 30 * 24 * 60 * 60),
  /** The login throttle's first wait after the free failures, doubling up to the maximum. */
  LOGIN_THROTTLE_BASE_DELAY_MS: whole(DEFAULT_THROTTLE_POLICY.baseDelayMs, 0, 60_000),
  LOGIN_THROTTLE_MAX_DELAY_MS: whole(DEFAULT_THROTTLE_POLICY.maxDelayMs, 0, 60_000),
  SEED_DEMO: flag.optional(),
  /** After SIGTERM or SIGINT, the process exits with 1 if the shutdown has not finished by then. */
  SHUTDOWN_TIMEOUT_MS: whole(15_000, 100, 600_000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** `all`: web app and collaboration endpoint; `collab`: the collaboration endpoint alone (scale-out, tests). */
  BEREDNING_PARTS: z.enum(["all", "collab"]).default("all"),
  COLLAB_MAX_MESSAGE_BYTES: whole(2 * 1024 * 1024, 1024),
  COLLAB_FLUSH_MS: whole(20, 0, 1000),
  COLLAB_WRITE_INTERVAL_MS: whole(1000, 0, 10000),
  COLLAB_UNLOAD_GRACE_MS: whole(2000, 0),
  COLLAB_COMPACT_EVERY: whole(500, 1),
  COLLAB_HEARTBEAT_MS: whole(30000, 1000),
  /** How often open sockets' sessions are asked about again: expiry, and endings the bus missed. */
  COLLAB_SESSION_RECHECK_MS: whole(10_000, 1000),
  COLLAB_STALE_CHECK_MS: whole(150, 0, 1000),
  /** Several nodes: how often a changing statement re-syncs with the other nodes holding it; 0 = never. */
  COLLAB_RELAY_RESYNC_MS: whole(10_000, 0),
  /** Per connection; 0 turns a limit off. Over one, the socket is closed with 4429. */
  COLLAB_MAX_MESSAGES_PER_SECOND: whole(1000, 0),
  COLLAB_MAX_BYTES_PER_SECOND: whole(1024 * 1024, 0),
  COLLAB_MAX_AWARENESS_BYTES: whole(8192, 0),
  /** Over this, a sync step 1 closes the socket with 4400. */
  COLLAB_MAX_STATE_VECTOR_ENTRIES: whole(10000, 0),
  /** This many refused updates of one account in one statement within 10 minutes are audited. */
  COLLAB_REFUSALS_AUDITED_AFTER: whole(3, 1),
  /** A version is kept after editing pauses this long, at most one per COLLAB_VERSION_INTERVAL_MS. */
  COLLAB_VERSION_QUIET_MS: whole(60_000, 0),
  COLLAB_VERSION_INTERVAL_MS: whole(10 * 60_000, 0),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).optional(),
  /** `1`: a first sign-in through the identity provider creates the account. */
  OIDC_AUTO_CREATE: flag.optional(),
  /** The ID token or userinfo claim that lists the user's groups, mapped to roles in the admin area. */
  OIDC_GROUPS_CLAIM: z
    .string()
    .regex(/^[\w.:/-]{1,200}$/, "must be a claim name (letters, digits, _ . : / -)")
    .optional(),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Set: this process is one of several nodes sharing the database through Redis. */
  redisUrl: string | undefined;
  authSecret: string;
  publicUrl: string | undefined;
  sessionMaxAge: number;
  loginThrottle: { baseDelayMs: number; maxDelayMs: number };
  shutdownTimeoutMs: number;
  seedDemo: boolean;
  dev: boolean;
  parts: "all" | "collab";
  collab: {
    maxMessageBytes: number;
    flushDelayMs: number;
    writeIntervalMs: number;
    unloadGraceMs: number;
    compactEvery: number;
    heartbeatMs: number;
    sessionRecheckMs: number;
    staleCheckMs: number;
    relayResyncMs: number;
    maxMessagesPerSecond: number;
    maxBytesPerSecond: number;
    maxAwarenessStateBytes: number;
    maxStateVectorEntries: number;
    refusalsAuditedAfter: number;
    versionQuietMs: number;
    versionIntervalMs: number;
  };
}

export class ConfigError extends Error {}

/** Validates the environment once at start; every problem is reported, not just the first. */
export function loadConfig(environment: Record<string, string | undefined>): ServerConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  const oidcVariables = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (env.OIDC_AUTO_CREATE && !oidcVariables.every(Boolean)) {
    throw new ConfigError(
      "Invalid configuration:\n  OIDC_AUTO_CREATE needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET",
    );
  }
  if (oidcVariables.some(Boolean) && !oidcVariables.every(Boolean)) {
    throw new ConfigError(
      "Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together",
    );
  }
  if (env.REDIS_URL && !env.DATABASE_URL) {
    throw new ConfigError(
      "Invalid configuration:\n  REDIS_URL (several nodes) requires DATABASE_URL: the embedded PGlite database belongs to one process and cannot be shared between nodes",
    );
  }
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    authSecret: env.AUTH_SECRET ?? persistentAuthSecret(dataDir),
    publicUrl: env.NEXTAUTH_URL,
    sessionMaxAge: env.SESSION_MAX_AGE,
    loginThrottle: {
      baseDelayMs: env.LOGIN_THROTTLE_BASE_DELAY_MS,
      maxDelayMs: env.LOGIN_THROTTLE_MAX_DELAY_MS,
    },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    // Demo data is for the embedded database; a real PostgreSQL server gets it only when asked.
    seedDemo: env.SEED_DEMO ?? !env.DATABASE_URL,
    dev: env.NODE_ENV === "development",
    parts: env.BEREDNING_PARTS,
    collab: {
      maxMessageBytes: env.COLLAB_MAX_MESSAGE_BYTES,
      flushDelayMs: env.COLLAB_FLUSH_MS,
      writeIntervalMs: env.COLLAB_WRITE_INTERVAL_MS,
      unloadGraceMs: env.COLLAB_UNLOAD_GRACE_MS,
      compactEvery: env.COLLAB_COMPACT_EVERY,
      heartbeatMs: env.COLLAB_HEARTBEAT_MS,
      sessionRecheckMs: env.COLLAB_SESSION_RECHECK_MS,
      staleCheckMs: env.COLLAB_STALE_CHECK_MS,
      relayResyncMs: env.COLLAB_RELAY_RESYNC_MS,
      maxMessagesPerSecond: env.COLLAB_MAX_MESSAGES_PER_SECOND,
      maxBytesPerSecond: env.COLLAB_MAX_BYTES_PER_SECOND,
      maxAwarenessStateBytes: env.COLLAB_MAX_AWARENESS_BYTES,
      maxStateVectorEntries: env.COLLAB_MAX_STATE_VECTOR_ENTRIES,
      refusalsAuditedAfter: env.COLLAB_REFUSALS_AUDITED_AFTER,
      versionQuietMs: env.COLLAB_VERSION_QUIET_MS,
      versionIntervalMs: env.COLLAB_VERSION_INTERVAL_MS,
    },
  };
}

/** A newcomer needs no set-up: the secret is generated once and kept beside the data. */
function persistentAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(48).toString("base64url");
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
