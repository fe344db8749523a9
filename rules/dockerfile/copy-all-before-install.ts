import type { Copy, Instruction } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { rangeOf } from '../../src/parse/dockerfile.js';

interface Install {
  /** The command as shown to the user (`npm ci`, `pip install -r requirements.txt`). */
  command: string;
  /** The files to copy before it. */
  manifests: string[];
}

/** Sources that mean "the whole build context". */
const WHOLE_CONTEXT = new Set(['.', './', './.', '*', './*']);
/** Shell operators that end a simple command, longest first so `&&` wins over `&`. */
const OPERATORS = ['&&', '||', ';', '|', '&'];

function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}

/** The words of an instruction (exec form decoded), unquoted. */
function wordsOf(instruction: Instruction): string[] {
  const words = instruction.getArguments().map((a) => a.getValue());
  if (words[0]?.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(words.join(' '));
      if (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string')) return parsed as string[];
    } catch {
      // shell form after all
    }
  }
  return words.map(unquote);
}

/**
 * Recognises a dependency install in a RUN from dockerfile-ast's argument words, split into simple commands at shell
 * operators (also when glued to a word, as in `npm ci&&npm run build`). A word-level match, not shell analysis: it
 * only has to find `npm` followed by `ci`, `pip` … `install` … `-r <file>`, and so on, within one command.
 */
export function dependencyInstall(run: Instruction): Install | null {
  const commands: string[][] = [[]];
  for (const word of wordsOf(run)) {
    let rest = word;
    while (rest) {
      let cut = -1;
      let op = '';
      for (const candidate of OPERATORS) {
        const i = rest.indexOf(candidate);
        if (i >= 0 && (cut < 0 || i < cut)) {
          cut = i;
          op = candidate;
        }
      }
      if (cut < 0) {
        commands[commands.length - 1].push(rest);
        break;
      }
      if (cut > 0) commands[commands.length - 1].push(rest.slice(0, cut));
      commands.push([]);
      rest = rest.slice(cut + op.length);
    }
  }
  for (const command of commands) {
    const found = installIn(command.map(unquote));
    if (found) return found;
  }
  return null;
}

function isDigits(text: string): boolean {
  return [...text].every((c) => (c >= '0' && c <= '9') || c === '.');
}

function installIn(words: string[]): Install | null {
  for (let i = 0; i < words.length; i++) {
    const tool = words[i].split('/').pop() ?? '';
    const rest = words.slice(i + 1);
    const has = (...subcommands: string[]) => rest.some((w) => subcommands.includes(w));
    const global = has('-g', '--global', 'global');
    const node = (manager: string, lock: string, subcommands: string[], bare = false): Install | null => {
      if (global) return null;
      const sub = rest.find((w) => subcommands.includes(w));
      if (sub) return { command: `${manager} ${sub}`, manifests: ['package.json', lock] };
      if (bare && rest.every((w) => w.startsWith('-'))) return { command: manager, manifests: ['package.json', lock] };
      return null;
    };
    let found: Install | null = null;
    switch (tool) {
      case 'npm':
        found = node('npm', 'package-lock.json', ['ci', 'install', 'i']);
        break;
      case 'yarn':
        found = node('yarn', 'yarn.lock', ['install'], true);
        break;
      case 'pnpm':
        found = node('pnpm', 'pnpm-lock.yaml', ['install', 'i']);
        break;
      case 'bun':
        found = node('bun', 'bun.lock', ['install', 'i']);
        break;
      case 'poetry':
        if (has('install')) found = { command: 'poetry install', manifests: ['pyproject.toml', 'poetry.lock'] };
        break;
      case 'pipenv':
        if (has('install', 'sync')) found = { command: `pipenv ${rest.find((w) => w === 'install' || w === 'sync')}`, manifests: ['Pipfile', 'Pipfile.lock'] };
        break;
      case 'pdm':
        if (has('install', 'sync')) found = { command: `pdm ${rest.find((w) => w === 'install' || w === 'sync')}`, manifests: ['pyproject.toml', 'pdm.lock'] };
        break;
      case 'uv':
        if (rest[0] === 'sync' || (rest[0] !== 'pip' && has('sync'))) found = { command: 'uv sync', manifests: ['pyproject.toml', 'uv.lock'] };
        break;
      case 'bundle':
        if (has('install')) found = { command: 'bundle install', manifests: ['Gemfile', 'Gemfile.lock'] };
        break;
      case 'composer':
        if (has('install')) found = { command: 'composer install', manifests: ['composer.json', 'composer.lock'] };
        break;
      case 'go':
        if (rest[0] === 'mod' && has('download')) found = { command: 'go mod download', manifests: ['go.mod', 'go.sum'] };
        break;
      case 'mvn':
      case 'mvnw': {
        const goal = rest.find((w) => w.startsWith('dependency:'));
        if (goal) found = { command: `mvn ${goal}`, manifests: ['pom.xml'] };
        break;
      }
      case 'cargo':
        if (has('fetch', 'build')) found = { command: `cargo ${rest.find((w) => w === 'fetch' || w === 'build')}`, manifests: ['Cargo.toml', 'Cargo.lock'] };
        break;
      case 'dotnet':
        if (has('restore')) found = { command: 'dotnet restore', manifests: ['the `*.csproj` / `*.sln` files'] };
        break;
      default:
        if (tool.startsWith('pip') && isDigits(tool.slice(3)) && has('install')) {
          const r = rest.findIndex((w) => w === '-r' || w === '--requirement' || w.startsWith('--requirement=') || (w.startsWith('-r') && !w.startsWith('--')));
          if (r >= 0) {
            const flag = rest[r];
            const file = flag === '-r' || flag === '--requirement' ? rest[r + 1] ?? 'requirements.txt' : flag.startsWith('--requirement=') ? flag.slice(14) : flag.slice(2);
            found = { command: `pip install -r ${file}`, manifests: [file] };
          }
        }
    }
    if (found) return found;
  }
  return null;
}

/** A COPY/ADD of the whole build context (`COPY . .`, `COPY ./ /app`, `ADD . /srv`), not from another stage. */
function copiesWholeContext(instruction: Instruction): boolean {
  const keyword = instruction.getKeyword();
  if (keyword !== 'COPY' && keyword !== 'ADD') return false;
  if (keyword === 'COPY' && (instruction as Copy).getFromFlag()) return false;
  const words = wordsOf(instruction);
  return words.length >= 2 && words.slice(0, -1).some((w) => WHOLE_CONTEXT.has(w));
}

function list(items: string[]): string {
  const shown = items.map((m) => (m.startsWith('the ') ? m : `\`${m}\``));
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0];
}

export default defineRule({
  meta: {
    id: 'copy-all-before-install',
    title: 'Whole context copied before installing dependencies',
    priority: 'medium',
    category: 'efficiency',
    rationale:
      'Docker reuses a cached layer only if everything before it is unchanged. Copying the whole source tree before the dependency install means any edit re-downloads and re-installs every dependency on the next build.',
    fixable: false,
    equivalents: {},
    appliesTo: 'dockerfile',
    strength: 'Dependency manifests are copied and installed before the source, so installs stay cached',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      const copies: Instruction[] = [];
      for (const instruction of stage.instructions) {
        if (copiesWholeContext(instruction)) {
          copies.push(instruction);
          continue;
        }
        if (instruction.getKeyword() !== 'RUN') continue;
        const install = dependencyInstall(instruction);
        if (!install) continue;
        ctx.applies();
        const runLine = rangeOf(instruction).line;
        for (const copy of copies.splice(0)) {
          const written = `${copy.getInstruction()} ${copy.getArguments().map((a) => a.getValue()).join(' ')}`;
          ctx.report({
            range: rangeOf(copy),
            message: `\`${written}\` copies the whole build context before \`${install.command}\` (line ${runLine}): every source change re-installs all dependencies; copy ${list(install.manifests)} first, run \`${install.command}\`, then \`${written}\``,
            related: [{ path: ctx.file.path, line: runLine, message: `\`${install.command}\` re-runs on every source change` }],
          });
        }
      }
    }
  },
});
