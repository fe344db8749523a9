// What a Dockerfile's COPY and ADD instructions put where: sources (variables expanded), absolute destinations
// (WORKDIR applied), and the way back from a path inside a stage to the build-context path a plain COPY took it from.
// Shared by the project load (which nginx configs to read) and the nginx model (which container runs which config).
import path from 'node:path';
import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { expandAt, stageAncestry, type DockerfileFile, type DockerfileStage } from '../parse/dockerfile.js';

export interface CopyEntry {
  instruction: Instruction;
  stage: DockerfileStage;
  from: string | null;
  /** Expanded sources; null for one with a variable without value. */
  sources: (string | null)[];
  /** Absolute destination (WORKDIR applied); null when unknown. Ends with '/' for a folder. */
  dest: string | null;
}

export function copyEntries(file: DockerfileFile, stage: DockerfileStage): CopyEntry[] {
  const out: CopyEntry[] = [];
  let workdir = '/';
  for (const instruction of stage.instructions) {
    const keyword = instruction.getKeyword();
    const expand = (w: string) => {
      if (!w.includes('$')) return w;
      const e = expandAt(file, stage, instruction, w);
      return e.unresolved ? null : e.value;
    };
    if (keyword === 'WORKDIR') {
      const dir = expand(instruction.getArguments()[0]?.getValue() ?? '');
      workdir = dir === null ? '/?' : path.posix.resolve(workdir, dir);
      continue;
    }
    if (keyword !== 'COPY' && keyword !== 'ADD') continue;
    const json = (instruction as Partial<JSONInstruction>).getJSONStrings?.() ?? [];
    const words = (json.length ? json.map((s) => s.getJSONValue()) : instruction.getArguments().map((a) => a.getValue()))
      .map((w) => (w.length >= 2 && (w[0] === '"' || w[0] === "'") && w[w.length - 1] === w[0] ? w.slice(1, -1) : w));
    if (words.length < 2 || words.some((w) => w.startsWith('<<'))) continue;
    const flags = (instruction as Partial<Pick<JSONInstruction, 'getFlags'>>).getFlags?.() ?? [];
    const from = flags.find((f) => f.getName().toLowerCase() === 'from')?.getValue() ?? null;
    const destRaw = expand(words[words.length - 1]);
    const dest = destRaw === null || workdir.includes('?') && !destRaw.startsWith('/')
      ? null
      : path.posix.resolve(workdir, destRaw) + (destRaw.endsWith('/') || destRaw === '.' || words.length > 2 ? '/' : '');
    out.push({ instruction, stage, from, sources: words.slice(0, -1).map(expand), dest });
  }
  return out;
}

/** Where a source lands: `dest` itself, or `dest/<basename>` when dest is a folder. */
export function landing(source: string, dest: string): string {
  return dest.endsWith('/') ? path.posix.join(dest, path.posix.basename(source)) : dest;
}

/** The context path a plain COPY of `stage` (or of the stages it builds on) put at the absolute path `absolute`. */
export function traceToContext(file: DockerfileFile, stage: DockerfileStage, absolute: string): string | null {
  const target = path.posix.resolve('/', absolute);
  for (const s of stageAncestry(stage)) {
    const copies = copyEntries(file, s).filter((c) => c.from === null && c.dest !== null).reverse();
    for (const copy of copies) {
      for (const src of copy.sources) {
        if (src === null || /[*?[]/.test(src)) continue;
        const dest = copy.dest!;
        if (landing(src, dest) === target) return src;
        // A folder copied into place: `COPY . /app` then `/app/nginx/nginx.conf`.
        const dir = dest.endsWith('/') ? dest : `${dest}/`;
        if (target.startsWith(dir) && (src === '.' || src.endsWith('/') || !path.posix.extname(src))) {
          const inside = target.slice(dir.length);
          return path.posix.join(src, inside);
        }
      }
    }
  }
  return null;
}
