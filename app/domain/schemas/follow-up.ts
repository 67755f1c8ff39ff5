// The follow-up's commands and forms (decision 0009): one schema each, shared by the server and the pages.
import { z } from "zod";
import { PROGRESS_STATUSES, isHttpUrl } from "../follow-up";
import { id, longText, optionalDate, shortText } from "./fields";

/** A milestone of a commitment, by its number in the commitment's text (1, 2, …). */
const milestoneRef = { proposalId: id, position: z.coerce.number().int().min(1).max(100) };

export const assignResponsibleSchema = z.object({ proposalId: id, userId: id });

export const endResponsibilitySchema = z.object({ proposalId: id });

export const updateMilestoneSchema = z
  .object({
    ...milestoneRef,
    status: z.enum(PROGRESS_STATUSES),
    actualStartOn: optionalDate,
    actualEndOn: optionalDate,
    note: longText(3000).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.status === "complete" && !v.actualEndOn) ctx.addIssue({ code: "custom", path: ["actualEndOn"], message: "followup.issue.end_required" });
    if (v.status !== "complete" && v.actualEndOn) ctx.addIssue({ code: "custom", path: ["actualEndOn"], message: "followup.issue.end_only_when_complete" });
    if (v.status !== "not_started" && !v.actualStartOn) ctx.addIssue({ code: "custom", path: ["actualStartOn"], message: "followup.issue.start_required" });
    if (v.status === "not_started" && v.actualStartOn) ctx.addIssue({ code: "custom", path: ["actualStartOn"], message: "followup.issue.start_not_started" });
    if (v.actualStartOn && v.actualEndOn && v.actualEndOn < v.actualStartOn)
      ctx.addIssue({ code: "custom", path: ["actualEndOn"], message: "endsOn < startsOn" });
  });

export const addEvidenceSchema = z.object({
  ...milestoneRef,
  url: z.string().trim().max(2000).refine(isHttpUrl, { message: "followup.issue.http_only" }),
  description: shortText(1000),
});

export type UpdateMilestoneInput = z.input<typeof updateMilestoneSchema>;
