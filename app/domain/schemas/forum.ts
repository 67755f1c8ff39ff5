import { z } from "zod";
import { DEPARTMENTS } from "../guatemala";
import { id, isoDate, shortText } from "./fields";

const forumFields = {
  department: z.enum(DEPARTMENTS),
  municipality: shortText(200),
  venue: shortText(300),
  heldOn: isoDate,
  expectedAttendance: z.coerce.number().int().min(0).max(100_000).default(0),
};
export const createForumSchema = z.object({ consultationId: id, ...forumFields });
export const updateForumSchema = z.object({ forumId: id, ...forumFields });
