// Preloaded with `node --require bench/rss.cjs` when GNU time is missing: writes this process's peak RSS (KiB)
// to $BENCH_RSS_FILE as it exits. Only the Node process itself is measured, not any child it spawns.
'use strict';

const fs = require('node:fs');

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(target, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // The benchmark reports a missing measurement; never change the tool's exit.
    }
  });
}
