// The technical roundtable's session lists, shared by server and browser without zod (schemas/technical.ts has the schemas).

/** Funnel columns a technical session may close (see app/domain/funnel.ts). */
export const SESSION_CLOSES = ["technical", "refined"] as const;
export const SESSION_KINDS = ["review", "refinement"] as const;
