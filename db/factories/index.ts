// Test-data factories shared by the demo seed and the tests: payloads for commands, with sensible defaults.
import { randomUUID } from "node:crypto";

let counter = 0;
const next = () => ++counter;

export const factories = {
  consultation: (over: Record<string, unknown> = {}) => ({
    title: `Consulta de prueba ${next()}`,
    description: "Co-creación del plan de acción nacional.",
    methodology: "Convocatoria, opinión en línea, foros, mesas temáticas y Mesa Técnica.",
    participation: "Opine en línea o asista a un foro departamental.",
    ethicsText: "Declaro que actuaré con ética y que declararé mis conflictos de interés.",
    startsOn: "2016-04-01",
    endsOn: "2016-10-31",
    ...over,
  }),
  theme: (consultationId: string, over: Record<string, unknown> = {}) => ({
    consultationId,
    name: `Eje ${next()}`,
    description: "",
    ...over,
  }),
  organization: (consultationId: string, over: Record<string, unknown> = {}) => {
    const n = next();
    return { consultationId, name: `Organización ${n}`, acronym: `ORG${n}`, sector: "civil_society", ...over };
  },
  forum: (consultationId: string, over: Record<string, unknown> = {}) => ({
    consultationId,
    department: "Guatemala",
    municipality: "Guatemala",
    venue: "Salón municipal",
    heldOn: "2016-05-10",
    expectedAttendance: 150,
    ...over,
  }),
  invitation: (consultationId: string, role: string, over: Record<string, unknown> = {}) => {
    const n = next();
    return { consultationId, email: `persona${n}-${randomUUID().slice(0, 6)}@example.org`, name: `Persona ${n}`, role, ...over };
  },
  admin: (over: Record<string, unknown> = {}) => ({
    email: `admin-${randomUUID().slice(0, 8)}@example.org`,
    name: "Admin de prueba",
    password: "contraseña-segura-123",
    ...over,
  }),
};
