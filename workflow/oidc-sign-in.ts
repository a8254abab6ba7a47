import type { Database } from "../db/client";
import { insertUser, updateUser } from "../db/queries/admin-users";
import {
  activeGroupMappings,
  organisationIds,
  organisationsMappingGroups,
} from "../db/queries/oidc-mappings";
import { recordOrganisationEvent } from "../db/queries/organisation-events";
import { findLoginByEmail, loadSessionUser } from "../db/queries/users";
import { grantsForGroups, sameGrants } from "../domain/oidc";

/** What the identity provider says about the person signing in. */
export interface IdentityClaims {
  email: string | null;
  name: string | null;
  groups: string[];
}

export type OidcSignIn =
  | { ok: true; userId: string }
  | { ok: false; reason: "no-email" | "unknown-account" | "deactivated" };

/**
 * The organisation a new account belongs to: the one that maps any of its groups, or else the
 * only organisation there is. None when that is ambiguous.
 */
async function organisationForNewAccount(db: Database, groups: string[]): Promise<string | null> {
  const mapping = await organisationsMappingGroups(db, groups);
  const candidates = mapping.length > 0 ? mapping : await organisationIds(db, 2);
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

async function createAccount(db: Database, email: string, claims: IdentityClaims): Promise<OidcSignIn> {
  const organisationId = await organisationForNewAccount(db, claims.groups);
  if (!organisationId) return { ok: false, reason: "unknown-account" };
  const roles = grantsForGroups((await activeGroupMappings(db, organisationId)) ?? [], claims.groups);
  const name = (claims.name?.trim() || email).slice(0, 200);
  const fields = { name, email, title: null, telephone: null, passwordHash: null };
  // The account and its audit event are written together, or neither is.
  const userId = await db.transaction(async (tx) => {
    const id = await insertUser(tx, organisationId, fields, roles);
    await recordOrganisationEvent(tx, {
      organisationId,
      actorId: null,
      action: "user.created",
      targetKind: "user",
      targetId: id,
      details: { name, email, roles, groups: claims.groups, source: "identity-provider" },
    });
    return id;
  });
  return { ok: true, userId };
}

/**
 * The roles of an account that signs in through the identity provider become the ones its groups
 * map to, when the organisation has any mapping; without one, the administration decides roles.
 */
async function syncRoles(db: Database, userId: string, groups: string[]): Promise<void> {
  const user = await loadSessionUser(db, userId);
  if (!user) return;
  const mappings = await activeGroupMappings(db, user.organisationId);
  if (!mappings) return;
  const roles = grantsForGroups(mappings, groups);
  if (sameGrants(user.roles, roles)) return;
  await db.transaction(async (tx) => {
    await updateUser(tx, userId, {}, roles);
    await recordOrganisationEvent(tx, {
      organisationId: user.organisationId,
      actorId: null,
      action: "user.roles-synced",
      targetKind: "user",
      targetId: userId,
      details: {
        before: user.roles.map(({ role, unitId }) => ({ role, unitId })),
        roles,
        groups,
      },
    });
  });
}

/**
 * A sign-in through the identity provider: the account with the provider's e-mail address, created
 * on first sign-in when `autoCreate` is set, with its roles brought in line with its groups.
 */
export async function signInThroughIdentityProvider(
  db: Database,
  claims: IdentityClaims,
  settings: { autoCreate: boolean },
): Promise<OidcSignIn> {
  const email = claims.email?.trim().toLowerCase();
  if (!email) return { ok: false, reason: "no-email" };
  const login = await findLoginByEmail(db, email);
  if (login?.deactivatedAt) return { ok: false, reason: "deactivated" };
  if (!login) {
    return settings.autoCreate ? createAccount(db, email, claims) : { ok: false, reason: "unknown-account" };
  }
  await syncRoles(db, login.id, claims.groups);
  return { ok: true, userId: login.id };
}
