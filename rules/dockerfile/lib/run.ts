// What the RUN rules share: the parsed shell of every RUN, package-manager vocabulary, RUN --mount caches, which
// stages' layers end up in an image, and fixes that insert a flag right after a word. Everything here works on the
// parsed shell (src/parse/shell.ts) and the dockerfile-ast instructions, never on the RUN text.
import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { replaceRanges } from '../../../src/engine/fix.js';
import type { RuleContext } from '../../../src/engine/rule.js';
import type { Fix, Range, RuleReport } from '../../../src/engine/types.js';
import {
  runInstructions, shellOf, stageAncestry, type DockerfileFile, type DockerfileStage
} from '../../../src/parse/dockerfile.js';
import { argsNoFlags, commandsAfter, hasArg, type ShellCommand, type ShellScript, type ShellWord } from '../../../src/parse/shell.js';

// ─── RUN instructions with their shell ───────────────────────────────────────────────────────────────────────────

export interface RunShell {
  instruction: Instruction;
  /** The stage the RUN (or the ONBUILD holding it) belongs to. */
  stage: DockerfileStage | null;
  /** True for `ONBUILD RUN`: it runs later, in the build of an image FROM this one. */
  onbuild: boolean;
  script: ShellScript;
}

/** Every RUN (and ONBUILD RUN) with its parsed shell, in source order. */
export function runShells(file: DockerfileFile): RunShell[] {
  const out: RunShell[] = [];
  for (const run of runInstructions(file)) {
    const script = shellOf(file, run.instruction);
    if (script !== null) out.push({ ...run, script });
  }
  return out;
}

// ─── Words and subcommands ───────────────────────────────────────────────────────────────────────────────────────

/** The first positional argument as a word (`apt-get -y install x` → `install`), or null when absent or dynamic. */
export function subcommandWord(command: ShellCommand, flagsWithValues: readonly string[] = []): ShellWord | null {
  const word = argsNoFlags(command, flagsWithValues)[0];
  return word === undefined || word.dynamic ? null : word;
}

/** Positional arguments after the subcommand (the packages of `apt-get install a b`). */
export function operands(command: ShellCommand, flagsWithValues: readonly string[] = []): ShellWord[] {
  return argsNoFlags(command, flagsWithValues).slice(1);
}

/** A copy of `command` whose arguments start after `index` (to query `python -m pip …` as pip). */
export function withArgsFrom(command: ShellCommand, index: number): ShellCommand {
  return { ...command, args: command.args.slice(index) };
}

/** `-o` values with their key lower-cased: `-o APT::Install-Recommends=false` → [['apt::install-recommends', 'false']]. */
export function optionSettings(command: ShellCommand, ...flags: string[]): [string, string][] {
  const out: [string, string][] = [];
  const words = command.args;
  words.forEach((word, i) => {
    for (const flag of flags) {
      let value: string | null = null;
      if (word.value === flag) value = words[i + 1]?.value ?? null;
      else if (flag.startsWith('--') && word.value.startsWith(`${flag}=`)) value = word.value.slice(flag.length + 1);
      else if (!flag.startsWith('--') && word.value.startsWith(flag) && word.value.length > flag.length) value = word.value.slice(flag.length);
      if (value === null) continue;
      const eq = value.indexOf('=');
      if (eq > 0) out.push([value.slice(0, eq).toLowerCase(), value.slice(eq + 1)]);
    }
  });
  return out;
}

const FALSE_WORDS = new Set(['0', 'false', 'no', 'off', 'without', 'disable']);
const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on', 'with', 'enable']);

export function isFalse(value: string): boolean {
  return FALSE_WORDS.has(value.trim().replace(/^["']|["';]+$/g, '').toLowerCase());
}

export function isTrue(value: string): boolean {
  return TRUE_WORDS.has(value.trim().replace(/^["']|["';]+$/g, '').toLowerCase());
}

// ─── Package managers ────────────────────────────────────────────────────────────────────────────────────────────

export const APT_COMMANDS = ['apt-get', 'apt'];
/** apt-get/apt options that take a value. */
export const APT_VALUE_FLAGS = [
  '-o', '-c', '-t', '-a', '--option', '--config-file', '--target-release', '--default-release', '--host-architecture'
];
/** apt subcommands that install or upgrade packages (and so read the package lists and may prompt). */
export const APT_INSTALLS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'reinstall', 'satisfy']);

/** The subcommand word of an `apt-get`/`apt` command, or null for other commands. */
export function aptSubcommand(command: ShellCommand): ShellWord | null {
  return APT_COMMANDS.includes(command.name) ? subcommandWord(command, APT_VALUE_FLAGS) : null;
}

export const APK_VALUE_FLAGS = [
  '-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '-t', '--virtual',
  '--wait', '--timeout', '--cache-max-age'
];

export function apkSubcommand(command: ShellCommand): ShellWord | null {
  return command.name === 'apk' ? subcommandWord(command, APK_VALUE_FLAGS) : null;
}

/** yum and its successors, which share their command line. */
export const RPM_MANAGERS = ['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf'];
export const RPM_VALUE_FLAGS = [
  '-c', '--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '--repo', '--repoid',
  '-x', '--exclude', '-d', '--debuglevel', '-e', '--errorlevel', '--rpmverbosity', '--forcearch', '--repofrompath',
  '--downloaddir', '--destdir', '--color', '--advisory', '--bz', '--cve', '--sec-severity'
];
export const RPM_INSTALLS = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'group', 'module', 'distro-sync']);

export function rpmSubcommand(command: ShellCommand): ShellWord | null {
  return RPM_MANAGERS.includes(command.name) ? subcommandWord(command, RPM_VALUE_FLAGS) : null;
}

export const ZYPPER_VALUE_FLAGS = ['-R', '--root', '-c', '--config', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir'];
export const ZYPPER_INSTALLS = new Set(['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si', 'remove', 'rm']);

export function zypperSubcommand(command: ShellCommand): ShellWord | null {
  return command.name === 'zypper' ? subcommandWord(command, ZYPPER_VALUE_FLAGS) : null;
}

/** pip options that take a value (global and `install` options). */
export const PIP_VALUE_FLAGS = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '--platform', '--python-version',
  '--implementation', '--abi', '--root', '--prefix', '--src', '--upgrade-strategy', '--install-option', '--global-option',
  '-C', '--config-settings', '--no-binary', '--only-binary', '--progress-bar', '--root-user-action', '--report',
  '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--log', '--log-file', '--proxy', '--retries',
  '--timeout', '--exists-action', '--trusted-host', '--cert', '--client-cert', '--cache-dir', '--python', '--use-feature',
  '--use-deprecated', '--keyring-provider', '-b', '--build'
];

const PIP_NAME = /^pip(\d+(\.\d+)*)?$/;
const PYTHON_NAME = /^python(\d+(\.\d+)*)?$/;

/**
 * `pip …`, `pip3.12 …` or `python3 -m pip …` seen as pip: a command whose arguments are pip's own. Null for anything
 * else (pipx, pipenv, uv and poetry manage their own caches).
 */
export function asPip(command: ShellCommand): ShellCommand | null {
  if (PIP_NAME.test(command.name)) return command;
  if (!PYTHON_NAME.test(command.name)) return null;
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === '-m') return args[i + 1]?.value === 'pip' ? withArgsFrom(command, i + 2) : null;
    if (value === '-mpip') return withArgsFrom(command, i + 1);
    if (!value.startsWith('-') || value === '-c' || value === '-') return null; // a script, `-c code`, or stdin
  }
  return null;
}

/** The `install` word of a pip install, or null. */
export function pipInstallWord(command: ShellCommand): { pip: ShellCommand; install: ShellWord } | null {
  const pip = asPip(command);
  if (pip === null) return null;
  const install = subcommandWord(pip, PIP_VALUE_FLAGS);
  return install?.value === 'install' ? { pip, install } : null;
}

// ─── RUN --mount ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface RunMount {
  type: string;
  target: string | null;
  from: string | null;
}

/** The `--mount` flags of a RUN (also of the RUN inside an ONBUILD). */
export function runMounts(instruction: Instruction): RunMount[] {
  const withFlags = instruction as Partial<Pick<JSONInstruction, 'getFlags'>>;
  const flags = typeof withFlags.getFlags === 'function' ? withFlags.getFlags() : [];
  const out: RunMount[] = [];
  for (const flag of flags) {
    if (flag.getName().toLowerCase() !== 'mount') continue;
    const options = new Map(flag.getOptions().map((o) => [o.getName().toLowerCase(), unquote(o.getValue() ?? '')]));
    out.push({
      type: (options.get('type') || 'bind').toLowerCase(),
      target: options.get('target') ?? options.get('dst') ?? options.get('destination') ?? null,
      from: options.get('from') ?? null
    });
  }
  return out;
}

/** Cache and tmpfs mount targets of a RUN: what is written there stays out of the layer. */
export function cacheMountTargets(instruction: Instruction): string[] {
  return runMounts(instruction)
    .filter((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== null)
    .map((m) => normalisePath(m.target!));
}

/** True when a cache or tmpfs mount of the RUN sits on `dir` or on a folder that contains it. */
export function mountCovers(instruction: Instruction, ...dirs: string[]): boolean {
  const targets = cacheMountTargets(instruction);
  return dirs.some((dir) => targets.some((target) => covers(target, normalisePath(dir))));
}

/** `/var/lib/apt/lists/*` → `/var/lib/apt/lists`; trailing slashes, `/*` and `/.` go. */
export function normalisePath(path: string): string {
  let p = path.trim();
  for (;;) {
    if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
    else if (p.endsWith('/*') || p.endsWith('/.')) p = p.slice(0, -2);
    else break;
  }
  return p;
}

/** `parent` is `child` or one of its ancestors (never `/` itself: `rm -rf /` is not a cleanup). */
function covers(parent: string, child: string): boolean {
  if (parent === '' || parent === '/') return false;
  return child === parent || child.startsWith(`${parent}/`);
}

function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

// ─── Cleanups ────────────────────────────────────────────────────────────────────────────────────────────────────

/** True when `command` deletes one of `dirs` (or its content, or a folder holding it): `rm -rf`, `find … -delete`. */
export function removesPath(command: ShellCommand, dirs: readonly string[]): boolean {
  const wanted = dirs.map(normalisePath);
  let targets: ShellWord[] = [];
  if (command.name === 'rm') targets = argsNoFlags(command);
  else if (command.name === 'find' && (hasArg(command, '-delete') || hasArg(command, 'rm'))) {
    const end = command.args.findIndex((w) => w.value.startsWith('-') || w.value === '!' || w.value === '(');
    targets = command.args.slice(0, end < 0 ? command.args.length : end);
  }
  return targets.some((word) => !word.dynamic && wanted.some((dir) => covers(normalisePath(word.value), dir)));
}

/** True when a command after `from` in the same RUN deletes one of `dirs`. */
export function removedAfter(script: ShellScript, from: ShellCommand, dirs: readonly string[]): boolean {
  return commandsAfter(script, from).some((command) => removesPath(command, dirs));
}

// ─── APT configuration written by the Dockerfile ─────────────────────────────────────────────────────────────────

/**
 * The value an `echo`/`printf` earlier in the build gives an APT option, as in
 * `echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/90norecommends`: looks at the RUNs of the stage and
 * the stages it is built FROM up to `command` (only the commands before it in its own RUN). Null when never set.
 */
export function aptConfigValue(file: DockerfileFile, run: RunShell, command: ShellCommand, key: string): string | null {
  const stages = run.stage ? stageAncestry(run.stage) : [];
  const wanted = key.toLowerCase();
  let found: string | null = null;
  for (const other of runShells(file)) {
    const sameRun = other.instruction === run.instruction;
    if (!sameRun && (other.onbuild || other.stage === null || !stages.includes(other.stage) || !before(other.instruction, run.instruction))) continue;
    for (const c of other.script.commands) {
      if (sameRun && other.script.commands.indexOf(c) >= other.script.commands.indexOf(command)) break;
      if (c.name !== 'echo' && c.name !== 'printf') continue;
      for (const word of c.args) {
        if (word.dynamic) continue;
        const at = word.value.toLowerCase().indexOf(wanted);
        if (at < 0) continue;
        const rest = word.value.slice(at + wanted.length);
        const end = rest.indexOf(';');
        found = (end < 0 ? rest : rest.slice(0, end)).trim().replace(/^"|"$/g, '');
      }
    }
  }
  return found;
}

function before(a: Instruction, b: Instruction): boolean {
  const ra = a.getRange().start;
  const rb = b.getRange().start;
  return ra.line < rb.line || (ra.line === rb.line && ra.character < rb.character);
}

// ─── Stages whose layers ship ────────────────────────────────────────────────────────────────────────────────────

const shippedCache = new WeakMap<DockerfileFile, Set<DockerfileStage>>();

/**
 * The stages whose layers end up in some image this Dockerfile builds: the final stage, every stage nothing else
 * uses (another `--target`), and the stages those are built FROM. A stage that is only a source of `COPY --from` or
 * `RUN --mount=from=` hands over files, not layers: its caches cost nothing in the image.
 */
export function shippedStages(file: DockerfileFile): Set<DockerfileStage> {
  const cached = shippedCache.get(file);
  if (cached) return cached;
  const byName = (ref: string): DockerfileStage | undefined => {
    const lower = ref.toLowerCase();
    return file.stages.find((s) => s.name?.toLowerCase() === lower) ?? (/^\d+$/.test(ref) ? file.stages[Number(ref)] : undefined);
  };
  const used = new Set<DockerfileStage>();
  for (const stage of file.stages) {
    if (stage.base.stage) used.add(stage.base.stage);
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'COPY' || keyword === 'ADD') {
        const from = (instruction as JSONInstruction).getFlags().find((f) => f.getName().toLowerCase() === 'from')?.getValue();
        const source = from ? byName(from) : undefined;
        if (source) used.add(source);
      } else if (keyword === 'RUN') {
        for (const mount of runMounts(instruction)) {
          const source = mount.from ? byName(mount.from) : undefined;
          if (source) used.add(source);
        }
      }
    }
  }
  const shipped = new Set<DockerfileStage>();
  for (const stage of file.stages) {
    if (stage.isFinal || !used.has(stage)) for (const s of stageAncestry(stage)) shipped.add(s);
  }
  shippedCache.set(file, shipped);
  return shipped;
}

/** True when what a RUN leaves in its layer ends up in an image (ONBUILD RUNs always do, in the child's build). */
export function layerShips(file: DockerfileFile, run: RunShell): boolean {
  return run.onbuild || run.stage === null || shippedStages(file).has(run.stage);
}

// ─── Fixes ───────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The range of `word` when it is written literally on one line (no quotes or escapes) and the file holds exactly that
 * there: the condition for editing next to it or replacing it.
 */
function literalAt(file: DockerfileFile, word: ShellWord): Range | null {
  const { line, column, endLine, endColumn } = word.range;
  if (line !== endLine || word.dynamic || word.raw !== word.value) return null;
  if (file.lines[line - 1]?.slice(column - 1, endColumn - 1) !== word.raw) return null;
  return word.range;
}

/** A pending finding, with a mechanical edit when there is one: a flag inserted after a word, or a word replaced. */
export interface PendingReport {
  report: RuleReport;
  insert?: { after: ShellWord; text: string };
  replace?: { word: ShellWord; text: string };
}

/** The single-line edit a pending report asks for, when the file holds the word exactly where the parser put it. */
function editOf(file: DockerfileFile, pending: PendingReport): { range: Range; text: string } | null {
  if (pending.insert) {
    const at = literalAt(file, pending.insert.after);
    return at && { range: { line: at.line, column: at.endColumn, endLine: at.line, endColumn: at.endColumn }, text: pending.insert.text };
  }
  if (pending.replace) {
    const at = literalAt(file, pending.replace.word);
    return at && { range: at, text: pending.replace.text };
  }
  return null;
}

/**
 * Reports every pending finding. Edits that land on the same line are merged into one fix, given to each finding on
 * that line (applying any one of them fixes them all), so two findings on one line never carry clashing fixes.
 */
export function reportAll(ctx: RuleContext<DockerfileFile>, pending: PendingReport[]): void {
  const edits = pending.map((p) => editOf(ctx.file, p));
  const byLine = new Map<number, { range: Range; text: string }[]>();
  for (const edit of edits) {
    if (edit === null) continue;
    const list = byLine.get(edit.range.line) ?? [];
    if (!list.some((e) => e.range.column === edit.range.column)) list.push(edit);
    byLine.set(edit.range.line, list);
  }
  const fixes = new Map<number, Fix | null>();
  for (const [line, list] of byLine) fixes.set(line, replaceRanges(ctx.file.lines, list));
  pending.forEach((p, i) => {
    const edit = edits[i];
    const fix = edit ? fixes.get(edit.range.line) ?? undefined : undefined;
    ctx.report(fix ? { ...p.report, fix } : p.report);
  });
}

// ─── Odds and ends ───────────────────────────────────────────────────────────────────────────────────────────────

/** A short, readable rendering of a command for messages: `apt-get install -y curl git …`. */
export function shortCommand(command: ShellCommand, words = 3): string {
  const shown = [command.name, ...command.args.slice(0, words).map((w) => w.value)].join(' ');
  return command.args.length > words ? `${shown} …` : shown;
}

/** Backticked, comma-separated list of at most `max` names, with a count of the rest. */
export function nameList(names: string[], max = 5): string {
  const shown = names.slice(0, max).map((n) => `\`${n}\``).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** Builtins that only change the running shell (its variables, options, directory): nothing outlives the RUN. */
const SHELL_STATE = new Set([
  'export', 'unset', 'alias', 'unalias', 'set', 'shopt', 'umask', 'ulimit', 'cd', 'pushd', 'popd', 'source', '.',
  'declare', 'typeset', 'readonly', 'local', 'hash', 'trap'
]);

/** True when the command only changes the shell it runs in: `export A=1`, `source venv/bin/activate`, `conda activate x`. */
export function changesOnlyShell(command: ShellCommand): boolean {
  if (SHELL_STATE.has(command.name)) return true;
  return (command.name === 'conda' || command.name === 'mamba' || command.name === 'micromamba') && command.args[0]?.value === 'activate';
}

/**
 * True when options of the command may come from variables, so a missing flag cannot be asserted: a dynamic word
 * before the subcommand (`apt-get $APT_OPTS install …`), or one named like options anywhere
 * (`pip install ${PIP_ARGS} flask`, `apk add $APK_FLAGS curl`).
 */
export function mayHoldOptions(command: ShellCommand, sub: ShellWord | null): boolean {
  const at = sub === null ? -1 : command.args.indexOf(sub);
  return command.args.some((word, i) => {
    if (!word.dynamic) return false;
    if (i < at) return true;
    // `${PIP_ARGS}` → PIP, ARGS; `gcc-${TARGETARCH}` → GCC, TARGETARCH (not options)
    const tokens = word.raw.toUpperCase().split(/[^A-Z0-9]+/);
    return tokens.some((t) => OPTION_WORDS.has(t));
  });
}

const OPTION_WORDS = new Set(['OPT', 'OPTS', 'OPTION', 'OPTIONS', 'FLAG', 'FLAGS', 'ARG', 'ARGS', 'ARGUMENTS', 'PARAMS']);
