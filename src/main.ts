// The GitHub Action entry: read inputs, review the workspace, publish the summary and outputs. Nothing else lives here.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import * as core from '@actions/core';
import { allRules } from '../rules/index.js';
import { ConfigError, DEFAULT_CONFIG_PATH, defaultConfig, FAIL_ON, parseConfig, type FailOn } from './engine/config.js';
import { PRIORITIES } from './engine/types.js';
import { renderMarkdown } from './report/markdown.js';
import { renderSarif } from './report/sarif.js';
import { review } from './review.js';
import { atOrAbove } from './score/score.js';
import { VERSION } from './version.js';
import { DiskWorkspace } from './workspace/workspace.js';

async function run(): Promise<void> {
  const root = path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
  const paths = core.getMultilineInput('path').flatMap((l) => l.split(',')).map((p) => p.trim()).filter(Boolean);
  const configPath = core.getInput('config') || DEFAULT_CONFIG_PATH;
  const failOnInput = core.getInput('fail-on');
  if (failOnInput && !FAIL_ON.includes(failOnInput as FailOn)) throw new ConfigError(`input fail-on must be one of ${FAIL_ON.join(', ')}`);

  const workspace = new DiskWorkspace(root);
  const configText = await workspace.read(configPath);
  const config = configText.ok ? parseConfig(configText.text, configPath, allRules) : defaultConfig(allRules);
  const failOn = (failOnInput || config.failOn) as FailOn;

  const result = await review({ workspace, paths: paths.length ? paths : ['.'], config, rules: allRules });
  const markdown = renderMarkdown(result);
  const outDir = process.env.RUNNER_TEMP ?? root;
  const reportPath = path.join(outDir, 'docker-review.md');
  const sarifPath = path.join(outDir, 'docker-review.sarif');
  await fs.writeFile(reportPath, markdown);
  await fs.writeFile(sarifPath, renderSarif(result, { version: VERSION }));
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();

  core.setOutput('score', result.score);
  core.setOutput('grade', result.grade);
  for (const p of PRIORITIES) core.setOutput(p, result.counts[p]);
  core.setOutput('findings', result.findings.length);
  core.setOutput('report-path', reportPath);
  core.setOutput('sarif-path', sarifPath);
  core.info(`docker-review ${VERSION}: score ${result.score}/100 (${result.grade}), ${PRIORITIES.map((p) => `${result.counts[p]} ${p}`).join(', ')}`);

  const failing = result.findings.filter((f) => atOrAbove(f.priority, failOn));
  if (failing.length) core.setFailed(`${failing.length} finding(s) at or above ${failOn}`);
}

run().catch((error: unknown) => {
  core.setFailed(error instanceof ConfigError ? error.message : `docker-review failed: ${(error as Error)?.stack ?? String(error)}`);
});
