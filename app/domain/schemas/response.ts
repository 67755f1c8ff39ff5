// The reasoned response (issue 10): the point of contact's written answer to one summary or one proposal.
import { z } from "zod";
import { id, shortText } from "./fields";

const optionalId = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), id.optional());

export const writeResponseSchema = z
  .object({
    summaryId: optionalId,
    proposalId: optionalId,
    text: shortText(5000),
  })
  .refine((v) => Boolean(v.summaryId) !== Boolean(v.proposalId), { message: "summaryId | proposalId", path: ["summaryId"] });
