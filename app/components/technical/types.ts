// Shapes of the technical roundtable's read model as pages receive them (type-only).
import type { SerializeFrom } from "@remix-run/node";
import type { technicalPublic, technicalSession } from "../../lib/queries.server";

type Loaded = NonNullable<Awaited<ReturnType<typeof technicalSession>>>;
export type TechnicalView = SerializeFrom<Extract<Loaded, { sessions: unknown }>>;
export type TechnicalSessionView = TechnicalView["sessions"][number];
export type TechnicalProposal = TechnicalView["proposals"][number];
export type TechnicalVote = TechnicalView["votes"][number];
export type TechnicalPerson = TechnicalView["members"][number];
export type Institution = TechnicalView["institutions"][number];

/** What the viewer may do (see app/lib/technical-access.server.ts). */
export interface Can {
  contact: boolean;
  chair: boolean;
  run: boolean;
  member: boolean;
  observer: boolean;
  review: boolean;
  withdraws: boolean;
}

/** The public page's view (db/queries/technical.server.ts technicalPublic): no user ids. */
export type PublicTechnicalView = SerializeFrom<Extract<NonNullable<Awaited<ReturnType<typeof technicalPublic>>>, { sessions: unknown }>>;
/** A person as both pages show them: name, organization, sector. */
export type ShownPerson = Omit<TechnicalPerson, "userId">;
