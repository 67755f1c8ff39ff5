// The JSON Schema of a consultation's open-data file (GET /api/v1/consultations/:idOrSlug/export.json), served at the
// stable URL GET /api/v1/schemas/export.json. Every object lists its fields and allows no others, so a field holding
// personal data (an e-mail, a client hash, an IP, a name at the door) cannot slip into the file unnoticed.
// The funnel is recomputed from `proposal_stage_history` (a proposal counts once in each column it entered, in its
// theme): see the description of that table.

type Schema = Record<string, unknown>;

const str = (description?: string): Schema => ({ type: "string", ...(description ? { description } : {}) });
const nstr = (description?: string): Schema => ({ type: ["string", "null"], ...(description ? { description } : {}) });
const int: Schema = { type: "integer" };
const bool: Schema = { type: "boolean" };
const nbool: Schema = { type: ["boolean", "null"] };
const strings: Schema = { type: "array", items: { type: "string" } };

/** An object with exactly these fields, all required (null where the type allows it). */
function obj(properties: Record<string, Schema>, description?: string): Schema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties), additionalProperties: false };
}
const list = (items: Schema, description?: string): Schema => ({ type: "array", ...(description ? { description } : {}), items });

const FUNNEL = ["proposed", "unified", "technical", "refined", "plan"];
const stageIds: Schema = obj(
  Object.fromEntries(FUNNEL.map((s) => [s, strings])),
  "Per funnel column, the ids of the proposals that entered it; the figure is the length of the list.",
);

export const EXPORT_SCHEMA_PATH = "/api/v1/schemas/export.json";

export const exportSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: EXPORT_SCHEMA_PATH,
  title: "Cocrea: a co-creation consultation as open data",
  description:
    "The whole consultation in one file: its stages, themes, forums with attendance counts, citizen inputs without personal data (hidden or withdrawn ones without their text), summaries, proposals with their versions, merge and split operations with their lineage edges, consensus votes, the commitments of the plan, the funnel snapshots and the follow-up reports of the commitments. Times are ISO-8601 (UTC); dates YYYY-MM-DD.",
  type: "object",
  properties: {
    $schema: str("The URL of this schema."),
    license: str(),
    generatedAt: str(),
    consultation: obj({
      id: str(),
      slug: str(),
      title: str(),
      description: str(),
      methodology: str(),
      starts_on: nstr(),
      ends_on: nstr(),
      max_commitments: int,
      max_milestones: int,
      decision_rule: str(),
      private_answers: bool,
    }),
    stages: list(
      obj({
        id: str(),
        phase: str(),
        name: str("Empty: the phase's own name."),
        position: int,
        starts_on: nstr(),
        ends_on: nstr(),
        status: { enum: ["pending", "open", "closed"] },
        opened_at: nstr(),
        closed_at: nstr(),
      }),
    ),
    themes: list(obj({ id: str(), name: str(), description: str(), position: int, archived_at: nstr() })),
    organizations: list(obj({ id: str(), name: str(), acronym: str(), sector: str() }), "Organizations named by proposals, votes and operations."),
    forums: list(
      obj({
        id: str(),
        department: str(),
        municipality: str(),
        venue: str(),
        held_on: str(),
        status: str(),
        attendance: obj({ total: int, by_sector: { type: "object", additionalProperties: { type: "integer" } } }, "Head counts at the door; never names."),
        worktables: list(obj({ id: str(), theme_id: str(), number: int })),
      }),
    ),
    inputs: list(
      obj({
        id: str(),
        channel: { enum: ["online", "forum"] },
        subject: str(),
        theme_id: nstr(),
        axis: nstr(),
        text: nstr("Null when the input was hidden by moderation or withdrawn."),
        department: nstr(),
        sector: nstr(),
        age_range: nstr(),
        gender: nstr(),
        speaks_indigenous_language: nbool,
        forum_id: nstr(),
        worktable_id: nstr(),
        speaker_sector: nstr(),
        tags: strings,
        status: { enum: ["visible", "hidden", "withdrawn"] },
        created_at: str(),
      }),
      "Citizen input from every channel, without e-mail, client hash, text fingerprint, IP, receipt code or who typed it.",
    ),
    summaries: list(obj({ id: str(), theme_id: str(), title: str(), text: str(), created_at: str(), input_ids: strings })),
    roundtables: list(obj({ id: str(), kind: { enum: ["thematic", "technical"] }, theme_id: nstr(), name: str() })),
    rounds: list(
      obj({
        id: str(),
        roundtable_id: str(),
        number: int,
        kind: str(),
        held_on: nstr(),
        status: str(),
        closes_stage: nstr(),
        opened_at: nstr(),
        closed_at: nstr(),
      }),
    ),
    proposals: list(
      obj({
        id: str(),
        theme_id: str(),
        roundtable_id: nstr(),
        proponent_organization_id: nstr(),
        title: str(),
        lead_agency: str(),
        responsible_person: obj({ name: str(), title: str() }, "Name and position only: the e-mail and phone are not published."),
        other_actors: str(),
        problem: str(),
        objective: str(),
        description: str(),
        ogp_challenge: str(),
        relevance: str(),
        ambition: str(),
        starts_on: nstr(),
        ends_on: nstr(),
        stage: { enum: FUNNEL },
        state: str(),
        state_reason: nstr(),
        state_organization_id: nstr(),
        lead_organization_id: nstr(),
        created_at: str(),
        version: int,
        milestones: list(obj({ position: int, description: str(), responsible_institution: str(), is_new: bool, starts_on: nstr(), ends_on: nstr() })),
        versions: list(
          obj({ revision: int, note: str(), edited_at: str(), title: str(), description: str(), objective: str() }),
          "Earlier texts (revision 1 is the text before the first edit).",
        ),
        responds_to: obj({ summary_ids: strings, input_ids: strings }),
      }),
      "Every registered proposal (drafts are not published).",
    ),
    proposal_stage_history: list(
      obj({ proposal_id: str(), stage: { enum: FUNNEL }, entered_at: str() }),
      "Each funnel column a proposal entered. The published figure of a column in a theme is the number of distinct proposals of that theme with a row for that column.",
    ),
    operations: list(
      obj({ id: str(), kind: { enum: ["merge", "split"] }, round_id: nstr(), agreed_note: str(), present: strings, created_at: str(), undone_at: nstr() }),
    ),
    lineage_edges: list(obj({ operation_id: str(), source_id: str(), result_id: str() })),
    votes: list(
      obj({
        id: str(),
        proposal_id: str(),
        round_id: str(),
        ballot: int,
        status: str(),
        opened_at: str(),
        closed_at: nstr(),
        outcome: nstr(),
        grade: nstr(),
        tally: obj({ agree: int, reservations: int, stand_aside: int, block: int }),
        answers: list(obj({ organization_id: nstr(), sector: str(), answer: str(), reason: str() }), "Empty when the consultation keeps answers private."),
      }),
    ),
    commitments: list(obj({ proposal_id: str(), theme_id: str(), title: str(), adopted_at: nstr() }), "The adopted proposals: the plan's commitments."),
    snapshots: list(
      obj({
        id: str(),
        stage_id: nstr(),
        round_id: nstr(),
        command_type: str(),
        taken_at: str(),
        counts: obj({ total: stageIds, byTheme: { type: "object", additionalProperties: stageIds } }),
      }),
      "The funnel as it stood when a stage, a technical session or a thematic table's last round closed.",
    ),
    responses: list(
      obj({ summary_id: nstr(), proposal_id: nstr(), text: str(), written_at: str(), superseded_at: nstr() }),
      "The point of contact's written responses (superseded ones kept).",
    ),

    followup_updates: list(
      obj({
        id: str(),
        proposal_id: str(),
        milestone_position: int,
        milestone_description: str(),
        kind: str(),
        status: nstr(),
        actual_start_on: nstr(),
        actual_end_on: nstr(),
        evidence_url: nstr(),
        note: str(),
        author_name: str(),
        author_institution: str(),
        created_at: str(),
      }),
      "Follow-up of the commitments: every progress report (status: not_started, limited, substantial, complete; actual dates) and every evidence link (note: what it shows), on a milestone by its number in the commitment, in the order written; corrections are later reports. The author by name and institution only.",
    ),
  },
  required: [
    "$schema",
    "license",
    "generatedAt",
    "consultation",
    "stages",
    "themes",
    "organizations",
    "forums",
    "inputs",
    "summaries",
    "roundtables",
    "rounds",
    "proposals",
    "proposal_stage_history",
    "operations",
    "lineage_edges",
    "votes",
    "commitments",
    "snapshots",
    "responses",
    "followup_updates",
  ],
  additionalProperties: false,
} as const;

/** The order of the file's sections after the head (consultation). */
export const EXPORT_SECTIONS = [
  "stages",
  "themes",
  "organizations",
  "forums",
  "inputs",
  "summaries",
  "roundtables",
  "rounds",
  "proposals",
  "proposal_stage_history",
  "operations",
  "lineage_edges",
  "votes",
  "commitments",
  "snapshots",
  "responses",
  "followup_updates",
] as const;
