// The stage rules and the frozen plan (issue 17): what a citizen's form answers outside its stage's dates, the
// timeline's dates in words, the refusals of an adoption once the plan is approved and the amendment that adds a
// commitment, and the count of commitments a reader sees on the plan and follow-up pages.
export const stageRulesEs = {
  "stage.closed_on": "La etapa «{stage}» cerró el {date}.",
  "stage.opens_on": "La etapa «{stage}» abre el {date}.",
  "stage.closed_on_opinion_intake": "La recepción de opiniones cerró el {date}.",
  "stage.opens_on_opinion_intake": "La recepción de opiniones abre el {date}.",
  "stage.closed_on_draft_plan": "Los comentarios al borrador del plan se recibieron hasta el {date}.",
  "stage.opens_on_draft_plan": "Los comentarios al borrador del plan se reciben a partir del {date}.",
  "stage.open_until": "abierta hasta el {date}",
  "stage.closed_on_short": "cerró el {date}",
  "stage.opens_on_short": "abre el {date}",
  "plan.error.adoption_frozen":
    "El plan ya está {status} y quedó congelado: «{title}» no puede adoptarse por votación. Un compromiso entra al plan aprobado solo por una enmienda que lo registre, con su motivo.",
  "plan.error.vote_open": "Hay una votación abierta sobre «{title}»: ciérrela antes de aprobar el plan, que queda congelado.",
  "plan.error.add_not_frozen":
    "El plan está {status}: antes de su aprobación un compromiso entra al armar el plan de nuevo; la enmienda es para el plan aprobado.",
  "plan.error.already_in_plan": "«{title}» ya es un compromiso del plan.",
  "plan.amendment_added": "Añadido al plan aprobado por enmienda. Motivo: {reason}",
  "plan.commitments_count": "El plan tiene {count} compromisos.",
  "plan.commitments_count_one": "El plan tiene {count} compromiso.",
  "plan.amend_add.title": "Añadir un compromiso por enmienda",
  "plan.amend_add.help":
    "El plan aprobado está congelado: una propuesta que cumple los tres criterios en la Mesa Técnica (o adoptada y dejada fuera) entra solo por esta enmienda, con su motivo, que se publica.",
  "plan.amend_add.proposal": "Propuesta",
  "plan.amend_add.reason": "Motivo de la enmienda",
  "plan.amend_add.number": "Número (vacío: el siguiente)",
  "plan.amend_add.submit": "Añadir al plan",
  "plan.amend_add.none": "No hay propuestas en la Mesa Técnica que puedan añadirse.",
} as const;
