/** Roles a user can hold. Unit roles are held in one unit; organisation roles are held org-wide. */
export const ROLES = [
  "handlaggare",
  "granskare",
  "enhetschef",
  "avdelningschef",
  "stadsdelsdirektor",
  "admin",
] as const;

export type Role = (typeof ROLES)[number];

/** Swedish labels shown to users. */
export const ROLE_LABELS: Record<Role, string> = {
  handlaggare: "Handläggare",
  granskare: "Granskare",
  enhetschef: "Enhetschef",
  avdelningschef: "Avdelningschef",
  stadsdelsdirektor: "Stadsdelsdirektör",
  admin: "Administratör",
};

export interface RoleGrant {
  role: Role;
  /** The unit the role is held in; null for organisation-wide roles. */
  unitId: string | null;
}
