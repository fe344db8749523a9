import type { Instruction } from 'dockerfile-ast';
import type { Fix } from '../../src/engine/types.js';
import { defineRule } from '../../src/engine/rule.js';
import { rangeOf, stageAncestry, stageInstructions, targetStage, type DockerfileFile, type DockerfileStage } from '../../src/parse/dockerfile.js';

type Form = { kind: 'exec'; empty: boolean } | { kind: 'shell'; words: string[] } | { kind: 'bad-json'; text: string };

/** Characters that make a shell-form command depend on the shell (expansion, operators, quoting, globbing, comments). */
const SHELL_SYNTAX = new Set([...'$&|;<>()`\'"\\*?[]{}~#!']);

function formOf(instruction: Instruction): Form | null {
  const words = instruction.getArguments().map((a) => a.getValue());
  if (!words.length) return null;
  const text = words.join(' ');
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string')) return { kind: 'exec', empty: parsed.length === 0 };
    } catch {
      // Docker falls back to the shell form for anything that is not a JSON array of strings.
    }
    const first = text.slice(1).trimStart()[0];
    if (first !== undefined && `"'\u201c\u201d\u2018\u2019`.includes(first) && text.endsWith(']')) return { kind: 'bad-json', text };
  }
  return { kind: 'shell', words };
}

/** The last `keyword` instruction along the stage chain (final stage first) and the index of the stage that set it. */
function effective(chain: DockerfileStage[], keyword: string): { instruction: Instruction; depth: number } | null {
  for (let depth = 0; depth < chain.length; depth++) {
    const found = stageInstructions(chain[depth], keyword);
    if (found.length) return { instruction: found[found.length - 1], depth };
  }
  return null;
}

function execForm(words: string[]): string {
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}

/** Rewrites the instruction as `KEYWORD [..]` on one line, keeping its indentation; null when comments sit inside it. */
function rewrite(file: DockerfileFile, instruction: Instruction, words: string[]): Fix | null {
  const range = rangeOf(instruction);
  if (file.ast.getComments().some((c) => {
    const line = c.getRange().start.line + 1;
    return line > range.line && line <= range.endLine;
  })) return null;
  const indent = (file.lines[range.line - 1] ?? '').slice(0, range.column - 1);
  return { line: range.line, endLine: range.endLine, replacement: `${indent}${instruction.getInstruction()} ${execForm(words)}` };
}

export default defineRule({
  meta: {
    id: 'exec-form-cmd',
    title: 'CMD/ENTRYPOINT in shell form',
    priority: 'low',
    category: 'reliability',
    rationale:
      'A shell-form CMD or ENTRYPOINT runs under `/bin/sh -c`: the shell is PID 1 and does not forward SIGTERM, so `docker stop` waits for the timeout and kills the app without a clean shutdown.',
    fixable: true,
    equivalents: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
    appliesTo: 'dockerfile',
    strength: 'CMD and ENTRYPOINT use the exec form, so the app receives stop signals',
  },
  check(ctx) {
    const file = ctx.file;
    const final = targetStage(file);
    if (!final) return;
    const chain = stageAncestry(final);
    // With a SHELL instruction the shell form is a deliberate choice (BuildKit skips it too).
    if (chain.some((s) => stageInstructions(s, 'SHELL').length)) return;

    let entrypoint = effective(chain, 'ENTRYPOINT');
    let cmd = effective(chain, 'CMD');
    // Setting ENTRYPOINT resets a CMD inherited from the stage it builds on.
    if (cmd && entrypoint && entrypoint.depth < cmd.depth) cmd = null;
    // `ENTRYPOINT []` clears the entrypoint: nothing receives the CMD.
    const entrypointForm = entrypoint ? formOf(entrypoint.instruction) : null;
    if (entrypointForm?.kind === 'exec' && entrypointForm.empty) entrypoint = null;
    // A shell-form ENTRYPOINT ignores CMD altogether (its finding says so): the CMD itself is not judged, but it
    // still exists, so rewriting the ENTRYPOINT would start passing it as arguments.
    const hasCmd = cmd !== null;
    if (entrypointForm && entrypointForm.kind !== 'exec') cmd = null;

    for (const current of [entrypoint, cmd]) {
      if (!current) continue;
      const { instruction } = current;
      const form = formOf(instruction);
      if (!form) continue;
      ctx.applies();
      const keyword = instruction.getKeyword();
      if (form.kind === 'exec') continue;

      // Pseudo-JSON (`CMD ['npm', 'start']`) is json-form-invalid's finding: the container does not start at all.
      if (form.kind === 'bad-json') continue;

      const { words } = form;
      // `exec app …` replaces the shell, so the app is PID 1 and gets the signals.
      if (words[0] === 'exec') continue;
      const example = `\`${keyword} ${execForm(words.length > 2 ? [words[0], '…'] : words).replace('"…"', '…')}\``;
      let message: string;
      if (keyword === 'CMD' && entrypoint && instruction !== entrypoint.instruction) {
        message = `\`CMD\` in shell form is handed to the \`ENTRYPOINT\` (line ${rangeOf(entrypoint.instruction).line}) as \`/bin/sh -c …\` arguments: write it in exec form (${example})`;
      } else {
        const ignored = keyword === 'ENTRYPOINT' ? ', and `CMD` / `docker run` arguments are ignored' : '';
        message = `\`${keyword}\` in shell form runs as \`/bin/sh -c …\`: the shell is PID 1 and does not pass SIGTERM on, so \`docker stop\` waits 10 s and kills the app${ignored}; use the exec form (${example}) or start the command with \`exec\``;
      }
      // Mechanical only for a plain command, and only where the form does not change what runs:
      // a CMD next to an ENTRYPOINT, or an ENTRYPOINT next to a CMD, would start receiving arguments.
      const plain = words.every((w) => ![...w].some((c) => SHELL_SYNTAX.has(c) || c === file.escapeChar)) && !words[0].includes('=');
      const alone = keyword === 'CMD' ? !entrypoint : !hasCmd;
      ctx.report({ range: rangeOf(instruction), message, fix: plain && alone ? rewrite(file, instruction, words) ?? undefined : undefined });
    }
  },
});
