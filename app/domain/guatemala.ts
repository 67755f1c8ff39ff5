// Reference lists from docs/domain.md ("Guatemala: departments and sectors"), used by forms and statistics.
export const DEPARTMENTS = [
  "Alta Verapaz",
  "Baja Verapaz",
  "Chimaltenango",
  "Chiquimula",
  "El Progreso",
  "Escuintla",
  "Guatemala",
  "Huehuetenango",
  "Izabal",
  "Jalapa",
  "Jutiapa",
  "Petén",
  "Quetzaltenango",
  "Quiché",
  "Retalhuleu",
  "Sacatepéquez",
  "San Marcos",
  "Santa Rosa",
  "Sololá",
  "Suchitepéquez",
  "Totonicapán",
  "Zacapa",
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Sectors of organizations (translation keys `sector.<key>`). */
export const ORGANIZATION_SECTORS = ["public", "civil_society", "academia", "private", "international"] as const;
export type OrganizationSector = (typeof ORGANIZATION_SECTORS)[number];

/** Sectors people speak for at tables and forums; adds plain citizens. */
export const PARTICIPANT_SECTORS = [...ORGANIZATION_SECTORS, "citizen"] as const;
