import { z } from "zod";
import { id, longText, shortText } from "./fields";

export const createThemeSchema = z.object({ consultationId: id, name: shortText(200), description: longText(5_000).default("") });
export const updateThemeSchema = z.object({ themeId: id, name: shortText(200), description: longText(5_000).default("") });
export const themeRefSchema = z.object({ themeId: id });
export const moveThemeSchema = z.object({ themeId: id, position: z.coerce.number().int().min(1).max(100) });
