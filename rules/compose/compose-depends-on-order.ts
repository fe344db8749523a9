import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { defineRule } from '../../src/engine/rule.js';
import type { Fix } from '../../src/engine/types.js';
import { keyRange, locate, type ComposeFile } from '../../src/parse/compose.js';
import { writtenKeys } from './lib.js';

const byName = (a: string, b: string) => a.localeCompare(b);

/**
 * Sorts a `depends_on` list written in the service itself: a block list of plain names one per line, or a flow list
 * on the key's line, without comments, anchors or aliases. Null otherwise (maps are not rewritten).
 */
function sortFix(file: ComposeFile, service: string, names: string[]): Fix | null {
  const p = ['services', service, 'depends_on'];
  const own = locate(file, ['services', service]).located.node as (YamlNode & { anchor?: string }) | null;
  const { located } = locate(file, p);
  const seq = located.node;
  const key = keyRange(file, p);
  if (!isMap(own) || own.anchor || !own.items.includes(located.pair as never) || !isSeq(seq) || !key) return null;
  if (seq.anchor || seq.tag || seq.comment || seq.commentBefore) return null;
  if (!seq.items.every((item) => isScalar(item) && !item.anchor && !item.tag && !item.comment && !item.commentBefore && item.range)) return null;
  const lines = file.lines;
  const keyLine = lines[key.line - 1];
  const items = seq.items.map((item) => {
    const r = (item as YamlNode).range!;
    const start = file.lineCounter.linePos(r[0]);
    const end = file.lineCounter.linePos(r[1]);
    return { line: start.line, text: start.line === end.line ? lines[start.line - 1].slice(start.col - 1, end.col - 1) : null };
  });
  if (items.some((i) => i.text === null)) return null;
  const sorted = items.map((item, i) => ({ ...item, name: names[i] })).sort((a, b) => byName(a.name, b.name));
  if (seq.flow) {
    if (!/^\s*depends_on:\s*\[[^\]#]*\]\s*$/.test(keyLine) || items.some((i) => i.line !== key.line)) return null;
    const open = keyLine.indexOf('[');
    const close = keyLine.lastIndexOf(']');
    return { line: key.line, endLine: key.line, replacement: `${keyLine.slice(0, open + 1)}${sorted.map((i) => i.text).join(', ')}${keyLine.slice(close)}` };
  }
  if (!/^\s*depends_on:\s*$/.test(keyLine)) return null;
  const ok = items.every((item, i) => item.line === key.line + 1 + i && /^\s*-\s+\S+\s*$/.test(lines[item.line - 1]));
  if (!ok) return null;
  const replacement = items.map((item, i) => lines[item.line - 1].replace(item.text!, sorted[i].text!)).join('\n');
  return { line: key.line + 1, endLine: key.line + items.length, replacement };
}

export default defineRule({
  meta: {
    id: 'compose-depends-on-order',
    title: '`depends_on` not in alphabetical order',
    priority: 'low',
    category: 'maintainability',
    rationale: 'Dependencies listed by name are easy to scan and to compare between services, and a new one goes in one obvious place.',
    fixable: true,
    equivalents: { dclint: ['service-dependencies-alphabetical-order'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: '`depends_on` lists are sorted by name',
  },
  check(ctx) {
    const { file } = ctx;
    for (const service of writtenKeys(file, ['services'])) {
      const p = ['services', service.name, 'depends_on'];
      const { found, located } = locate(file, p);
      if (!found) continue;
      const node = located.node;
      const names = isSeq(node)
        ? node.items.map((item) => (isScalar(item) ? String(item.value) : null)).filter((n): n is string => n !== null)
        : isMap(node)
          ? writtenKeys(file, p).map((k) => k.name)
          : [];
      if (names.length < 2) continue;
      ctx.applies();
      const sorted = [...names].sort(byName);
      if (names.every((n, i) => n === sorted[i])) continue;
      ctx.report({
        range: keyRange(file, p)!,
        message: `\`depends_on\` lists ${names.map((n) => `\`${n}\``).join(', ')}: not in alphabetical order`,
        hint: `list them as ${sorted.map((n) => `\`${n}\``).join(', ')}`,
        fix: (isSeq(node) && names.length === node.items.length ? sortFix(file, service.name, names) : null) ?? undefined,
        key: `depends_on:${names.join(',')}`,
      });
    }
  },
});
