import path from 'node:path';
import type { Env, Property } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { expandAt, stageAncestry, stageInstructions, targetStage, type DockerfileStage } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';
import { isTrue } from './lib/run.js';

/** Environment variables that switch a framework into debug or development mode, and the values that do it. */
const DEBUG_SETTINGS: { name: RegExp; on: (value: string) => boolean; what: string }[] = [
  { name: /^(DEBUG|FLASK_DEBUG|DJANGO_DEBUG|APP_DEBUG)$/, on: isTrue, what: 'debug mode' },
  { name: /^(NODE_ENV|FLASK_ENV|RAILS_ENV|RACK_ENV|APP_ENV)$/, on: (v) => ['development', 'dev'].includes(v.toLowerCase()), what: 'development mode' },
  { name: /^(ASPNETCORE_ENVIRONMENT|DOTNET_ENVIRONMENT)$/, on: (v) => v.toLowerCase() === 'development', what: 'the Development environment (detailed error pages)' },
  { name: /^GIN_MODE$/, on: (v) => v.toLowerCase() === 'debug', what: 'debug mode' },
  { name: /^XDEBUG_MODE$/, on: (v) => v.toLowerCase().split(',').map((s) => s.trim()).includes('debug'), what: 'Xdebug step debugging' },
];

/** A Dockerfile meant for development: `Dockerfile.dev`, `dev.Dockerfile`, `Dockerfile-development`, a final stage named `dev`. */
function isDevDockerfile(filePath: string, stageName: string | null): boolean {
  const words = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/);
  const devWords = ['dev', 'development', 'debug', 'local'];
  return words(path.posix.basename(filePath)).some((w) => devWords.includes(w)) || (stageName !== null && words(stageName).some((w) => devWords.includes(w)));
}

export default defineRule({
  meta: {
    id: 'debug-env-enabled',
    title: 'Debug or development mode baked into the image',
    priority: 'low',
    category: 'security',
    rationale:
      'An `ENV DEBUG=1`, `FLASK_DEBUG=1` or `NODE_ENV=development` in the final image makes every container of it run in debug mode unless someone remembers to override it: stack traces and settings in error pages, interactive debuggers, slower unoptimised code.',
    fixable: false,
    equivalents: { sonar: ['S4507'] },
    appliesTo: 'dockerfile',
    strength: 'The final image does not switch frameworks into debug mode',
  },
  check(ctx) {
    const file = ctx.file;
    const final = targetStage(file);
    if (!final || isDevDockerfile(file.path, final.name)) return;
    // The value each variable has in the image: the last ENV setting it along the chain of stages.
    const last = new Map<string, { stage: DockerfileStage; env: Env; property: Property }>();
    for (const stage of stageAncestry(final).reverse()) {
      for (const env of stageInstructions<Env>(stage, 'ENV')) {
        ctx.applies();
        for (const property of env.getProperties()) last.set(property.getName(), { stage, env, property });
      }
    }
    for (const [name, { stage, env, property }] of last) {
      const setting = DEBUG_SETTINGS.find((s) => s.name.test(name));
      if (!setting) continue;
      const { value, unresolved } = expandAt(file, stage, env, property.getValue() ?? '');
      if (unresolved || !setting.on(value)) continue;
      ctx.report({
        range: fromLsp(property.getNameRange()),
        message: `\`ENV ${name}=${value}\` puts every container of the final image in ${setting.what}: error pages and logs show internals, and debuggers or reloaders may run; leave it out of the image (or set the production value) and turn it on for development in compose \`environment:\` or \`docker run -e\``,
        key: `env:${name}`,
      });
    }
  },
});
