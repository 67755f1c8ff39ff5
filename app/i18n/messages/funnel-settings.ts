// The dashboard's setting of which funnel columns a consultation publishes.
export const funnelSettingsEs = {
  "funnel_settings.title": "Columnas del embudo",
  "funnel_settings.intro":
    "Las etapas que la consulta publica en «Propuestas por etapa» (las cinco del plan 2016 por defecto). Los conteos no cambian: solo qué columnas se muestran.",
  "funnel_settings.legend": "Columnas publicadas",
  "funnel_settings.save": "Guardar las columnas",
  "funnel_settings.read_only": "Columnas publicadas: {columns}.",
  "funnel_settings.issue.at_least_two": "Elija al menos dos columnas.",
  "funnel_settings.issue.plan_required": "La columna «En el plan» siempre se publica.",
} as const;
