// The demo's story on public pages (issue 17): a consultation that has ended, an example opinion to follow, and the
// follow-up at the end of an opinion's or a capture's fate.
export const storyEs = {
  "story.ended": "Esta consulta terminó: todas sus etapas están cerradas. Lo que sigue abierto al público es el seguimiento del plan.",
  "story.example_title": "Sigue una opinión de ejemplo",
  "story.example_intro": "Recibos de opiniones que llegaron a un compromiso del plan: cada uno muestra el camino completo.",
  "story.example_receipt": "Recibo {code}",
  "story.followup_title": "Seguimiento del compromiso",
  "story.followup_progress": "«{title}»: {complete} de {count} metas cumplidas.",
  "story.followup_progress_one": "«{title}»: {complete} de {count} meta cumplida.",
  "story.followup_latest": "Último avance reportado: meta {position}, {status} ({date}).",
  "story.followup_none": "Todavía no hay avances reportados.",
  "story.followup_link": "Ver el seguimiento de este compromiso",
} as const;
