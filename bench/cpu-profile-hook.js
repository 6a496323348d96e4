// Loaded with `node --require` (through NODE_OPTIONS, which refuses `--cpu-prof` on Node 20) in
// every Node process the engine starts during `npm run bench:profile`: profiles the process with
// the inspector and writes <pid>.cpuprofile to $BENCH_CPU_PROFILE_DIR when it exits or is
// interrupted (the engine stops plugins with SIGINT).
"use strict";
const fs = require("node:fs");
const inspector = require("node:inspector");
const path = require("node:path");

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // An in-process session answers synchronously, so this works inside an exit handler.
    session.post("Profiler.stop", (error, result) => {
      if (!error) fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on("exit", write);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.prependListener(signal, () => {
      write();
      // With no other listener, the signal would have ended the process: keep that.
      if (process.listenerCount(signal) === 1) process.exit(128 + (signal === "SIGINT" ? 2 : 15));
    });
  }
}
