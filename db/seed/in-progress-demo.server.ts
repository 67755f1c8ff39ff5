// The second demo consultation, in progress today (db/factories/in-progress.ts), through the command bus: the
// stages before the draft plan ran and closed in order — a public call where the Mesa Técnica signed, opinions,
// a summary, one thematic table that merged two proposals, the Mesa Técnica adopting two commitments — and today
// the opinion intake and the draft plan's comments are open, each within its dates.
import type { CommandBus } from "../../server/commands/bus.server";
import type { Actor } from "../../server/commands/types";
import { todayInGuatemala } from "../queries/follow-up.server";
import type { DB } from "../connection.server";
import { daysFrom, inProgress as demo, inProgressStageDays } from "../factories/in-progress";
import { demoPerson, runCommand as run, seedActor, seedClock } from "./run-command.server";
import { stageRunner } from "./stages-demo.server";

export interface InProgressDemo {
  consultationId: string;
  slug: string;
  planId: string;
  commitments: string[];
}

export async function seedInProgressDemo(bus: CommandBus, db: DB, contact: Actor & { kind: "user" }, today = todayInGuatemala()): Promise<InProgressDemo> {
  // What happened before today is recorded on its days (the seed's clock), from a week before the public call.
  seedClock.start(`${daysFrom(today, -63)}T15:00:00.000Z`);
  try {
    return await seedInProgress(bus, db, contact, today);
  } finally {
    seedClock.stop();
  }
}

async function seedInProgress(bus: CommandBus, db: DB, contact: Actor & { kind: "user" }, today: string): Promise<InProgressDemo> {
  const { consultationId, slug } = await run(bus, seedActor, "consultation.create", demo.consultation(today));
  await run(bus, seedActor, "role.grant", { consultationId, userId: contact.userId, role: "point_of_contact" });
  const themeIds: string[] = [];
  for (const theme of demo.themes) themeIds.push((await run<{ themeId: string }>(bus, seedActor, "theme.create", { consultationId, ...theme })).themeId);
  for (const org of demo.organizations) {
    const exists = await db.selectFrom("organizations").select("id").where("acronym", "=", org.acronym).executeTakeFirst();
    if (!exists) await run(bus, seedActor, "organization.create", { consultationId, ...org });
  }
  const orgs = new Map((await db.selectFrom("organizations").select(["id", "acronym", "name"]).execute()).map((o) => [o.acronym, o]));
  const org = (acronym: string) => orgs.get(acronym)!;
  const dates = (phase: string): [string, string] => {
    const [from, to] = inProgressStageDays[phase];
    return [daysFrom(today, from), daysFrom(today, to)];
  };
  const stages = await stageRunner(bus, db, consultationId, contact);
  // A stage that ran in the past gets its dates once closed; a stage open today gets them first (they include today).
  const past = <T>(phase: string, work: () => Promise<T>) => stages.during(phase, dates(phase), work);
  const openToday = async (phase: string) => {
    seedClock.moveTo(dates(phase)[0]);
    await stages.setDates(phase, dates(phase));
    await stages.open(phase);
  };

  const members = await past("public_call", async () => {
    const people: Array<Actor & { kind: "user" }> = [];
    for (const acronym of demo.members) {
      const person = await demoPerson(bus, consultationId, "technical_member", `Delegación de ${acronym} en la Mesa Técnica`, org(acronym).id);
      await run(bus, person, "ethics.sign", { consultationId, conflicts: "", accept: true });
      people.push(person);
    }
    return people;
  });

  // Opinion intake stays open: the demo's opinions come in, then the later stages run beside it.
  await openToday("opinion_intake");
  const opinionIds: string[] = [];
  for (const [i, o] of demo.opinions.entries()) {
    const citizen: Actor = { kind: "anonymous", clientKey: `demo-in-progress-citizen-${i}` };
    const { inputId } = await run<{ inputId: string }>(bus, citizen, "opinion.submit", {
      consultationId,
      about: `theme:${themeIds[o.theme]}`,
      text: o.text,
      department: o.department,
      sector: o.sector,
    });
    opinionIds.push(inputId);
  }
  await past("forums", async () => undefined);
  const summaryId = await past("systematization", async () => {
    const systematizer = await demoPerson(bus, consultationId, "systematizer", "Sistematización (demo en curso)");
    const { summaryId } = await run<{ summaryId: string }>(bus, systematizer, "summary.create", {
      consultationId,
      themeId: themeIds[0],
      title: demo.summary.title,
      text: demo.summary.text,
      inputIds: demo.summary.opinions.map((i) => opinionIds[i]),
    });
    return summaryId;
  });

  const unified = await past("thematic_roundtables", async () => {
    const { roundtableId } = await run<{ roundtableId: string }>(bus, contact, "roundtable.create", { consultationId, themeId: themeIds[0] });
    const { roundId } = await run<{ roundId: string }>(bus, contact, "round.schedule", {
      roundtableId,
      heldOn: daysFrom(today, demo.roundHeldOn),
      venue: "Sala de reuniones de SENACYT",
      hostOrganizationId: org("SENACYT").id,
    });
    const present = demo.members.map((a) => org(a).id);
    await run(bus, contact, "round.open", { roundId });
    await run(bus, contact, "round.attendance", { roundId, organizationIds: present });
    const proponent = await demoPerson(bus, consultationId, "proponent", "Delegación de SENACYT (proponente)", org("SENACYT").id);
    const ids: string[] = [];
    for (const p of demo.proposals(today)) {
      const { proposalId } = await run<{ proposalId: string }>(bus, proponent, "proposal.create", {
        roundtableId,
        ...p,
        respondsTo: { summaryIds: [summaryId], inputIds: [] },
      });
      ids.push(proposalId);
    }
    const tableMember = await demoPerson(bus, consultationId, "roundtable_member", "Integrante de la mesa de datos abiertos", org("RED-CIUDADANA").id);
    const { proposalId: merged } = await run<{ proposalId: string }>(bus, tableMember, "proposal.merge", {
      sourceIds: ids.slice(0, 2),
      result: demo.merged(today),
      present,
      agreed: true,
      agreedNote: "Acordado por consenso en la mesa.",
    });
    await run(bus, contact, "round.close", { roundId });
    return [merged, ids[2]];
  });

  await past("technical_roundtable", async () => {
    await run(bus, contact, "consultation.decision_settings", {
      consultationId,
      decisionRule: "consent",
      quorumShare: 0.5,
      quorumSectorMinimums: { public: 1, civil_society: 1 },
    });
    const { roundtableId } = await run<{ roundtableId: string }>(bus, contact, "technical.create", {
      consultationId,
      name: "Mesa Técnica de Gobierno Abierto",
    });
    const chair = members[0];
    await run(bus, contact, "technical.chair", { roundtableId, userId: chair.userId });
    const session = async (closesStage: string | null, heldOn: number) => {
      const { roundId } = await run<{ roundId: string }>(bus, chair, "technical.session.schedule", {
        roundtableId,
        kind: "review",
        closesStage,
        heldOn: daysFrom(today, heldOn),
        venue: "Sala de reuniones de SENACYT",
      });
      await run(bus, chair, "technical.session.open", { roundId });
      for (const m of members) await run(bus, chair, "technical.attendance", { roundId, userId: m.userId, present: true });
      return roundId;
    };
    const review = await session("technical", -12);
    for (const proposalId of unified) {
      await run(bus, chair, "proposal.criterion", { proposalId, criterion: "institution", met: true, note: "SENACYT acepta ser la institución responsable." });
      await run(bus, members[1], "proposal.criterion", {
        proposalId,
        criterion: "legal",
        met: true,
        note: "Viable: lo permite la ley de acceso a la información.",
      });
      await run(bus, members[2], "proposal.criterion", { proposalId, criterion: "financial", met: true, note: "Cubierto por el presupuesto ordinario." });
    }
    await run(bus, chair, "technical.session.close", { roundId: review });
    const voting = await session(null, -9);
    for (const proposalId of unified) {
      const { voteId } = await run<{ voteId: string }>(bus, chair, "vote.open", { proposalId });
      for (const m of members) await run(bus, m, "vote.answer", { voteId, answer: "agree", reason: "" });
      await run(bus, chair, "vote.close", { voteId });
    }
    await run(bus, chair, "technical.session.close", { roundId: voting });
  });

  // The draft plan, published for comment a week ago, with one comment already answered.
  seedClock.moveTo(dates("draft_plan")[0]);
  const { planId } = await run<{ planId: string }>(bus, contact, "plan.assemble", { consultationId, introduction: demo.introduction, proposalIds: unified });
  await run(bus, contact, "plan.publish", { planId });
  await openToday("draft_plan");
  const { commentId } = await run<{ commentId: string }>(bus, { kind: "anonymous", clientKey: "demo-in-progress-commenter" }, "plan.comment", {
    planId,
    proposalId: unified[0],
    text: demo.comment.text,
  });
  await run(bus, members[0], "plan.comment_answer", { commentId, ...demo.comment.answer });
  // The stages still ahead show their planned dates.
  for (const phase of ["ogp_review", "approval", "submission"]) await stages.setDates(phase, dates(phase));
  return { consultationId, slug, planId, commitments: unified };
}
