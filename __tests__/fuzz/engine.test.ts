// Property-based tests of the whole engine: `review()` over a MemoryWorkspace of random, binary and mutated real files.
// Asserted for every generated project: no exception escapes and no rule crashes (a crash would be a notice), every
// Docker-related file is in the result and reviewed or has a finding saying why not, every finding lies inside its
// file, reviewing twice gives the same JSON, no file runs out of its time budget, and each project finishes in time.
import { allRules } from '../../rules/index.js';
import { defaultConfig } from '../../src/engine/config.js';
import { DEFAULT_FILE_BUDGET_MS } from '../../src/engine/run.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { review, type ReviewResult } from '../../src/review.js';
import { classifyByName } from '../../src/workspace/discover.js';
import { MemoryWorkspace } from '../../src/workspace/memory.js';
import { anyBytes, anyText, checkAsync, fc, mutated, projects, seeds, timeout, tokenText } from './fuzz.js';

const config = defaultConfig(allRules);

const NAMES = ['Dockerfile', 'compose.yaml', 'docker-compose.override.yml', '.dockerignore', 'Dockerfile.dockerignore', 'app/Dockerfile', 'app/.dockerignore', 'app/Containerfile.dev', 'nginx/nginx.conf', '.env', 'app.env', '.hadolint.yaml', '.github/docker-review.yml'];

const content = (): fc.Arbitrary<string | Uint8Array> =>
  fc.oneof(
    { weight: 4, arbitrary: mutated(seeds('any')) },
    { weight: 2, arbitrary: anyText() },
    { weight: 2, arbitrary: tokenText(120) },
    { weight: 1, arbitrary: anyBytes() },
  );

/** A project: a few of the names above with random, binary or mutated real content. */
const project = (): fc.Arbitrary<Record<string, string | Uint8Array>> => fc.dictionary(fc.constantFrom(...NAMES), content(), { minKeys: 1, maxKeys: 6 });

/** A real project of the corpus with one to three of its files mutated. */
const mutatedProject = (): fc.Arbitrary<Record<string, string | Uint8Array>> => {
  const all = projects().filter((p) => Object.keys(p).length > 0);
  if (!all.length) return project();
  return fc.tuple(fc.constantFrom(...all), fc.array(fc.tuple(fc.nat(), mutated(seeds('any'))), { minLength: 1, maxLength: 3 })).map(([files, edits]) => {
    const out: Record<string, string> = { ...files };
    const names = Object.keys(out).sort();
    for (const [i, text] of edits) out[names[i % names.length]] = text;
    return out;
  });
};

/** A project must be reviewed within this, whatever it holds (generous: slow shared CI; real projects take ~50 ms). */
const PER_PROJECT_MS = 10_000;

function lineCount(bytesOrText: string | Uint8Array): number {
  const text = typeof bytesOrText === 'string' ? bytesOrText : Buffer.from(bytesOrText).toString('utf8');
  return text.split(/\r\n|\r|\n/).length;
}

async function reviewProject(files: Record<string, string | Uint8Array>): Promise<ReviewResult> {
  return review({ workspace: new MemoryWorkspace(files), paths: ['.'], config, rules: allRules });
}

async function holds(files: Record<string, string | Uint8Array>): Promise<void> {
  const started = performance.now();
  const result = await reviewProject(files);
  const ms = performance.now() - started;
  if (ms > PER_PROJECT_MS) throw new Error(`review took ${Math.round(ms)} ms`);

  // No rule crashed (a crash is caught and becomes a notice).
  const crashes = result.notices.filter((n) => n.startsWith('rule '));
  if (crashes.length) throw new Error(`rules crashed:\n${crashes.join('\n')}`);
  // No file ran out of its time budget.
  const cut = result.findings.filter((f) => f.message.startsWith('review cut short'));
  if (cut.length) throw new Error(`over the per-file budget of ${DEFAULT_FILE_BUDGET_MS} ms: ${cut.map((f) => f.path).join(', ')}`);

  // Every file discovered by name is accounted for: reviewed, or with a finding that says why not.
  const byPath = new Map(result.files.map((f) => [f.path, f]));
  for (const name of Object.keys(files)) {
    const kind = classifyByName(name.split('/').pop()!);
    if (!kind || name.startsWith('.github/')) continue;
    const file = byPath.get(name);
    if (!file) throw new Error(`${name} is not in the result`);
    if (!file.reviewed && !result.findings.some((f) => f.path === name && (f.ruleId === 'file-not-reviewed' || f.ruleId === 'parse-error'))) {
      throw new Error(`${name} was not reviewed and no finding says why`);
    }
  }
  // Every finding lies inside its file.
  for (const f of result.findings) {
    const source = files[f.path];
    const lines = source === undefined ? Infinity : lineCount(source);
    if (!(f.line >= 1 && f.line <= lines && f.endLine >= f.line && f.endLine <= lines && f.column >= 1)) {
      throw new Error(`${f.ruleId} at ${f.path}:${f.line}-${f.endLine} (col ${f.column}) is outside the ${lines} lines of the file`);
    }
  }
  // Deterministic: the same project gives the same report.
  const again = await reviewProject(files);
  const json = renderJson(result);
  if (renderJson(again) !== json) throw new Error('two reviews of the same project differ');
  // Every report format renders.
  renderText(result);
  renderMarkdown(result);
  JSON.parse(renderSarif(result, { version: '0.0.0' }));
}

describe('review() over generated projects', () => {
  it('random, binary and mutated files', async () => {
    await checkAsync('engine: generated projects', 100, project(), holds);
  }, timeout(100, 400));

  it('real projects of the corpus with mutated files', async () => {
    await checkAsync('engine: mutated corpus projects', 60, mutatedProject(), holds);
  }, timeout(60, 600));
});
