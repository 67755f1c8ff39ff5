// Thematic roundtables and their rounds (date, venue, host institution, attendance by organization).
import { z } from "zod";
import { id, longText, optionalCalendarDate, optionalText } from "./fields";
import { checkbox } from "./proposal";

const optionalId = z
  .union([id, z.literal(""), z.null()])
  .transform((v) => (v ? v : null))
  .optional();
// "" and null are no date; anything else must be a day that exists.
const optionalIsoDate = optionalCalendarDate;

export const createRoundtableSchema = z.object({
  consultationId: id,
  themeId: id,
  /** Empty: "Mesa temática de <theme>". */
  name: optionalText(300),
});

const roundFields = {
  heldOn: optionalIsoDate,
  venue: longText(300).default(""),
  hostOrganizationId: optionalId,
};
export const scheduleRoundSchema = z.object({ roundtableId: id, ...roundFields });
export const updateRoundSchema = z.object({ roundId: id, ...roundFields });
export const roundRefSchema = z.object({ roundId: id });

export const closeRoundSchema = z.object({
  roundId: id,
  /**
   * Move the proposals still alive to the next funnel stage ("unified at the thematic roundtable"). Left out, it
   * does so only when no later round is scheduled; otherwise they carry over to the next round.
   */
  advance: checkbox.optional(),
});

/** The organizations present at a round (replaces the list). */
export const roundAttendanceSchema = z.object({ roundId: id, organizationIds: z.array(id).max(500).default([]) });
