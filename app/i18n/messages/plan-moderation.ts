// The plan's amendment page (any field of the OGP template, after approval) and plan comments in the one
// moderation queue beside the online opinions.
export const planModerationEs = {
  "planmod.queue_title": "Moderación de opiniones y comentarios al plan",
  "planmod.queue_intro":
    "Las opiniones nuevas y los comentarios al borrador del plan aparecen aquí en vivo, con sus denuncias. Ocultar no borra nada: el texto queda en el registro, se cuenta aparte y puede restaurarse.",
  "planmod.queue_empty": "No hay opiniones ni comentarios al plan en esta vista.",
  "planmod.hide_reason": "Motivo para ocultarlo",
  "planmod.amend_title": "Enmendar el compromiso {number}",
  "planmod.amend_intro":
    "El plan está aprobado: cualquier cambio queda registrado como enmienda, con su motivo, y el texto anterior sigue a la vista en la ficha pública. Cambie los campos que correspondan, metas incluidas.",
  "planmod.amend_not_frozen": "El plan todavía no está aprobado: los textos se revisan en la vista de comentarios de la Mesa Técnica, no se enmiendan.",
  "planmod.amend_reason": "Motivo de la enmienda",
  "planmod.amend_reason_hint": "Se publica junto al cambio.",
  "planmod.amend_submit": "Registrar la enmienda",
  "planmod.amend_open": "Enmendar cualquier campo…",
  "planmod.back": "Volver al plan",
  "planmod.comment_on_plan": "Comentario al plan de acción",
  "planmod.comment_on_commitment": "Comentario al plan · compromiso {number}: {title}",
  "planmod.counts": "Comentarios al plan: {visible} visibles, {hidden} ocultos, {reported} con denuncias.",
  "planmod.comments_view": "Vista de comentarios de la Mesa Técnica",
} as const;
