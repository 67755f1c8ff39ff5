import { z } from "zod";
import { ROLES } from "../roles";
import { email, id, password, shortText } from "./fields";

const role = z.enum(ROLES);
const organizationId = z.preprocess((v) => (v === "" ? null : v), id.nullable()).optional();

export const createInvitationSchema = z.object({
  consultationId: id,
  email,
  name: shortText(200),
  role,
  organizationId,
});
export const revokeInvitationSchema = z.object({ invitationId: id });
export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  name: shortText(200),
  password,
});
export const grantRoleSchema = z.object({ consultationId: id, userId: id, role });
export const revokeRoleSchema = grantRoleSchema;
export const loginSchema = z.object({ email, password: z.string().min(1).max(200) });
