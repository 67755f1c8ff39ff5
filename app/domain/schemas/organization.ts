import { z } from "zod";
import { ORGANIZATION_SECTORS } from "../guatemala";
import { id, shortText } from "./fields";

const organizationFields = {
  name: shortText(300),
  acronym: z.string().trim().min(1).max(30),
  sector: z.enum(ORGANIZATION_SECTORS),
};
/** consultationId names the consultation whose point of contact is acting (organizations are shared). */
export const createOrganizationSchema = z.object({ consultationId: id, ...organizationFields });
export const updateOrganizationSchema = z.object({ consultationId: id, organizationId: id, ...organizationFields });
