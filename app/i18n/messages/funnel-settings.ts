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

export const funnelSettingsEn: Record<keyof typeof funnelSettingsEs, string> = {
  "funnel_settings.title": "Funnel columns",
  "funnel_settings.intro":
    "The stages the consultation publishes under “Proposals by stage” (the 2016 plan's five by default). Counts do not change: only which columns are shown.",
  "funnel_settings.legend": "Published columns",
  "funnel_settings.save": "Save the columns",
  "funnel_settings.read_only": "Published columns: {columns}.",
  "funnel_settings.issue.at_least_two": "Choose at least two columns.",
  "funnel_settings.issue.plan_required": "The “In the plan” column is always published.",
};
