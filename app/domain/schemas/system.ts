import { z } from "zod";
import { email, id, password, shortText } from "./fields";

/** Commands only the CLI (system actor) may run. */
export const createAdminSchema = z.object({ email, name: shortText(200), password });
export const createApiTokenSchema = z.object({ userId: id, name: shortText(100) });
/** `npm run cocrea -- check-dates --fix`: empties every impossible stored date (none to choose: it takes them all). */
export const fixImpossibleDatesSchema = z.object({});
