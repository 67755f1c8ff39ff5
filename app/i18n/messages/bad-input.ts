// What a reader sees when a request cannot be read (a form body that is not a form) or a stored value cannot be shown.
export const badInputEs = {
  "badinput.form_title": "No se pudo leer el formulario",
  "badinput.form_body": "Lo que llegó no es un formulario (codificación o cuerpo no válidos). No se guardó nada.",
  "badinput.back": "Volver a la página y enviarlo de nuevo",
  "badinput.invalid_date": "fecha no válida ({value})",
  // The activity feed's name of the CLI's command (the other commands' names are in activity.ts).
  "activity.cmd.dates.fix_impossible": "Fechas imposibles vaciadas (check-dates --fix)",
} as const;
