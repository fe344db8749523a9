// What the variable rules share (BuildKit's UndefinedVar, UndefinedArgInFrom, InvalidDefaultArgInFrom): the `$NAME` /
// `${NAME…}` references BuildKit expands in an instruction's source text, with exact positions; the ARGs BuildKit
// predefines; the ENV well-known base images set; and "did you mean" suggestions. This is Dockerfile word syntax
// (ENV, LABEL, COPY, FROM…), never shell: RUN bodies are not scanned here.
import type { Range } from '../../../src/engine/types.js';
import type { DockerfileFile } from '../../../src/parse/dockerfile.js';

/** An LSP range as dockerfile-ast gives it (0-based, end exclusive). */
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface VarUse {
  name: string;
  /** From the `$` to the end of the reference (`$A`, `${A:-x}`). */
  range: Range;
  /** `:-`, `-`, `:+`, `+`, `:?`, `?`, `#`, `%`, `/`… for `${A<modifier>word}`; null for `$A` and `${A}`. */
  modifier: string | null;
  /** True for a reference inside the word of another one (`$B` in `${A:-$B}`). */
  nested: boolean;
}

/**
 * The variable references BuildKit expands in the source text of `ranges` (joined as one word list): none inside
 * single quotes, none after the escape character, none on comment lines inside a continued instruction. Line
 * continuations are followed. Positional and special parameters (`$1`, `$@`) are not variables.
 */
export function variableUses(file: DockerfileFile, ranges: LspRange[]): VarUse[] {
  const { text, pos } = sourceText(file, ranges);
  const escape = file.escapeChar || '\\';
  const out: VarUse[] = [];
  const toRange = (start: number, end: number): Range => {
    const a = pos[start]!;
    const b = pos[end - 1]!;
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column + 1 };
  };
  // Returns the index just after the reference starting at `i` (text[i] === '$').
  const dollar = (i: number, nested: boolean): number => {
    if (text[i + 1] !== '{') {
      let end = i + 1;
      if (!/[A-Za-z_]/.test(text[end] ?? '')) return i + 1;
      while (end < text.length && /[A-Za-z0-9_]/.test(text[end])) end++;
      out.push({ name: text.slice(i + 1, end), range: toRange(i, end), modifier: null, nested });
      return end;
    }
    let end = i + 2;
    while (end < text.length && /[A-Za-z0-9_]/.test(text[end])) end++;
    const name = text.slice(i + 2, end);
    if (!/^[A-Za-z_]/.test(name)) return end;
    let modifier: string | null = null;
    if (text[end] !== '}') {
      const m = /^(:[-+?]|[-+?]|##?|%%?|\/\/?)/.exec(text.slice(end));
      modifier = m ? m[0] : text[end] ?? null;
    }
    const index = out.length;
    out.push({ name, range: toRange(i, end), modifier, nested });
    // The word after the modifier, up to the matching `}`: its own references count (BuildKit expands them).
    let j = end + (modifier?.length ?? 0);
    let depth = 1;
    while (j < text.length) {
      const c = text[j];
      if (c === escape) j += 2;
      else if (c === '$') j = dollar(j, true);
      else {
        if (c === '{') depth++;
        else if (c === '}' && --depth === 0) break;
        j++;
      }
    }
    const close = Math.min(j + 1, text.length);
    out[index].range = toRange(i, close);
    return close;
  };
  let single = false;
  let double = false;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === escape && !single) i += 2;
    else if (c === "'" && !double) {
      single = !single;
      i++;
    } else if (c === '"' && !single) {
      double = !double;
      i++;
    } else if (c === '$' && !single) i = dollar(i, false);
    else i++;
  }
  return out;
}

/**
 * The characters of `ranges` as BuildKit reads them, each with its position: continuation escapes and line breaks
 * dropped, comment and blank lines inside a continuation skipped, one space between ranges.
 */
function sourceText(file: DockerfileFile, ranges: LspRange[]): { text: string; pos: ({ line: number; column: number } | null)[] } {
  const escape = file.escapeChar || '\\';
  let text = '';
  const pos: ({ line: number; column: number } | null)[] = [];
  ranges.forEach((range, k) => {
    if (k > 0) {
      text += ' ';
      pos.push(null);
    }
    for (let line = range.start.line; line <= range.end.line; line++) {
      const full = file.lines[line] ?? '';
      if (line > range.start.line && (/^\s*#/.test(full) || !full.trim())) continue;
      const from = line === range.start.line ? range.start.character : 0;
      let to = line === range.end.line ? Math.min(range.end.character, full.length) : full.length;
      if (line < range.end.line) {
        const trimmed = full.slice(0, to).replace(/[ \t\r]+$/, '');
        if (trimmed.endsWith(escape)) to = trimmed.length - escape.length;
      }
      for (let c = from; c < to; c++) {
        text += full[c];
        pos.push({ line: line + 1, column: c + 1 });
      }
    }
  });
  return { text, pos };
}

// ─── Names BuildKit knows without an ARG or ENV ──────────────────────────────────────────────────────────────────

/** The platform ARGs BuildKit predefines in the global scope (usable in FROM; in a stage only after `ARG <name>`). */
export const PLATFORM_ARGS = [
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETOSVERSION', 'TARGETSTAGE',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'BUILDOSVERSION',
];

/** Proxy build args: passed to RUN's environment without an ARG, but never expanded in other instructions. */
export const PROXY_ARGS = new Set(
  ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((n) => [n, n.toLowerCase()]),
);

/**
 * ENV the official images set (docker-library and Microsoft's .NET images), by repository name: a reference to one of
 * these in a stage built on that image is defined even though the Dockerfile never declares it. BuildKit reads the
 * real list from the registry; this table covers the common bases without network access.
 */
const JAVA = ['JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL'];
const DOTNET = [
  'APP_UID', 'ASPNETCORE_HTTP_PORTS', 'ASPNETCORE_URLS', 'ASPNET_VERSION', 'DOTNET_VERSION', 'DOTNET_SDK_VERSION',
  'DOTNET_RUNNING_IN_CONTAINER', 'DOTNET_USE_POLLING_FILE_WATCHER', 'DOTNET_GENERATE_ASPNET_CERTIFICATE', 'DOTNET_NOLOGO',
  'NUGET_XMLDOC_MODE', 'POWERSHELL_DISTRIBUTION_CHANNEL',
];
const BASE_IMAGE_ENV: Record<string, string[]> = {
  python: ['PYTHON_VERSION', 'PYTHON_SHA256', 'GPG_KEY', 'LANG', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256'],
  pypy: ['PYPY_VERSION', 'LANG', 'PYTHON_PIP_VERSION'],
  node: ['NODE_VERSION', 'YARN_VERSION'],
  golang: ['GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN'],
  rust: ['RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION'],
  ruby: ['RUBY_VERSION', 'RUBY_MAJOR', 'RUBY_DOWNLOAD_SHA256', 'RUBY_DOWNLOAD_URL', 'GEM_HOME', 'BUNDLE_SILENCE_ROOT_WARNING', 'BUNDLE_APP_CONFIG', 'LANG'],
  php: ['PHP_VERSION', 'PHP_INI_DIR', 'PHP_CFLAGS', 'PHP_CPPFLAGS', 'PHP_LDFLAGS', 'PHP_URL', 'PHP_ASC_URL', 'PHP_SHA256', 'GPG_KEYS', 'PHPIZE_DEPS', 'APACHE_CONFDIR', 'APACHE_ENVVARS'],
  openjdk: JAVA,
  'eclipse-temurin': JAVA,
  amazoncorretto: JAVA,
  'ibm-semeru-runtimes': JAVA,
  sapmachine: JAVA,
  maven: [...JAVA, 'MAVEN_HOME', 'MAVEN_CONFIG'],
  gradle: [...JAVA, 'GRADLE_HOME', 'GRADLE_VERSION'],
  tomcat: [...JAVA, 'CATALINA_HOME', 'TOMCAT_MAJOR', 'TOMCAT_VERSION', 'TOMCAT_SHA512', 'TOMCAT_NATIVE_LIBDIR', 'LD_LIBRARY_PATH'],
  nginx: ['NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE', 'ACME_VERSION'],
  httpd: ['HTTPD_PREFIX', 'HTTPD_VERSION', 'HTTPD_SHA256', 'HTTPD_PATCHES'],
  postgres: ['PG_MAJOR', 'PG_VERSION', 'PGDATA', 'GOSU_VERSION', 'LANG'],
  mysql: ['MYSQL_MAJOR', 'MYSQL_VERSION', 'MYSQL_SHELL_VERSION', 'GOSU_VERSION'],
  mariadb: ['MARIADB_VERSION', 'GOSU_VERSION', 'LANG'],
  redis: ['REDIS_VERSION', 'REDIS_DOWNLOAD_URL', 'REDIS_DOWNLOAD_SHA'],
  mongo: ['MONGO_MAJOR', 'MONGO_VERSION', 'MONGO_PACKAGE', 'MONGO_REPO', 'GOSU_VERSION', 'JSYAML_VERSION', 'HOME', 'GLIBC_TUNABLES'],
  elixir: ['ELIXIR_VERSION', 'LANG', 'OTP_VERSION', 'REBAR3_VERSION'],
  erlang: ['OTP_VERSION', 'REBAR3_VERSION'],
  'dotnet/sdk': DOTNET,
  'dotnet/aspnet': DOTNET,
  'dotnet/runtime': DOTNET,
  'dotnet/runtime-deps': DOTNET,
};

/** Distribution images that set no ENV besides PATH. */
const DISTRO_IMAGES = new Set([
  'alpine', 'debian', 'ubuntu', 'busybox', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux',
  'archlinux', 'opensuse/leap', 'opensuse/tumbleweed', 'photon', 'clearlinux',
]);

function knownEnv(name: string): string[] | null {
  const repo = name.replace(/^(docker\.io\/)?(library\/)?/, '');
  if (DISTRO_IMAGES.has(repo)) return [];
  return BASE_IMAGE_ENV[repo] ?? BASE_IMAGE_ENV[repo.split('/').slice(-2).join('/')] ?? BASE_IMAGE_ENV[repo.split('/').pop() ?? ''] ?? null;
}

/** True when the official image `name` (as in `FROM name:tag`, registry and `library/` ignored) is known to set `env`. */
export function baseImageSets(name: string, env: string): boolean {
  return knownEnv(name)?.includes(env) ?? false;
}

/** True when `name` is an official image whose whole ENV is known (so a name it does not list is really unset). */
export function isKnownBaseImage(name: string): boolean {
  return knownEnv(name) !== null;
}

/**
 * Variables the shell or the container runtime sets when a command runs, which people expect in `WORKDIR $HOME/app`:
 * the image config does not have them, so Docker expands them to empty strings in Dockerfile instructions.
 */
export const RUNTIME_VARS = new Set(['HOME', 'USER', 'PWD', 'HOSTNAME', 'SHELL', 'UID', 'GID', 'LOGNAME', 'USERNAME', 'TERM']);

// ─── Suggestions ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate `name` was most likely meant to be (as BuildKit: edit distance below 3; a case difference or a swap of
 * neighbours counts as one), or null. Short names need a closer match, so `$A` is not "corrected" to `$B`.
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) return null;
    const d = candidate.toLowerCase() === name.toLowerCase() ? 1 : editDistance(name, candidate);
    const shorter = Math.min(name.length, candidate.length);
    const limit = shorter <= 2 ? 0 : shorter <= 5 ? 1 : 2;
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
