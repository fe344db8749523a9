// How Compose reads a service's `build:`: interpolation with an empty environment, then the Dockerfile the build uses.
// Shared by the project model (which files a stack pulls in) and the rules, so both resolve a build the same way.
import path from 'node:path';
import type { ComposeData, ComposeFile } from '../parse/compose.js';
import type { DockerfileFile } from '../parse/dockerfile.js';
import { normalizeRelative } from '../workspace/workspace.js';
import type { Project } from './project.js';

export function asMap(value: unknown): ComposeData | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as ComposeData) : null;
}

/** A scalar as Compose reads it (numbers and booleans become text); null for null, maps and lists. */
export function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return null;
}

/** Splits on `sep` outside `${…}`. */
export function splitOutsideVariables(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      depth++;
      current += '${';
      i++;
      continue;
    }
    if (c === '}' && depth > 0) depth--;
    if (c === sep && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

const NO_VARIABLES: ReadonlyMap<string, string> = new Map();

export interface Interpolated {
  /** The text with `$$` unescaped and every variable replaced by its default (or by nothing). */
  value: string;
  /** Some variable has no default (`${VAR}`, `$VAR`, `${VAR:?err}`): the value depends on the environment. */
  unresolved: boolean;
  /** Some variable's default (`${VAR:-x}`, `${VAR-x}`) made it into `value`. */
  defaulted: boolean;
  /** Names of the variables whose value came from `env` (the project's `.env`). */
  fromEnv: string[];
}

/**
 * Compose interpolation from `env` (the project's `.env`; the shell's environment is unknown, so treated as empty):
 * what a value is when nobody else sets the variables. Nothing is executed. Handles `$$`,
 * `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`
 * and nested defaults (`${A:-${B:-x}}`).
 */
export function interpolate(text: string, env: ReadonlyMap<string, string> = NO_VARIABLES): Interpolated {
  let unresolved = false;
  let defaulted = false;
  const fromEnv: string[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '{') {
      let depth = 1;
      let j = i + 2;
      for (; j < text.length && depth > 0; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
      }
      if (depth > 0) {
        out += text.slice(i);
        break;
      }
      const inner = text.slice(i + 2, j - 1);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(inner);
      if (!m) unresolved = true;
      else {
        const value = env.get(m[1]);
        const set = value !== undefined;
        const nonEmpty = set && value !== '';
        const op = m[2];
        if (op === ':-' || op === '-') {
          if (op === ':-' ? nonEmpty : set) {
            out += value;
            fromEnv.push(m[1]);
          } else {
            const sub = interpolate(m[3] ?? '', env);
            out += sub.value;
            unresolved ||= sub.unresolved;
            fromEnv.push(...sub.fromEnv);
            defaulted = true;
          }
        } else if (op === ':+' || op === '+') {
          if (op === ':+' ? nonEmpty : set) {
            const sub = interpolate(m[3] ?? '', env);
            out += sub.value;
            unresolved ||= sub.unresolved;
            fromEnv.push(...sub.fromEnv);
          }
        } else if (set) {
          out += value;
          fromEnv.push(m[1]);
        } else unresolved = true;
      }
      i = j - 1;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
      if (m) {
        const value = env.get(m[0]);
        if (value !== undefined) {
          out += value;
          fromEnv.push(m[0]);
        } else unresolved = true;
        i += m[0].length;
      } else out += c;
    }
  }
  return { value: out, unresolved, defaulted, fromEnv };
}

export interface BuildInfo {
  /** The Dockerfile in the project, or null (not reviewed, inline, remote context). */
  dockerfile: DockerfileFile | null;
  /** Its repository path, when it could be computed. */
  dockerfilePath: string | null;
  /** The build context's repository path ('' for the root), or null (remote, outside the repository, unknown). */
  context: string | null;
  target: string | null;
}

/**
 * The service's `build`, resolved against `base` (the compose file, or the folder its paths resolve against) and
 * interpolated with `env`; null when the service has no build.
 */
export function buildOf(base: ComposeFile | string, project: Project, data: ComposeData, env?: ReadonlyMap<string, string>): BuildInfo | null {
  const build = data.build;
  if (build === undefined || build === null) return null;
  let context = '.';
  let dockerfile = 'Dockerfile';
  let target: string | null = null;
  const text = scalarText(build);
  const map = asMap(build);
  if (text !== null) context = text;
  else if (map) {
    context = scalarText(map.context) ?? '.';
    if (map.dockerfile_inline !== undefined) return { dockerfile: null, dockerfilePath: null, context: null, target: scalarText(map.target) };
    dockerfile = scalarText(map.dockerfile) ?? 'Dockerfile';
    target = scalarText(map.target);
  } else return { dockerfile: null, dockerfilePath: null, context: null, target: null };
  const ctx = interpolate(context, env);
  const df = interpolate(dockerfile, env);
  if (ctx.unresolved || df.unresolved || /^[a-z][a-z0-9+.-]*:\/\//i.test(ctx.value) || /^(git@|github\.com\/)/.test(ctx.value) || df.value.startsWith('/')) {
    return { dockerfile: null, dockerfilePath: null, context: null, target };
  }
  const dir = typeof base === 'string' ? base : path.posix.dirname(base.path);
  const rel = normalizeRelative(path.posix.join(dir || '.', ctx.value, df.value));
  const contextPath = normalizeRelative(path.posix.join(dir || '.', ctx.value));
  const found = rel === null ? undefined : project.byPath.get(rel);
  return { dockerfile: found?.kind === 'dockerfile' ? found : null, dockerfilePath: rel, context: contextPath, target };
}

export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(true|yes|on|1)$/i.test(value.trim()));
}

/** A service `volumes:` entry as data, short (`src:dst[:mode]`) or long syntax, interpolated with `env`. */
export interface MountSpec {
  type: 'bind' | 'volume' | 'tmpfs' | 'other';
  /** Host path (bind) or volume name, interpolated with defaults; null for anonymous volumes. */
  source: string | null;
  target: string | null;
  /** The source depends on a variable without default. */
  sourceUnknown: boolean;
  readOnly: boolean;
}

export function parseMount(entry: unknown, env?: ReadonlyMap<string, string>): MountSpec | null {
  const interp = (t: string) => interpolate(t, env);
  const text = scalarText(entry);
  if (text !== null) {
    const parts = splitOutsideVariables(text.trim(), ':');
    if (parts.length === 1) return { type: 'volume', source: null, target: interp(parts[0]).value, sourceUnknown: false, readOnly: false };
    const source = interp(parts[0]);
    const mode = parts.length > 2 ? parts.slice(2).join(':') : '';
    const isBind = /^(\.|\/|~)/.test(source.value) || (source.unresolved && /^\$/.test(parts[0]));
    return {
      type: isBind ? 'bind' : 'volume',
      source: source.value,
      target: interp(parts[1]).value,
      sourceUnknown: source.unresolved,
      readOnly: mode.split(',').includes('ro'),
    };
  }
  const map = asMap(entry);
  if (!map) return null;
  const type = scalarText(map.type);
  const sourceText = scalarText(map.source);
  const source = sourceText === null ? null : interp(sourceText);
  const target = scalarText(map.target);
  return {
    type: type === 'bind' || type === 'volume' || type === 'tmpfs' ? type : 'other',
    source: source?.value ?? null,
    target: target === null ? null : interp(target).value,
    sourceUnknown: source?.unresolved ?? false,
    readOnly: isTrue(map.read_only),
  };
}
