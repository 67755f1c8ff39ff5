// The public call's first block: what a visitor can do now, by the stages that are open (issue 17: on a phone the
// opinion link was seven screens down, under the long texts).
export const stageActionEs = {
  "stage_action.title": "Participe ahora",
  "stage_action.comment_plan": "Comente el borrador del plan de acción",
  "stage_action.forums": "Vea dónde y cuándo son los foros departamentales",
  "stage_action.technical": "Siga en vivo la sesión de la Mesa Técnica",
  "stage_action.funnel": "Vea qué propuestas siguen en pie",
  "stage_action.plan": "Lea el plan de acción",
  "stage_action.follow_up": "Vea el avance de los compromisos",
  "stage_action.none": "Ninguna etapa está abierta a la participación en este momento.",
} as const;
