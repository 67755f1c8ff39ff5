// Preloaded with NODE_OPTIONS=--import (BENCH_PROFILE): --cpu-prof is refused in NODE_OPTIONS, so the server's
// CPU profile is taken through the inspector and written as <pid>.cpuprofile when the process exits.
import fs from "node:fs";
import path from "node:path";
import { Session } from "node:inspector";

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  process.on("exit", () => {
    // Same-thread inspector sessions answer synchronously, so this runs to the end inside the exit handler.
    session.post("Profiler.stop", (err, result) => {
      if (!err) fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
