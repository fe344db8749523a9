import { defineRule } from '../../src/engine/rule.js';
import { asMap, envEntries, environmentOf, interpolate, servicesOf, type EnvEntry } from './lib.js';

/** Name words that make a variable a secret, also inside a longer word (`PGPASSWORD`, `DBPASSWD`, `apiSecret`). */
const SECRET_PARTS = ['password', 'passwd', 'passphrase', 'secret', 'apikey', 'credential', 'privatekey', 'accesskey', 'secretkey', 'authkey', 'htpasswd'];
/** Short secret words: the whole word (`DB_PASS`, `MYSQL_PWD`) or, for token, its end (`GHTOKEN`). */
const SECRET_WORDS = new Set(['pwd', 'pass', 'token']);
/** Words before `KEY` that make it a secret key (`API_KEY`, `SECRET_KEY_BASE`, `APP_KEY`). */
const KEY_QUALIFIERS = new Set(['api', 'private', 'secret', 'access', 'encryption', 'signing', 'master', 'app', 'jwt', 'session', 'hmac', 'cookie', 'license', 'auth', 'crypt', 'cipher']);
/** Name words that make it about a secret rather than the secret itself (`PASSWORD_FILE`, `TOKEN_TTL`, `DB_USER`). */
const NOT_SECRET_WORDS = new Set([
  'file', 'path', 'dir', 'name', 'user', 'username', 'id', 'length', 'len', 'min', 'max', 'ttl', 'expiry', 'expire',
  'expires', 'expiration', 'timeout', 'lifetime', 'type', 'algorithm', 'alg', 'header', 'policy', 'enabled', 'enable',
  'disabled', 'disable', 'required', 'reset', 'rotation', 'version', 'format', 'prefix', 'host', 'port', 'method',
  'mode', 'rounds', 'hash', 'location', 'endpoint', 'provider', 'issuer', 'audience', 'public', 'pub', 'limit', 'allow',
  'random', 'empty', 'generate', 'url', 'uri', 'strength', 'hint', 'policy', 'count', 'size', 'interval', 'refresh',
]);
const BOOLEAN = /^(true|false|yes|no|on|off)$/i;
const URL_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/([^/@:\s]*):([^/@\s]+)@/i;

function words(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** True when the variable's name says its value is a secret. */
function isSecretName(name: string): boolean {
  const w = words(name);
  if (!w.length || w.some((x) => NOT_SECRET_WORDS.has(x))) return false;
  return w.some((x, i) => SECRET_PARTS.some((p) => x.includes(p)) || SECRET_WORDS.has(x) || x.endsWith('token') || (x === 'key' && i > 0 && KEY_QUALIFIERS.has(w[i - 1])));
}

type Verdict = 'literal' | 'default' | null;

/** How a value sets a secret: written in the file, a default of `${VAR:-…}`, or not at all (from the environment). */
function judge(raw: string): Verdict {
  // Judged as written: a value interpolated from `.env` is not in the compose file (the .env file is judged itself).
  const { value, unresolved, defaulted } = interpolate(raw);
  const v = value.trim();
  if (unresolved || !v || BOOLEAN.test(v) || /^\/[\w./-]*$/.test(v)) return null;
  return defaulted ? 'default' : 'literal';
}

export default defineRule({
  meta: {
    id: 'compose-hardcoded-secret',
    title: 'Secret written in the compose file',
    priority: 'high',
    category: 'security',
    rationale:
      'A password, token or key written in a compose file is readable by everyone with access to the repository, forever in its history, and usually the same in every environment.',
    fixable: false,
    equivalents: { kics: ['Passwords And Secrets - Generic Password'] },
    appliesTo: 'compose',
    strength: 'No secrets are written in compose files',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      ctx.applies();
      const build = asMap(service.data.build);
      const sets: [string, EnvEntry[]][] = [
        ['environment', environmentOf(service)],
        ['build arg', build ? envEntries(service, ['build', 'args'], build.args) : []],
      ];
      for (const [kind, entries] of sets) {
        for (const entry of entries) {
          if (entry.value === null) continue;
          const where = `${kind === 'environment' ? '' : 'build arg '}\`${entry.name}\` of service \`${service.name}\``;
          const key = `service:${service.name}:${kind === 'environment' ? 'env' : 'arg'}:${entry.name}`;
          const history = kind === 'environment' ? '' : '; build args are also kept in the image\'s history';
          const hint = kind === 'environment'
            ? `require it from the environment (\`${entry.name}: \${${entry.name}:?set ${entry.name} in .env}\`, with .env untracked) or use a Compose \`secrets:\` file (\`${entry.name}_FILE=/run/secrets/…\` where the image supports it); then rotate the committed value`
            : 'pass it as a build secret (`build.secrets` and `RUN --mount=type=secret`), never as a build arg; then rotate the committed value';
          const url = URL_CREDENTIALS.exec(entry.value.trim());
          const verdict = isSecretName(entry.name) ? judge(entry.value) : url ? judge(url[2]) : null;
          if (!verdict) continue;
          const what = !isSecretName(entry.name) ? 'a URL with a password' : 'a secret';
          ctx.report({
            range: entry.range,
            in: entry.in,
            message: verdict === 'literal'
              ? `${where} holds ${what} written in the compose file: everyone who can read the repository has it${history}`
              : `${where} falls back to a default ${what === 'a secret' ? 'secret' : 'URL password'} written in the compose file: a deployment that does not set the variable runs with a value everyone can read${history}`,
            hint,
            key,
            // The value as Compose would use it (a `${VAR:-…}` default applied): masked in every output.
            secrets: [interpolate(url ? url[2] : entry.value).value],
          });
        }
      }
    }
  },
});
