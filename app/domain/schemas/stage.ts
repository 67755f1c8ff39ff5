import { z } from "zod";
import { endNotBeforeStart, id, longText, optionalDate, periodIssue } from "./fields";

const stageFields = {
  name: z.string().trim().max(200).default(""),
  description: longText(5_000).default(""),
  startsOn: optionalDate,
  endsOn: optionalDate,
};

export const addStageSchema = z.object({ consultationId: id, ...stageFields }).refine(endNotBeforeStart, periodIssue);
export const updateStageSchema = z.object({ stageId: id, ...stageFields }).refine(endNotBeforeStart, periodIssue);
export const moveStageSchema = z.object({ stageId: id, position: z.coerce.number().int().min(1).max(100) });
export const stageRefSchema = z.object({ stageId: id });
