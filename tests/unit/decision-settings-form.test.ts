// The technical roundtable's decision settings as the dashboard's form posts them (issue 17): every share the form
// prefills — two decimals of a percentage, 66.67 for two thirds — is accepted back as it is.
import { describe, expect, it } from "vitest";
import { decisionSettingsPayload } from "../../app/components/admin/TechnicalPanel";
import { decisionSettingsSchema } from "../../app/domain/schemas/technical";

const CONSULTATION = "0b7a4c8e-5f3d-4a2b-9c1e-2d6f8a9b0c1d";

function posted(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return decisionSettingsSchema.safeParse({ consultationId: CONSULTATION, decisionRule: "fallback", ...decisionSettingsPayload(form) });
}

describe("the decision settings form", () => {
  it("accepts the prefilled 66.67 % quorum and supermajority and 25 % of stand-asides", () => {
    const r = posted({ quorumShare: "66.67", supermajorityShare: "66.67", standAsideMaxShare: "25" });
    expect(r.success).toBe(true);
    expect(r.data?.quorumShare).toBeCloseTo(0.6667, 6);
    expect(r.data?.supermajorityShare).toBeCloseTo(0.6667, 6);
    expect(r.data?.standAsideMaxShare).toBe(0.25);
  });

  it("accepts a decimal comma as people type it in Guatemala (66,67)", () => {
    const r = posted({ quorumShare: "66,67" });
    expect(r.success).toBe(true);
    expect(r.data?.quorumShare).toBeCloseTo(0.6667, 6);
  });

  it("refuses a share over 100 % by the field's name", () => {
    const r = posted({ quorumShare: "166.67" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(["quorumShare"]);
  });
});
