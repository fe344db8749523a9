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

export interface Interpolated {
  /** The text with `$$` unescaped and every variable replaced by its default (or by nothing). */
  value: string;
  /** Some variable has no default (`${VAR}`, `$VAR`, `${VAR:?err}`): the value depends on the environment. */
  unresolved: boolean;
  /** Some variable's default (`${VAR:-x}`, `${VAR-x}`) made it into `value`. */
  defaulted: boolean;
}

/**
 * Compose interpolation with an empty environment: what a value is when nobody sets the variables. Handles `$$`,
 * `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`
 * and nested defaults (`${A:-${B:-x}}`).
 */
export function interpolate(text: string): Interpolated {
  let unresolved = false;
  let defaulted = false;
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
      else if (m[2] === ':-' || m[2] === '-') {
        const sub = interpolate(m[3] ?? '');
        out += sub.value;
        unresolved ||= sub.unresolved;
        defaulted = true;
      } else if (m[2] === ':+' || m[2] === '+') {
        // The variable is unset: the alternative is not used.
      } else unresolved = true;
      i = j - 1;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
      if (m) {
        unresolved = true;
        i += m[0].length;
      } else out += c;
    }
  }
  return { value: out, unresolved, defaulted };
}

export interface BuildInfo {
  /** The Dockerfile in the project, or null (not reviewed, inline, remote context). */
  dockerfile: DockerfileFile | null;
  /** Its repository path, when it could be computed. */
  dockerfilePath: string | null;
  target: string | null;
}

/** The service's `build`, resolved against the compose file's folder; null when the service has no build. */
export function buildOf(file: ComposeFile, project: Project, data: ComposeData): BuildInfo | null {
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
    if (map.dockerfile_inline !== undefined) return { dockerfile: null, dockerfilePath: null, target: scalarText(map.target) };
    dockerfile = scalarText(map.dockerfile) ?? 'Dockerfile';
    target = scalarText(map.target);
  } else return { dockerfile: null, dockerfilePath: null, target: null };
  const ctx = interpolate(context);
  const df = interpolate(dockerfile);
  if (ctx.unresolved || df.unresolved || /^[a-z][a-z0-9+.-]*:\/\//i.test(ctx.value) || /^(git@|github\.com\/)/.test(ctx.value) || df.value.startsWith('/')) {
    return { dockerfile: null, dockerfilePath: null, target };
  }
  const rel = normalizeRelative(path.posix.join(path.posix.dirname(file.path), ctx.value, df.value));
  const found = rel === null ? undefined : project.byPath.get(rel);
  return { dockerfile: found?.kind === 'dockerfile' ? found : null, dockerfilePath: rel, target };
}
