import { z } from "zod";
import { id, longText } from "./fields";

export const signEthicsSchema = z.object({
  consultationId: id,
  conflicts: longText(5_000).default(""),
  accept: z.preprocess((v) => v === "on" || v === "true" || v === true, z.literal(true)),
});
