import { defineRule } from '../../src/engine/rule.js';
import { downloadsToStdout, isDownloader, programWords, readsProgramFromStdin, spanning, within } from './lib/download.js';
import { runShells } from './lib/run.js';

export default defineRule({
  meta: {
    id: 'curl-pipe-shell',
    title: 'Downloaded script piped into a shell',
    priority: 'high',
    category: 'security',
    rationale:
      '`curl … | sh` runs whatever the server sends at build time: nobody has reviewed it, no checksum proves it is the script you meant, and a compromised or hijacked download runs with the build\'s privileges and ends up in the image.',
    fixable: false,
    equivalents: {},
    appliesTo: 'dockerfile',
    strength: 'No downloaded script runs unverified',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      const { script } = run;
      if (script.commands.some(isDownloader)) ctx.applies();
      // curl … | [tee …] | sh
      for (const pipeline of script.pipelines) {
        const download = pipeline.findIndex((c) => isDownloader(c) && downloadsToStdout(c));
        if (download < 0) continue;
        const shell = pipeline.slice(download + 1).find(readsProgramFromStdin);
        if (shell === undefined) continue;
        ctx.report({
          range: spanning(pipeline[download].range, shell.range),
          message: `\`${pipeline[download].name} … | ${shell.name}\` runs a script downloaded at build time without verifying it`,
          hint: 'Download to a file, check it against a pinned checksum (`echo "<sha256>  install.sh" | sha256sum -c -`), then run it; or install a pinned release from a package manager.',
        });
      }
      // bash -c "$(curl …)", sh <(curl …), eval "$(wget -O- …)", source <(curl …)
      for (const command of script.commands) {
        for (const word of programWords(command)) {
          if (!word.dynamic) continue;
          const download = script.commands.find((c) => isDownloader(c) && downloadsToStdout(c) && within(c.range, word.range));
          if (download === undefined) continue;
          ctx.report({
            range: command.range,
            message: `\`${command.name}\` runs a script fetched by \`${download.name}\` at build time without verifying it`,
            hint: 'Download to a file, check it against a pinned checksum, then run it.',
          });
        }
      }
    }
  },
});
