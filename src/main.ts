// The GitHub Action entry: read the inputs, run the review (src/github/run.ts), set the outputs and the exit code.
import * as core from '@actions/core';
import { ConfigError } from './engine/config.js';
import { describeError, statusOf } from './github/client.js';
import { InputError, readInputs } from './github/inputs.js';
import type { Logger } from './github/log.js';
import { runAction } from './github/run.js';
import { SecretSet } from './report/secrets.js';

/** Secret values the review found: registered with the runner, and masked in the failure message too. */
const found = new SecretSet();

const log: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  annotate: (level, message, props) => (level === 'error' ? core.error : level === 'warning' ? core.warning : core.notice)(message, props),
};

async function main(): Promise<void> {
  const inputs = readInputs((name) => core.getInput(name));
  // The token is not registered: the runner already masks github.token and secrets; runAction masks it in every
  // message it writes anyway. Secret values found in the reviewed files are registered as they are found.
  const result = await runAction({
    inputs,
    env: process.env,
    log,
    registerSecret: (value) => {
      found.add(value);
      core.setSecret(value);
    },
    writeSummary: async (markdown) => {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    },
  });
  for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
  if (result.failure) core.setFailed(found.redact(`docker-review: ${result.failure}`));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof InputError) return core.setFailed(error.message);
  // An API failure after retries: say which request and what GitHub answered (never the headers: they hold the token).
  const request = (error as { request?: { method?: string; url?: string } }).request;
  if (statusOf(error) !== null) return core.setFailed(`docker-review: ${request?.method ?? ''} ${request?.url ?? ''} failed: ${describeError(error)}${statusOf(error) === 401 ? ' (check the github-token input)' : ''}`.replace(/\s+/g, ' '));
  core.setFailed(found.redact(`docker-review failed: ${(error as Error)?.stack ?? String(error)}`));
});
