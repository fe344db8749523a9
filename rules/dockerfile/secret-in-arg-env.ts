import type { Arg, Env, Instruction, Onbuild, Property } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { fromLsp } from '../../src/parse/positions.js';

/** BuildKit's SecretsUsedInArgOrEnv tokens, plus plurals and `passphrase`. */
const SECRET_TOKENS = new Set([
  'apikey', 'auth', 'credential', 'credentials', 'key', 'keys', 'password', 'passwords', 'pword', 'passwd',
  'passphrase', 'secret', 'secrets', 'token', 'tokens',
]);
/** Anywhere in the name, these mean the value is not a secret: BuildKit's public/file/version, and GPG/PGP key ids. */
const NOT_SECRET = new Set(['public', 'file', 'version', 'gpg', 'pgp']);
/**
 * After the last secret word, these say what the variable really holds: an identifier, a location or a setting
 * (`AWS_ACCESS_KEY_ID`, `AUTH_URL`, `TOKEN_PATH`, `SECRET_NAME`, `AUTH_ENABLED`).
 */
const QUALIFIERS = new Set([
  'id', 'ids', 'name', 'names', 'url', 'uri', 'urls', 'endpoint', 'host', 'hostname', 'domain', 'server', 'port', 'path',
  'dir', 'location', 'type', 'mode', 'method', 'methods', 'provider', 'enabled', 'disabled', 'enable', 'disable', 'required',
  'length', 'size', 'ttl', 'expiry', 'expires', 'expiration', 'lifetime', 'timeout', 'header', 'issuer', 'audience',
  'realm', 'scope', 'scopes', 'algorithm', 'alg', 'format', 'prefix', 'user', 'username', 'policy',
]);

/** `DB_PASSWORD` → db, password; `apiKey` → api, key; `MyAPIKey` → my, api, key; `x-auth-token` → x, auth, token. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\-.]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export function looksSecret(name: string): boolean {
  const words = nameWords(name);
  let last = -1;
  words.forEach((w, i) => {
    if (SECRET_TOKENS.has(w)) last = i;
  });
  if (last < 0 || words.some((w) => NOT_SECRET.has(w))) return false;
  return !words.slice(last + 1).some((w) => QUALIFIERS.has(w));
}

export default defineRule({
  meta: {
    id: 'secret-in-arg-env',
    title: 'Secret in ARG or ENV',
    priority: 'high',
    category: 'security',
    rationale:
      'Build-arg values are recorded in the image history and build provenance, and ENV values are stored in the image config and every container: anyone who can pull the image can read them.',
    fixable: false,
    equivalents: {
      buildkit: ['SecretsUsedInArgOrEnv'],
      hadolint: ['DL3064'],
      trivy: ['DS-0031'],
      sonar: ['S6472'],
      semgrep: ['secret-in-build-arg'],
    },
    appliesTo: 'dockerfile',
    strength: 'No secret-looking build args or environment variables are baked into images',
  },
  check(ctx) {
    const declarations: { instruction: Instruction; onbuild: boolean }[] = [];
    for (const instruction of ctx.file.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'ARG' || keyword === 'ENV') declarations.push({ instruction, onbuild: false });
      else if (keyword === 'ONBUILD') {
        const trigger = (instruction as Onbuild).getTriggerInstruction();
        const k = trigger?.getKeyword();
        if (trigger && (k === 'ARG' || k === 'ENV')) declarations.push({ instruction: trigger, onbuild: true });
      }
    }
    for (const { instruction, onbuild } of declarations) {
      ctx.applies();
      const isArg = instruction.getKeyword() === 'ARG';
      const properties: Property[] = isArg
        ? [(instruction as Arg).getProperty()].filter((p): p is Property => p !== null)
        : (instruction as Env).getProperties();
      for (const property of properties) {
        const name = property.getName();
        if (!looksSecret(name)) continue;
        const value = property.getValue();
        const where = onbuild ? ' (through `ONBUILD`, in every image built from this one)' : '';
        let message: string;
        if (isArg) {
          const literal = value !== null && value !== '' ? '; its default value is also committed with the Dockerfile' : '';
          message = `\`ARG ${name}\` looks like a secret${where}: build-arg values are recorded in the image history and provenance, readable by anyone who can pull the image${literal}; pass it as a build secret (\`RUN --mount=type=secret,id=${name.toLowerCase()} …\`, \`docker build --secret\`)`;
        } else {
          // An empty placeholder bakes nothing in.
          if (value === null || value === '') continue;
          const source = value.includes('$') ? 'copies a build arg into' : 'bakes a literal value into';
          message = `\`ENV ${name}\` ${source} the image${where}: every layer from here on and every container carry it, and \`docker inspect\` shows it; provide it at run time (compose \`environment:\`/\`secrets:\`, an orchestrator secret) or, for build steps, a secret mount`;
        }
        ctx.report({
          range: fromLsp(property.getNameRange()),
          message,
          key: `${isArg ? 'arg' : 'env'}:${name}`,
          // A literal value is the secret itself (a `$VAR` copy names another variable): never to be shown.
          ...(value && !value.includes('$') ? { secrets: [value] } : {}),
        });
      }
    }
  },
});
