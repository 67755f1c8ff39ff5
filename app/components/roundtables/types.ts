// Shapes of the roundtable read models as pages receive them (type-only: nothing of the server reaches the browser).
import type { SerializeFrom } from "@remix-run/node";
import type { proposalDetail, proposalLineage, roundtableSession, roundtablesOverview } from "../../lib/queries.server";

export type Session = SerializeFrom<NonNullable<Awaited<ReturnType<typeof roundtableSession>>>>;
export type SessionProposal = Session["proposals"][number];
export type SessionRound = Session["rounds"][number];
export type SessionOperation = Session["operations"][number];
export type Organization = Session["organizations"][number];
export type StageCounts = Session["counts"];
export type Overview = SerializeFrom<Awaited<ReturnType<typeof roundtablesOverview>>>;
export type ProposalDetail = SerializeFrom<NonNullable<Awaited<ReturnType<typeof proposalDetail>>>>;
export type LineageView = SerializeFrom<NonNullable<Awaited<ReturnType<typeof proposalLineage>>>>;
