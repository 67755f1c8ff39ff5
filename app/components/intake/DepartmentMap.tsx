// A tile map of Guatemala's 22 departments: each square sits roughly where the department lies, darker with
// more opinions. Tiles instead of borders: legible on a small screen and a few hundred bytes.
import type { Department } from "../../domain/guatemala";
import type { Tally } from "../../domain/opinion-stats";
import { maxCount } from "../../domain/opinion-stats";

/** [column, row, short name]; Petén spans three columns. */
const TILES: Record<Department, readonly [number, number, string]> = {
  Petén: [3, 1, "PET"],
  Huehuetenango: [2, 2, "HUE"],
  Quiché: [3, 2, "QUI"],
  "Alta Verapaz": [4, 2, "AVE"],
  Izabal: [6, 2, "IZA"],
  "San Marcos": [1, 3, "SMA"],
  Quetzaltenango: [2, 3, "XEL"],
  Totonicapán: [3, 3, "TOT"],
  "Baja Verapaz": [4, 3, "BVE"],
  "El Progreso": [5, 3, "PRO"],
  Zacapa: [6, 3, "ZAC"],
  Retalhuleu: [1, 4, "REU"],
  Sololá: [2, 4, "SOL"],
  Chimaltenango: [3, 4, "CHM"],
  Guatemala: [4, 4, "GUA"],
  Jalapa: [5, 4, "JAL"],
  Chiquimula: [6, 4, "CHQ"],
  Suchitepéquez: [2, 5, "SUC"],
  Sacatepéquez: [3, 5, "SAC"],
  "Santa Rosa": [4, 5, "SRO"],
  Jutiapa: [5, 5, "JUT"],
  Escuintla: [3, 6, "ESC"],
};

export function DepartmentMap({ title, hint, tallies }: { title: string; hint: string; tallies: readonly Tally[] }) {
  const known = tallies.filter((t) => t.key && t.key in TILES);
  const max = maxCount(known);
  return (
    <figure className="gt-map-figure">
      <figcaption>{title}</figcaption>
      <ul className="gt-map" data-testid="department-map">
        {known.map((t) => {
          const [col, row, short] = TILES[t.key as Department];
          const level = t.count === 0 ? 0 : Math.ceil((t.count / max) * 4);
          return (
            <li
              key={t.key}
              className={`tile level-${level}`}
              style={{ gridColumn: t.key === "Petén" ? `${col - 1} / span 3` : col, gridRow: row }}
              title={`${t.key}: ${t.count}`}
              data-department={t.key}
            >
              <abbr title={t.key ?? ""}>{short}</abbr>
              <span>{t.count}</span>
            </li>
          );
        })}
      </ul>
      <p className="hint">{hint}</p>
    </figure>
  );
}
