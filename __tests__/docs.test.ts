// The README's rules table is generated from rule metadata; every rule has a doc page and a test file.
// Regenerate with `npm run docs`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allRules, ruleFamilies } from '../rules/index.js';
import { rulesTable } from '../src/report/rules-table.js';
import { PEERS, PRIORITIES, CATEGORIES } from '../src/engine/types.js';

const ROOT = process.cwd();
const FAMILY = new Map(Object.entries(ruleFamilies).flatMap(([family, rules]) => rules.map((r) => [r.meta.id, family] as const)));
const docPath = (id: string, _kind?: string) => `rules/${FAMILY.get(id)}/${id}.md`;

describe('rule documentation', () => {
  it('every rule has valid metadata, a doc page and a test file', () => {
    const ids = new Set<string>();
    for (const { meta } of allRules) {
      expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(ids.has(meta.id)).toBe(false);
      ids.add(meta.id);
      expect(PRIORITIES).toContain(meta.priority);
      expect(CATEGORIES).toContain(meta.category);
      expect(meta.rationale.length).toBeGreaterThan(20);
      for (const peer of Object.keys(meta.equivalents)) expect(PEERS).toContain(peer);
      const doc = docPath(meta.id, meta.appliesTo);
      expect({ id: meta.id, doc: existsSync(path.join(ROOT, doc)) }).toEqual({ id: meta.id, doc: true });
      const test = `__tests__/${doc.replace(/\.md$/, '.test.ts')}`;
      expect({ id: meta.id, test: existsSync(path.join(ROOT, test)) }).toEqual({ id: meta.id, test: true });
    }
  });

  it('the README rules table is up to date', () => {
    const readmePath = path.join(ROOT, 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    const table = rulesTable(allRules.map((r) => ({ ...r.meta, docPath: docPath(r.meta.id, r.meta.appliesTo) })));
    const updated = readme.replace(/(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/, `$1\n${table}\n$2`);
    if (process.env.UPDATE_DOCS) writeFileSync(readmePath, updated);
    else expect(readme).toBe(updated);
  });
});
