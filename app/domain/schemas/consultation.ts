import { z } from "zod";
import { endNotBeforeStart, id, longText, optionalDate, periodIssue, shortText, slug } from "./fields";

const consultationFields = {
  title: shortText(200),
  description: longText(5_000).default(""),
  methodology: longText(20_000).default(""),
  participation: longText(5_000).default(""),
  ethicsText: longText(20_000).default(""),
  startsOn: optionalDate,
  endsOn: optionalDate,
  maxCommitments: z.coerce.number().int().min(1).max(100).default(20),
  maxMilestones: z.coerce.number().int().min(1).max(20).default(5),
};

export const createConsultationSchema = z.object({ slug: slug.optional(), ...consultationFields }).refine(endNotBeforeStart, periodIssue);

export const updateConsultationSchema = z.object({ consultationId: id, ...consultationFields }).refine(endNotBeforeStart, periodIssue);

export type CreateConsultationInput = z.input<typeof createConsultationSchema>;
