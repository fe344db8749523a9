import { allRules } from '../../rules/index.js';
import { defaultConfig } from '../../src/engine/config.js';
import { codeBlock, codeSpan, escapeMarkdown, renderMessage } from '../../src/report/escape.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { review, type ReviewResult } from '../../src/review.js';
import { MemoryWorkspace } from '../../src/workspace/memory.js';

const FILES = {
  'compose.yaml': 'version: "3.8"\nservices:\n  web:\n    build: ./web\n',
  'web/Dockerfile': 'FROM nginx:1.27\nMAINTAINER <img src=x onerror=alert(1)> @octocat #12\nRUN true\n',
  'web/.dockerignore': '.git\n',
  'broken/compose.yaml': 'services:\n  a: [\n',
};

let result: ReviewResult;
beforeAll(async () => {
  result = await review({ workspace: new MemoryWorkspace(FILES), paths: ['.'], config: defaultConfig(allRules), rules: allRules });
});

describe('escaping', () => {
  it('neutralises HTML, links, images, mentions and issue references', () => {
    const out = escapeMarkdown('<script>x</script> ![i](http://e/x.png) [l](http://e) @octocat #123 *b* `c`');
    expect(out).toBe('&lt;script&gt;x&lt;/script&gt; \\!\\[i\\](http://e/x.png) \\[l\\](http://e) @\u200doctocat #\u200d123 \\*b\\* \\`c\\`');
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('1. item')).toBe('\\1. item');
  });
  it('code spans and blocks cannot be broken out of', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeBlock('```\nevil\n```')).toMatch(/^````\n```\nevil\n```\n````$/);
  });
  it('renders a message: text escaped, code re-fenced', () => {
    expect(renderMessage('use `COPY` not <ADD> @me')).toBe('use `COPY` not &lt;ADD&gt; @\u200dme');
  });
});

describe('markdown review', () => {
  it('reads like the seed reviews', () => {
    const md = renderMarkdown(result);
    expect(md).toMatch(/^# Docker review\n\n\*\*Score: \d+\/100 \([A-F][+-]?\)\*\*/);
    for (const heading of ['## Executive summary', '## Action plan', '### 🔴 Critical', '### 🔵 Low', '## File health']) expect(md).toContain(heading);
    expect(md).toMatch(/- \[ \] \*\*MAINTAINER is deprecated\*\* — `web\/Dockerfile:2`/);
    expect(md).toContain('| `broken/compose.yaml` | compose |');
  });
  it('quotes file content safely: outside code, no HTML or mention survives', () => {
    const md = renderMarkdown(result);
    // GitHub renders neither HTML nor mentions inside code blocks and spans; check everything else.
    const outsideCode = md.replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?\n\1\2$/gm, '').replace(/(`+)[^`]*?\1/g, '');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toMatch(/@octocat/);
    expect(md).toContain('  ```\n  LABEL org.opencontainers.image.authors="<img src=x onerror=alert(1)> @octocat #12"\n  ```');
    expect(md).toContain('**Obsolete top-level `version`**');
  });
});

describe('json contract', () => {
  it('has every documented field', () => {
    const doc = JSON.parse(renderJson(result));
    expect(doc).toMatchObject({ version: 1, score: expect.any(Number), grade: expect.any(String) });
    expect(Object.keys(doc.counts)).toEqual(['critical', 'high', 'medium', 'low']);
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual(['broken/compose.yaml', 'compose.yaml', 'web/.dockerignore', 'web/Dockerfile']);
    for (const f of doc.findings) {
      for (const key of ['ruleId', 'priority', 'category', 'path', 'line', 'endLine', 'column', 'endColumn', 'message', 'equivalents', 'fingerprint', 'fix', 'related']) {
        expect(f).toHaveProperty(key);
      }
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(doc.findings.find((f: { ruleId: string }) => f.ruleId === 'parse-error')).toMatchObject({ path: 'broken/compose.yaml', priority: 'critical' });
  });
});

describe('sarif', () => {
  it('is SARIF 2.1.0 as code scanning reads it', () => {
    const sarif = JSON.parse(renderSarif(result, { version: '0.0.0' }));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of run.tool.driver.rules) expect(r).toMatchObject({ shortDescription: { text: expect.any(String) }, help: { text: expect.any(String) } });
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(res.partialFingerprints['dockerReview/v1']).toMatch(/^[0-9a-f]{32}$/);
      expect(['error', 'warning', 'note']).toContain(res.level);
    }
  });
});

describe('text', () => {
  it('lists findings per file and ends with the score line', () => {
    const text = renderText(result);
    expect(text).toMatch(/web\/Dockerfile\n( {2}\d+:\d+ .*\n)* {2}2:1 +low +`MAINTAINER`/);
    expect(text.trim().split('\n').pop()).toMatch(/^Score \d+\/100 \(.+\) — \d+ critical/);
  });
});
