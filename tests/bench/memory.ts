// Resident memory of a server started by spawnServer: the largest process in its process group (tsx starts the
// server as a child of its own launcher, so the group leader is not the process holding the sockets).
import fs from "node:fs";

function residentKiB(pid: string): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) : 0;
}

/** MiB resident in the process group `groupId` (Linux /proc); NaN where /proc is not there. */
export function serverResidentMiB(groupId: number): number {
  if (!fs.existsSync("/proc/self/stat")) return NaN;
  let largest = 0;
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      // Field 5 of /proc/<pid>/stat is the process group; the name (field 2) may hold spaces, so split after it.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const group = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (group === groupId) largest = Math.max(largest, residentKiB(pid));
    } catch {
      // The process ended while we looked.
    }
  }
  return largest / 1024;
}
