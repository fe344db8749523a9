import { defaultConfig } from '../../src/engine/config.js';
import { defineRule } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/run.js';
import { loadProject } from '../../src/model/project.js';
import { rangeOf } from '../../src/parse/dockerfile.js';
import { discover } from '../../src/workspace/discover.js';
import { MemoryWorkspace } from '../../src/workspace/memory.js';

// Two toy rules: one flags every RUN, one flags every compose service.
const everyRun = defineRule({
  meta: { id: 'every-run', title: 't', priority: 'low', category: 'maintainability', rationale: 'r', fixable: false, equivalents: {}, appliesTo: 'dockerfile' },
  check(ctx) {
    for (const i of ctx.file.instructions) if (i.getKeyword() === 'RUN') ctx.report({ range: { ...rangeOf(i), line: rangeOf(i).endLine }, message: 'run' });
  },
});
const everyService = defineRule({
  meta: { id: 'every-service', title: 't', priority: 'low', category: 'maintainability', rationale: 'r', fixable: false, equivalents: {}, appliesTo: 'compose' },
  check(ctx) {
    for (const s of ctx.file.services) ctx.report({ range: s.keyRange, message: `service ${s.name}` });
  },
});
const rules = [everyRun, everyService];

async function lines(files: Record<string, string>): Promise<Record<string, number[]>> {
  const ws = new MemoryWorkspace(files);
  const project = await loadProject(ws, (await discover(ws, ['.'])).files);
  const { findings } = runRules(project, rules, defaultConfig(rules));
  const out: Record<string, number[]> = {};
  for (const f of findings) (out[`${f.path} ${f.ruleId}`] ??= []).push(f.line);
  return out;
}

describe('inline suppressions', () => {
  it('disable-next-line covers the whole next instruction of a Dockerfile, for the named rule only', async () => {
    const out = await lines({
      Dockerfile: 'FROM alpine:3.20\n# docker-review-disable-next-line every-run -- reason here\nRUN apk add \\\n    curl\nRUN true\n# docker-review-disable-next-line other-rule\nRUN false\n',
    });
    expect(out).toEqual({ 'Dockerfile every-run': [5, 7] });
  });

  it('disable (no rule) silences every rule in the file', async () => {
    expect(await lines({ Dockerfile: '# docker-review-disable\nFROM alpine:3.20\nRUN true\n' })).toEqual({});
  });

  it('works in YAML with comments found by the YAML lexer, not in strings', async () => {
    const out = await lines({
      'compose.yaml': 'services:\n  # docker-review-disable-next-line every-service\n  api:\n    image: a\n    command: "# docker-review-disable every-service"\n  db:\n    image: b\n',
    });
    expect(out).toEqual({ 'compose.yaml every-service': [6] });
  });

  it('file-wide disable of a list of rules in YAML', async () => {
    const out = await lines({ 'compose.yaml': '# docker-review-disable every-service, something-else\nservices:\n  api:\n    image: a\n' });
    expect(out).toEqual({});
  });
});
