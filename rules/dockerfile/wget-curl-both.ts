import { defineRule } from '../../src/engine/rule.js';
import type { ShellCommand } from '../../src/parse/shell.js';
import { layerShips, runShells } from './lib/run.js';

export default defineRule({
  meta: {
    id: 'wget-curl-both',
    title: 'Both wget and curl used',
    priority: 'low',
    category: 'efficiency',
    rationale:
      'Using both downloaders usually means the image installs both: one more package to keep patched, and two ways to get TLS and retries right. Pick one.',
    fixable: false,
    equivalents: { hadolint: ['DL4001'], semgrep: ['use-either-wget-or-curl'] },
    appliesTo: 'dockerfile',
    enabledByDefault: false,
    strength: 'One downloader is enough',
  },
  check(ctx) {
    const first = new Map<string, { command: ShellCommand; line: number }>();
    for (const run of runShells(ctx.file)) {
      if (!layerShips(ctx.file, run)) continue;
      for (const command of run.script.commands) {
        if (command.name !== 'curl' && command.name !== 'wget') continue;
        ctx.applies();
        if (!first.has(command.name)) first.set(command.name, { command, line: command.range.line });
      }
    }
    const curl = first.get('curl');
    const wget = first.get('wget');
    if (!curl || !wget) return;
    const [earlier, later] = curl.line <= wget.line ? [curl, wget] : [wget, curl];
    ctx.report({
      range: later.command.range,
      message: `\`${later.command.name}\` is used here and \`${earlier.command.name}\` on line ${earlier.line}: one downloader is enough`,
      hint: `Use \`${earlier.command.name}\` everywhere (or the other one) and install only that tool.`,
      key: 'curl+wget',
    });
  },
});
