/**
 * Presence colours, one per unit, chosen so white label text on them meets WCAG 2.1 AA (≥ 4.5:1).
 * A unit keeps its colour across sessions because the choice depends only on its id.
 */
export const PRESENCE_COLOURS = [
  "#1f5f99",
  "#8a3b12",
  "#2e6b30",
  "#6b2f8a",
  "#a1253f",
  "#00626b",
  "#5c5c00",
  "#7a4a00",
] as const;

export function presenceColourFor(key: string): string {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length] ?? PRESENCE_COLOURS[0];
}

/** What every client sees about a connected user: set by the server, never by the client. */
export interface PresenceIdentity {
  userId: string;
  name: string;
  unit: string | null;
  color: string;
}

interface PresenceSubject {
  id: string;
  name: string;
  roles: { unitId: string | null; unitName: string | null }[];
}

/** A user's presence: labelled with their (first) unit and coloured by it, so a unit reads as one colour. */
export function presenceIdentityOf(user: PresenceSubject): PresenceIdentity {
  const unitRole = user.roles.find((grant) => grant.unitId);
  return {
    userId: user.id,
    name: user.name,
    unit: unitRole?.unitName ?? null,
    color: presenceColourFor(unitRole?.unitId ?? user.id),
  };
}
