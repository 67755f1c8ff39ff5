// Roles are held per consultation. A platform admin (created by the CLI) may act as point of contact anywhere.
export const ROLES = [
  "point_of_contact",
  "facilitator",
  "systematizer",
  "proponent",
  "roundtable_member",
  "technical_member",
  "observer",
  // 0009: reports the follow-up of the commitments the point of contact names them for (commitment_responsibles).
  "commitment_responsible",
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles that may see the staff dashboard of a consultation. */
export const STAFF_ROLES: readonly Role[] = ROLES;

export function hasAnyRole(held: readonly string[], wanted: readonly Role[]): boolean {
  return held.some((r) => (wanted as readonly string[]).includes(r));
}
