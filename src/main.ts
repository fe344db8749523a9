// The GitHub Action entry: read the inputs, run the review (src/github/run.ts), set the outputs and the exit code.
import * as core from '@actions/core';
import { ConfigError } from './engine/config.js';
import { describeError, statusOf } from './github/client.js';
import { InputError, readInputs } from './github/inputs.js';
import type { Logger } from './github/log.js';
import { runAction } from './github/run.js';

const log: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  annotate: (level, message, props) => (level === 'error' ? core.error : level === 'warning' ? core.warning : core.notice)(message, props),
};

async function main(): Promise<void> {
  const inputs = readInputs((name) => core.getInput(name));
  // No core.setSecret: the runner already masks github.token and secrets, and ::add-mask:: would print the token.
  const result = await runAction({
    inputs,
    env: process.env,
    log,
    writeSummary: async (markdown) => {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    },
  });
  for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
  if (result.failure) core.setFailed(`docker-review: ${result.failure}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof InputError) return core.setFailed(error.message);
  // An API failure after retries: say which request and what GitHub answered (never the headers: they hold the token).
  const request = (error as { request?: { method?: string; url?: string } }).request;
  if (statusOf(error) !== null) return core.setFailed(`docker-review: ${request?.method ?? ''} ${request?.url ?? ''} failed: ${describeError(error)}${statusOf(error) === 401 ? ' (check the github-token input)' : ''}`.replace(/\s+/g, ' '));
  core.setFailed(`docker-review failed: ${(error as Error)?.stack ?? String(error)}`);
});
