// What an image has: the tools a healthcheck may call (curl, wget, nc, bash, python, node), whether it has a shell, and
// the ports it listens on. Decided from a small table of base image families (below, with sources) and from what the
// build does on top of the base (package installs and removals, tools used by RUN, COPY --from), read from the parsed
// shell of each RUN — never from the RUN text.
//
// The rule of this module: say "no" only when sure. An image the table does not know, a package list in a variable,
// a script run during the build, a copy of a bin folder from another image: all make the answer "unknown", and the
// rules that use it then stay silent.
import path from 'node:path';
import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Range, Related } from '../../src/engine/types.js';
import type { Place } from '../../src/model/compose-project.js';
import type { Project } from '../../src/model/project.js';
import { expandAt, rangeOf, shellOf, stageAncestry, stageInstructions, type DockerfileFile, type DockerfileStage } from '../../src/parse/dockerfile.js';
import { parseImageRef, type ImageRef } from '../../src/parse/image.js';
import { argsNoFlags, flagValues, type ShellCommand, type ShellScript } from '../../src/parse/shell.js';
import { APK_VALUE_FLAGS, APT_VALUE_FLAGS, RPM_MANAGERS, RPM_VALUE_FLAGS, ZYPPER_VALUE_FLAGS } from '../dockerfile/lib/run.js';
import { asMap, buildOf, imageOf, portsOf, scalarText, type ServiceView } from '../compose/lib.js';
import { nginxListenPorts } from './lib-nginx.js';

// ─── Tools ───────────────────────────────────────────────────────────────────────────────────────────────────────

export type Tool = 'curl' | 'wget' | 'nc' | 'bash' | 'python' | 'node';
export type Presence = 'yes' | 'no' | 'unknown';

/** The tool a command name runs (`/usr/bin/curl` → curl, `python3.12` → python), or null for anything else. */
export function toolOfCommand(name: string): Tool | null {
  const base = path.posix.basename(name);
  if (base === 'curl' || base === 'wget' || base === 'bash') return base;
  if (base === 'nc' || base === 'netcat' || base === 'ncat') return 'nc';
  if (/^python(\d+(\.\d+)?)?$/.test(base)) return 'python';
  if (base === 'node' || base === 'nodejs') return 'node';
  return null;
}

/** Binary names of each tool, as they appear in paths (`ln -s … /usr/bin/wget`). */
function isBinaryOf(tool: Tool, base: string): boolean {
  return toolOfCommand(base) === tool;
}

/** Packages (apt, apk, dnf/yum, zypper, conda) whose installation gives the tool. */
function packageGives(tool: Tool, pkg: string): boolean {
  switch (tool) {
    case 'curl':
      return pkg === 'curl' || pkg === 'curl-minimal';
    case 'wget':
      return pkg === 'wget';
    case 'nc':
      return /^(netcat|netcat-openbsd|netcat-traditional|netcat-gnu|nmap-ncat|ncat|nc)$/.test(pkg);
    case 'bash':
      return pkg === 'bash';
    case 'python':
      // Every python3-* / py3-* package depends on the interpreter.
      return /^python(\d+(\.\d+)?)?(-.+)?$/.test(pkg) || /^py3-/.test(pkg);
    case 'node':
      return /^(nodejs|node|npm|nodejs-current|nodejs-lts.*)$/.test(pkg);
  }
}

/** busybox installed by a package manager may or may not be linked as wget/nc. */
function packageMayGive(tool: Tool, pkg: string): boolean {
  return (tool === 'wget' || tool === 'nc') && /^busybox(-static|-extras)?$/.test(pkg);
}

export const TOOLS: Tool[] = ['curl', 'wget', 'nc', 'bash', 'python', 'node'];

// ─── Base image families ─────────────────────────────────────────────────────────────────────────────────────────
//
// Only families whose content is documented by the Dockerfile that builds them; everything else is unknown.
//
// | image (official)                  | shell | curl | wget | nc | bash | python | node | EXPOSE | source |
// |-----------------------------------|-------|------|------|----|------|--------|------|--------|--------|
// | scratch                           | no    | no   | no   | no | no   | no     | no   | —      | docs.docker.com "Create a base image" (empty) |
// | gcr.io/distroless/* (not :debug)  | no    | no   | no   | no | no   | python3/ nodejs images only | | — | GoogleContainerTools/distroless README ("no shell, no package manager") |
// | alpine                            | yes   | no   | yes¹ | yes¹ | no | no     | no   | —      | alpinelinux/docker-alpine (alpine-baselayout + busybox) |
// | busybox                           | yes   | no   | yes¹ | ?  | no   | no     | no   | —      | docker-library/busybox |
// | debian, ubuntu (any tag)          | yes   | no   | no   | ?  | yes  | no     | no   | —      | debuerreotype minbase / ubuntu cloud images (no curl, wget, python) |
// | python:*-slim                     | yes   | no   | no   | ?  | yes  | yes    | no   | —      | docker-library/python slim-*/Dockerfile (wget installed for the build, then purged) |
// | python:*-alpine                   | yes   | no   | yes¹ | yes¹ | no | yes    | no   | —      | docker-library/python alpine*/Dockerfile |
// | python:<version> (full)           | yes   | yes  | yes  | ?  | yes  | yes    | ?    | —      | FROM buildpack-deps (curl, wget in buildpack-deps:*-curl) |
// | node:*-slim                       | yes   | no   | no   | ?  | yes  | ?      | yes  | —      | nodejs/docker-node */bookworm-slim/Dockerfile (curl/wget purged after use) |
// | node:*-alpine                     | yes   | no   | yes¹ | yes¹ | no | no     | yes  | —      | nodejs/docker-node */alpine*/Dockerfile |
// | node:<version> (full)             | yes   | yes  | yes  | ?  | yes  | ?      | yes  | —      | FROM buildpack-deps |
// | golang:*-alpine / golang (full)   | yes   | no / yes | yes | ? | no / yes | ?    | ?    | —      | docker-library/golang (alpine adds ca-certificates only; full is buildpack-deps:scm) |
// | nginx (Debian tags)               | yes   | yes  | no   | ?  | yes  | no     | no   | 80     | nginxinc/docker-nginx mainline/debian/Dockerfile (`apt-get install … gettext-base curl`) |
// | nginx:*alpine (not alpine-slim)   | yes   | yes  | yes¹ | yes¹ | no | no     | no   | 80     | nginxinc/docker-nginx mainline/alpine/Dockerfile (`apk add --no-cache curl ca-certificates`) |
// | nginx:*alpine-slim                | yes   | no   | yes¹ | yes¹ | no | no     | no   | 80     | nginxinc/docker-nginx mainline/alpine-slim/Dockerfile |
// | nginxinc/nginx-unprivileged       | as nginx                                      | 8080   | nginxinc/docker-nginx-unprivileged |
// | postgres, mysql, mariadb, redis, mongo, memcached, rabbitmq | yes | ? | ? | ? | ? | ? | ? | their EXPOSE | docker-library/* Dockerfiles |
//
// ¹ busybox applets. "?" = not claimed (treated as unknown).

export interface BaseFacts {
  /** Human name of the family, for messages: `python (Debian slim)`. */
  label: string;
  /** Package manager of the family, for hints. */
  packages: 'apt' | 'apk' | null;
  shell: boolean | null;
  tools: Partial<Record<Tool, boolean>>;
  /** Ports the image EXPOSEs; null when not known. */
  ports: number[] | null;
}

const ALPINE_TOOLS: Partial<Record<Tool, boolean>> = { curl: false, wget: true, nc: true, bash: false };

const DB_PORTS: Record<string, number[]> = {
  postgres: [5432],
  mysql: [3306, 33060],
  mariadb: [3306],
  redis: [6379],
  mongo: [27017],
  memcached: [11211],
  rabbitmq: [4369, 5671, 5672, 15691, 15692, 25672],
};

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'mirror.gcr.io']);

/** The official Docker Hub repository an image is (`python`, `nginxinc/nginx-unprivileged`), or null. */
export function officialName(ref: ImageRef): string | null {
  const name = ref.name.toLowerCase();
  if (ref.registry === null || DOCKER_HUB.has(ref.registry.toLowerCase())) return name.replace(/^library\//, '');
  // Mirrors of the official images (`public.ecr.aws/docker/library/python`).
  const m = /(?:^|\/)docker\/library\/([a-z0-9._-]+)$/.exec(name);
  return m ? m[1] : null;
}

/** What the table knows of an image; null when it does not know the family (then nothing is claimed). */
export function baseFacts(ref: ImageRef | null, scratch = false): BaseFacts | null {
  if (scratch) return { label: 'scratch', packages: null, shell: false, tools: allTools(false), ports: [] };
  if (!ref) return null;
  const tag = (ref.tag ?? (ref.digest ? '' : 'latest')).toLowerCase();
  const registry = ref.registry?.toLowerCase() ?? null;
  const name = ref.name.toLowerCase();
  if (registry === 'gcr.io' && name.startsWith('distroless/')) {
    if (tag.includes('debug') || !tag) return null;
    return {
      label: `distroless (${name.slice('distroless/'.length)})`,
      packages: null,
      shell: false,
      tools: { ...allTools(false), python: name.startsWith('distroless/python'), node: name.startsWith('distroless/nodejs') },
      ports: [],
    };
  }
  const official = officialName(ref);
  if (official === null || !tag) return null;
  const alpine = tag.includes('alpine');
  const slim = tag.includes('slim');
  const windows = tag.includes('windows') || tag.includes('nanoserver');
  if (windows) return null;
  switch (official) {
    case 'alpine':
      return { label: 'alpine', packages: 'apk', shell: true, tools: { ...ALPINE_TOOLS, python: false, node: false }, ports: [] };
    case 'busybox':
      return { label: 'busybox', packages: null, shell: true, tools: { curl: false, wget: true, bash: false, python: false, node: false }, ports: [] };
    case 'debian':
    case 'ubuntu':
      return { label: official, packages: 'apt', shell: true, tools: { curl: false, wget: false, bash: true, python: false, node: false }, ports: [] };
    case 'python':
      if (alpine) return { label: 'python (Alpine)', packages: 'apk', shell: true, tools: { ...ALPINE_TOOLS, python: true, node: false }, ports: [] };
      if (slim) return { label: 'python (Debian slim)', packages: 'apt', shell: true, tools: { curl: false, wget: false, bash: true, python: true, node: false }, ports: [] };
      return { label: 'python (Debian)', packages: 'apt', shell: true, tools: { curl: true, wget: true, bash: true, python: true }, ports: [] };
    case 'node':
      if (alpine) return { label: 'node (Alpine)', packages: 'apk', shell: true, tools: { ...ALPINE_TOOLS, python: false, node: true }, ports: [] };
      if (slim) return { label: 'node (Debian slim)', packages: 'apt', shell: true, tools: { curl: false, wget: false, bash: true, node: true }, ports: [] };
      return { label: 'node (Debian)', packages: 'apt', shell: true, tools: { curl: true, wget: true, bash: true, node: true }, ports: [] };
    case 'golang':
      if (alpine) return { label: 'golang (Alpine)', packages: 'apk', shell: true, tools: { ...ALPINE_TOOLS }, ports: [] };
      return { label: 'golang (Debian)', packages: 'apt', shell: true, tools: { curl: true, wget: true, bash: true }, ports: [] };
    case 'nginx':
    case 'nginxinc/nginx-unprivileged': {
      const ports = official === 'nginx' ? [80] : [8080];
      if (tag.includes('alpine-slim')) return { label: 'nginx (Alpine slim)', packages: 'apk', shell: true, tools: { ...ALPINE_TOOLS, python: false, node: false }, ports };
      if (alpine) return { label: 'nginx (Alpine)', packages: 'apk', shell: true, tools: { ...ALPINE_TOOLS, curl: true, python: false, node: false }, ports };
      return { label: 'nginx (Debian)', packages: 'apt', shell: true, tools: { curl: true, wget: false, bash: true, python: false, node: false }, ports };
    }
    default: {
      const ports = DB_PORTS[official];
      if (!ports) return null;
      const management = official === 'rabbitmq' && tag.includes('management') ? [15671, 15672] : [];
      return { label: official, packages: alpine ? 'apk' : 'apt', shell: true, tools: {}, ports: [...ports, ...management] };
    }
  }
}

function allTools(value: boolean): Record<Tool, boolean> {
  return { curl: value, wget: value, nc: value, bash: value, python: value, node: value };
}

// ─── What a build adds ───────────────────────────────────────────────────────────────────────────────────────────

export interface Toolbox {
  tool(tool: Tool): Presence;
  shell: Presence;
  /** Third-party Python modules (`requests`, `httpx`): 'no' only for an official python image the build adds no package to. */
  pythonModule(name: string): Presence;
  facts: BaseFacts | null;
  /** The base image as written (`python:3.12-slim`), or null. */
  image: string | null;
  /** Where the base is named: the chain's first FROM, or the compose `image:`. */
  basePlace: Place | null;
}

const boxCache = new WeakMap<DockerfileStage, Toolbox>();

/** The tools of the image a stage builds (the stage and the stages it is built FROM). */
export function stageToolbox(file: DockerfileFile, stage: DockerfileStage): Toolbox {
  const cached = boxCache.get(stage);
  if (cached) return cached;
  const box = computeStageToolbox(file, stage, new Set());
  boxCache.set(stage, box);
  return box;
}

/** The tools of a published image used as is (a compose service with `image:` and no build). */
export function imageToolbox(image: string, place: Place | null): Toolbox {
  const ref = parseImageRef(image);
  const facts = image.trim().toLowerCase() === 'scratch' ? baseFacts(null, true) : baseFacts(ref);
  return {
    tool: (t) => fromFacts(facts, t),
    shell: facts?.shell === undefined || facts.shell === null ? 'unknown' : facts.shell ? 'yes' : 'no',
    pythonModule: (name) => (facts && facts.tools.python && THIRD_PARTY_MODULES.has(name) && facts.label.startsWith('python') ? 'no' : 'unknown'),
    facts,
    image,
    basePlace: place,
  };
}

function fromFacts(facts: BaseFacts | null, tool: Tool): Presence {
  const v = facts?.tools[tool];
  return v === undefined ? 'unknown' : v ? 'yes' : 'no';
}

/** Modules a healthcheck imports that no official python image ships. */
export const THIRD_PARTY_MODULES = new Set(['requests', 'httpx']);

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const PACKAGE_MANAGERS = new Set(['apt-get', 'apt', 'aptitude', 'apk', 'yum', 'dnf', 'dnf5', 'microdnf', 'tdnf', 'zypper', 'conda', 'mamba', 'micromamba', 'pip', 'pip3']);
const SYSTEM_BIN = ['/bin', '/sbin', '/usr/bin', '/usr/sbin'];
/** Python package tools: any of them in the build may install any module. */
const PYTHON_INSTALLERS = /^(pip\d*(\.\d+)?|uv|poetry|pipenv|pdm|hatch|conda|mamba|micromamba|pipx|easy_install)$/;

interface ChainState {
  tools: Map<Tool, Presence>;
  shell: Presence;
  modules: Presence;
}

function computeStageToolbox(file: DockerfileFile, stage: DockerfileStage, visiting: Set<DockerfileStage>): Toolbox {
  visiting.add(stage);
  const chain = stageAncestry(stage).reverse();
  const root = chain[0];
  const facts = root.base.unresolved ? null : baseFacts(root.base.ref, root.base.isScratch);
  const state: ChainState = {
    tools: new Map(TOOLS.map((t) => [t, fromFacts(facts, t)])),
    shell: facts?.shell === undefined || facts.shell === null ? 'unknown' : facts.shell ? 'yes' : 'no',
    modules: facts && facts.tools.python && facts.label.startsWith('python') ? 'no' : 'unknown',
  };
  const groups = new Map<string, string[]>();
  const maybe = (t: Tool) => {
    if (state.tools.get(t) === 'no') state.tools.set(t, 'unknown');
  };
  for (const s of chain) {
    for (const instruction of s.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'RUN') {
        const script = shellOf(file, instruction);
        if (!script) {
          TOOLS.forEach(maybe);
          state.modules = 'unknown';
          continue;
        }
        runEffects(script, state, groups, maybe);
      } else if (keyword === 'COPY' || keyword === 'ADD') {
        copyEffects(file, s, instruction, state, maybe, visiting);
      }
    }
  }
  visiting.delete(stage);
  const tools = state.tools;
  return {
    tool: (t) => tools.get(t) ?? 'unknown',
    shell: state.shell,
    pythonModule: (name) => (THIRD_PARTY_MODULES.has(name) && tools.get('python') === 'yes' ? state.modules : 'unknown'),
    facts,
    image: root.base.isScratch ? 'scratch' : root.base.written || null,
    basePlace: { in: file.path, range: rangeOf(root.from) },
  };
}

interface PackageCommand {
  action: 'install' | 'remove';
  packages: string[];
  /** Some package word is a variable: anything may be installed. */
  dynamic: boolean;
  /** apk `--virtual NAME`: the group the packages join. */
  group: string | null;
}

/** `apt-get install -y curl`, `apk add --no-cache wget`, `dnf remove curl`, `conda install curl`… */
function packageCommand(command: ShellCommand): PackageCommand | null {
  let flags: readonly string[];
  let install: string[];
  let remove: string[];
  const name = command.name;
  if (name === 'apt-get' || name === 'apt' || name === 'aptitude') {
    flags = APT_VALUE_FLAGS;
    install = ['install', 'reinstall'];
    remove = ['remove', 'purge'];
  } else if (name === 'apk') {
    flags = APK_VALUE_FLAGS;
    install = ['add'];
    remove = ['del'];
  } else if (RPM_MANAGERS.includes(name)) {
    flags = RPM_VALUE_FLAGS;
    install = ['install', 'reinstall'];
    remove = ['remove', 'erase'];
  } else if (name === 'zypper') {
    flags = ZYPPER_VALUE_FLAGS;
    install = ['install', 'in'];
    remove = ['remove', 'rm'];
  } else if (name === 'conda' || name === 'mamba' || name === 'micromamba') {
    flags = ['-n', '--name', '-p', '--prefix', '-c', '--channel'];
    install = ['install'];
    remove = ['remove', 'uninstall'];
  } else return null;
  const positional = argsNoFlags(command, flags);
  const sub = positional[0];
  if (!sub || sub.dynamic) return null;
  const action = install.includes(sub.value) ? 'install' : remove.includes(sub.value) ? 'remove' : null;
  if (!action) return null;
  const words = positional.slice(1);
  const group = name === 'apk' ? (flagValues(command, '--virtual')[0] ?? flagValues(command, '-t')[0] ?? null) : null;
  return {
    action,
    packages: words.filter((w) => !w.dynamic).map((w) => w.value.split(/[=<>~]/)[0].replace(/:(amd64|arm64|i386|all)$/, '').toLowerCase()).filter(Boolean),
    dynamic: words.some((w) => w.dynamic),
    group,
  };
}

/** True when the command runs a script file whose content we cannot see (`./install.sh`, `sh setup.sh`, `curl … | sh`). */
function runsScript(command: ShellCommand): boolean {
  const written = command.nameWord.value;
  if (command.name === 'source' || command.name === '.') return true;
  if (/\.(sh|bash)$/.test(command.name) || written.startsWith('./') || written.startsWith('../')) return true;
  if (SHELLS.has(command.name)) {
    const first = argsNoFlags(command, ['-o', '-O'])[0];
    if (first && !command.args.some((a) => a.value === '-c')) return true;
    if (!first && command.pipeline !== null && command.pipeline.index > 0) return true; // `curl … | sh`
  }
  return false;
}

function runEffects(script: ShellScript, state: ChainState, groups: Map<string, string[]>, maybe: (t: Tool) => void): void {
  for (const command of script.commands) {
    const used = toolOfCommand(command.name);
    // The build ran it, so it was there (a failing build is another finding's business).
    if (used) state.tools.set(used, 'yes');
    if (PYTHON_INSTALLERS.test(command.name) || (used === 'python' && command.args.some((a) => a.value === '-m' || a.value === '-mpip'))) state.modules = 'unknown';
    // `xargs apt-get install -y < packages.txt`: a package list we cannot see.
    const fed = command.wrappers.includes('xargs') || command.wrappers.includes('parallel');
    if ((fed && PACKAGE_MANAGERS.has(command.name)) || ((command.name === 'xargs' || command.name === 'parallel') && command.args.some((a) => PACKAGE_MANAGERS.has(path.posix.basename(a.value))))) {
      TOOLS.forEach(maybe);
      state.modules = 'unknown';
      continue;
    }
    const pkg = packageCommand(command);
    if (pkg) {
      if (pkg.dynamic) {
        TOOLS.forEach(maybe);
        state.modules = 'unknown';
      }
      let packages = pkg.packages;
      if (pkg.action === 'remove') packages = packages.flatMap((p) => groups.get(p) ?? [p]);
      else if (pkg.group) groups.set(pkg.group.toLowerCase(), [...(groups.get(pkg.group.toLowerCase()) ?? []), ...packages]);
      for (const tool of TOOLS) {
        if (packages.some((p) => packageGives(tool, p))) state.tools.set(tool, pkg.action === 'install' ? 'yes' : 'no');
        else if (pkg.action === 'install' && packages.some((p) => packageMayGive(tool, p))) maybe(tool);
      }
      if (pkg.action === 'install' && packages.some((p) => /requests|httpx/.test(p))) state.modules = 'unknown';
      // Interpreters come in as dependencies of many packages (software-properties-common, supervisor, awscli…).
      if (pkg.action === 'install' && packages.length) {
        if (!packages.some((p) => packageGives('python', p))) maybe('python');
        if (!packages.some((p) => packageGives('node', p))) maybe('node');
      }
      if (pkg.action === 'install' && packages.some((p) => /^(alpine-sdk|abuild)$/.test(p))) {
        maybe('curl');
        maybe('wget');
      }
      continue;
    }
    if (runsScript(command)) {
      TOOLS.forEach(maybe);
      state.modules = 'unknown';
      continue;
    }
    // `ln -s /bin/busybox /usr/bin/wget`, `chmod +x /usr/local/bin/curl`, `curl -o /usr/local/bin/node …`.
    for (const word of command.args) {
      if (word.dynamic) continue;
      const base = path.posix.basename(word.value);
      for (const tool of TOOLS) if (tool !== used && isBinaryOf(tool, base)) maybe(tool);
    }
  }
}

function normalise(p: string): string {
  let out = path.posix.normalize(p.trim() || '/');
  while (out.length > 1 && (out.endsWith('/') || out.endsWith('/.'))) out = out.endsWith('/.') ? out.slice(0, -2) || '/' : out.slice(0, -1);
  if (out.endsWith('/*')) out = out.slice(0, -2) || '/';
  return out;
}

/** The folder `p` (or a folder holding it) covers one of the system bin folders. */
function coversSystemBin(p: string): boolean {
  const n = normalise(p);
  return n === '/' || n === '/usr' || SYSTEM_BIN.some((dir) => dir === n);
}

function copyWords(instruction: Instruction): string[] {
  const json = (instruction as Partial<JSONInstruction>).getJSONStrings?.() ?? [];
  const words = json.length ? json.map((s) => s.getJSONValue()) : instruction.getArguments().map((a) => a.getValue());
  return words.map((w) => (w.length >= 2 && (w[0] === '"' || w[0] === "'") && w[w.length - 1] === w[0] ? w.slice(1, -1) : w));
}

function copyEffects(file: DockerfileFile, stage: DockerfileStage, instruction: Instruction, state: ChainState, maybe: (t: Tool) => void, visiting: Set<DockerfileStage>): void {
  const words = copyWords(instruction);
  if (words.length < 2 || words.some((w) => w.startsWith('<<'))) return;
  const flags = (instruction as Partial<Pick<JSONInstruction, 'getFlags'>>).getFlags?.() ?? [];
  const fromFlag = flags.find((f) => f.getName().toLowerCase() === 'from');
  const expand = (w: string) => (w.includes('$') ? expandAt(file, stage, instruction, w) : { value: w, unresolved: false });
  const sources = words.slice(0, -1).map(expand);
  const dest = expand(words[words.length - 1]);
  if (!fromFlag) {
    // From the build context: a file named like a tool may be a binary the project ships.
    for (const src of [...sources, dest]) {
      if (src.unresolved) continue;
      const base = path.posix.basename(normalise(src.value));
      for (const tool of TOOLS) if (isBinaryOf(tool, base)) maybe(tool);
      if (/venv|site-packages|\.whl$|(^|\/)(vendor|vendored|libs?|deps|wheels|packages|python)(\/|$)/.test(src.value) || normalise(src.value) === '.') state.modules = 'unknown';
    }
    return;
  }
  // Anything copied from another image or stage may bring Python packages and interpreters.
  state.modules = 'unknown';
  maybe('python');
  maybe('node');
  const fromValue = fromFlag.getValue() ?? '';
  const lower = fromValue.toLowerCase();
  const source = file.stages.find((s) => s.name?.toLowerCase() === lower) ?? (/^\d+$/.test(fromValue) ? file.stages[Number(fromValue)] : undefined);
  const sourceBox = source && !visiting.has(source) ? computeStageToolbox(file, source, visiting) : null;
  for (const src of sources) {
    if (src.unresolved) {
      TOOLS.forEach(maybe);
      if (state.shell === 'no') state.shell = 'unknown';
      continue;
    }
    const base = path.posix.basename(normalise(src.value));
    const destBase = dest.unresolved ? '' : path.posix.basename(normalise(dest.value));
    for (const tool of TOOLS) {
      if (isBinaryOf(tool, base) || isBinaryOf(tool, destBase)) {
        const there = sourceBox ? sourceBox.tool(tool) : 'unknown';
        if (there === 'yes' || !sourceBox) state.tools.set(tool, sourceBox ? 'yes' : state.tools.get(tool) === 'yes' ? 'yes' : 'unknown');
        else if (there === 'unknown') maybe(tool);
      } else if (coversSystemBin(src.value)) {
        const there = sourceBox ? sourceBox.tool(tool) : 'unknown';
        if (there === 'yes' && state.tools.get(tool) !== 'yes') state.tools.set(tool, 'unknown');
        else if (there === 'unknown') maybe(tool);
      }
    }
    if ((coversSystemBin(src.value) || /(^|\/)(sh|busybox)$/.test(base)) && state.shell === 'no') state.shell = 'unknown';
  }
}

// ─── Ports ───────────────────────────────────────────────────────────────────────────────────────────────────────

export interface Listening {
  /** Ports the container is known to listen on, or null when that cannot be told. */
  ports: Set<number> | null;
  /** Where the ports come from (EXPOSE lines, the image), for `related`. */
  evidence: Related[];
  /** What listens, for messages: `the image (EXPOSE 8000 in app/Dockerfile)`. */
  describe: string;
}

/** Ports of an `EXPOSE` argument (`8000`, `8000/tcp`, `8000-8002`); null when a variable has no value. */
function exposedPorts(file: DockerfileFile, stage: DockerfileStage, instruction: Instruction): number[] | null {
  const out: number[] = [];
  for (const arg of instruction.getArguments()) {
    const { value, unresolved } = expandAt(file, stage, instruction, arg.getValue());
    if (unresolved) return null;
    const m = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/.exec(value.trim());
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (to - from > 1000) return null;
    for (let p = from; p <= to; p++) out.push(p);
  }
  return out;
}

/**
 * What a compose service's container listens on, when it can be told: the EXPOSE lines of its build's stage chain (only
 * when there are some, and the base image's own are known), the official image's ports, the `listen` ports of the
 * nginx configs it uses, and its `expose:` entries. Null ports mean "unknown".
 */
export function listeningOf(service: ServiceView, project: Project): Listening {
  const evidence: Related[] = [];
  const ports = new Set<number>();
  let known = false;
  const parts: string[] = [];
  const build = buildOf(service, project);
  if (build) {
    if (!build.dockerfile) return { ports: null, evidence, describe: '' };
    const stage = build.target ? build.dockerfile.stages.find((s) => s.name?.toLowerCase() === build.target!.toLowerCase()) : build.dockerfile.stages[build.dockerfile.stages.length - 1];
    if (!stage) return { ports: null, evidence, describe: '' };
    const chain = stageAncestry(stage);
    const root = chain[chain.length - 1];
    const facts = root.base.unresolved ? null : baseFacts(root.base.ref, root.base.isScratch);
    if (!facts?.ports) return { ports: null, evidence, describe: '' };
    facts.ports.forEach((p) => ports.add(p));
    let exposes = 0;
    for (const s of chain) {
      for (const expose of stageInstructions(s, 'EXPOSE')) {
        const list = exposedPorts(build.dockerfile, s, expose);
        if (list === null) return { ports: null, evidence, describe: '' };
        list.forEach((p) => ports.add(p));
        exposes++;
        evidence.push({ path: build.dockerfile.path, line: rangeOf(expose).line, message: `\`EXPOSE ${expose.getArguments().map((a) => a.getValue()).join(' ')}\`` });
      }
    }
    const nginx = nginxListenPorts(project, service);
    if (nginx === 'unknown') return { ports: null, evidence, describe: '' };
    nginx?.ports.forEach((p) => ports.add(p));
    if (nginx) evidence.push(...nginx.evidence);
    // Without an EXPOSE the Dockerfile says nothing about ports (unless it is an nginx image whose configs we read).
    known = exposes > 0 || (nginx !== null && facts.ports.length > 0);
    parts.push(exposes ? `the EXPOSE lines of \`${build.dockerfile.path}\`` : `the \`${root.base.written}\` image`);
    if (nginx?.ports.size) parts.push('its nginx `listen` directives');
  } else {
    const image = imageOf(service);
    if (!image) return { ports: null, evidence, describe: '' };
    const facts = baseFacts(parseImageRef(image));
    if (!facts?.ports?.length) return { ports: null, evidence, describe: '' };
    facts.ports.forEach((p) => ports.add(p));
    const nginx = nginxListenPorts(project, service);
    if (nginx === 'unknown') return { ports: null, evidence, describe: '' };
    nginx?.ports.forEach((p) => ports.add(p));
    if (nginx) evidence.push(...nginx.evidence);
    const imagePlace = service.at('image');
    evidence.push({ path: imagePlace.in, line: imagePlace.range.line, message: `image \`${image}\` listens on ${[...facts.ports].map((p) => `\`${p}\``).join(', ')}` });
    known = true;
    parts.push(`the \`${image}\` image`);
    if (nginx?.ports.size) parts.push('its nginx `listen` directives');
  }
  const expose = service.data.expose;
  if (Array.isArray(expose)) {
    for (const entry of expose) {
      const m = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/.exec(scalarText(entry)?.trim() ?? '');
      if (!m) return { ports: null, evidence, describe: '' };
      for (let p = Number(m[1]); p <= Number(m[2] ?? m[1]); p++) ports.add(p);
    }
    if (expose.length) parts.push('its `expose:` entries');
  }
  return { ports: known ? ports : null, evidence, describe: parts.join(' and ') };
}

/**
 * True when the port number appears in how the service is started or configured — its compose `command`,
 * `entrypoint`, `environment` and healthcheck, or the CMD/ENTRYPOINT/ENV/ARG of its build's stage chain
 * (`--port 8080`, `PORT=8080`, `-b 0.0.0.0:8080`): then it is configured to listen there, EXPOSE or not.
 */
export function mentionsPort(service: ServiceView, project: Project, port: number): boolean {
  const re = new RegExp(`(^|[^0-9])${port}([^0-9]|$)`);
  const texts: string[] = [];
  const collect = (v: unknown) => {
    const text = scalarText(v);
    if (text !== null) texts.push(text);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (asMap(v)) Object.entries(asMap(v)!).forEach(([k, x]) => {
      texts.push(k);
      collect(x);
    });
  };
  collect(service.data.command);
  collect(service.data.entrypoint);
  collect(service.data.environment);
  collect(asMap(service.data.healthcheck)?.test);
  collect(asMap(service.data.build)?.args);
  for (const envFile of project.files) {
    // env_file values are not merged into `environment`: read the files the service names.
    if (envFile.kind !== 'env') continue;
    const refs = Array.isArray(service.data.env_file) ? service.data.env_file : service.data.env_file ? [service.data.env_file] : [];
    for (const ref of refs) {
      const p = scalarText(ref) ?? scalarText(asMap(ref)?.path);
      if (p && path.posix.normalize(path.posix.join(service.dir || '.', p)) === envFile.path) texts.push(envFile.text);
    }
  }
  const build = buildOf(service, project);
  if (build?.dockerfile) {
    const stage = build.target ? build.dockerfile.stages.find((s) => s.name?.toLowerCase() === build.target!.toLowerCase()) : build.dockerfile.stages[build.dockerfile.stages.length - 1];
    for (const s of stage ? stageAncestry(stage) : []) {
      for (const instruction of s.instructions) {
        const keyword = instruction.getKeyword();
        if (keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'ENV' || keyword === 'ARG' || keyword === 'HEALTHCHECK' || keyword === 'LABEL') {
          texts.push(instruction.getArguments().map((a) => a.getValue()).join(' '));
        }
      }
    }
  }
  return texts.some((t) => re.test(t));
}

/** The ports published by a service with their container side as a number (ranges and variables left out). */
export function publishedPorts(service: ServiceView): { port: number; place: Place; written: string }[] {
  const out: { port: number; place: Place; written: string }[] = [];
  for (const spec of portsOf(service)) {
    if (spec.protocol !== 'tcp' && spec.protocol !== 'udp') continue;
    if (!/^\d+$/.test(spec.containerPort.trim())) continue;
    out.push({ port: Number(spec.containerPort), place: { in: spec.in, range: spec.range }, written: scalarText((service.data.ports as unknown[])[spec.path[1] as number]) ?? spec.containerPort });
  }
  return out;
}

export type { Range };

// ─── Healthcheck probes ──────────────────────────────────────────────────────────────────────────────────────────

export interface ProbeUse {
  tool: Tool;
  /** The command as written (`curl`, `/usr/bin/wget`, `python3`). */
  written: string;
  /** Modules a `python -c` imports. */
  modules: string[];
  /** Arguments, for hints (the URL probed). */
  args: string[];
  /** Where the command word is, when it maps to the file exactly (Dockerfile shell), else null. */
  range: Range | null;
}

export interface Probe {
  /** Runs through `/bin/sh -c` (shell form, CMD-SHELL, or an exec form starting a shell). */
  shell: boolean;
  uses: ProbeUse[];
}

/** Top-level modules a Python snippet imports (`import a.b`, `from c import d`). */
export function pythonImports(code: string): string[] {
  const out = new Set<string>();
  const re = /(?:^|[;\n]|\s)(?:import\s+([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*)|from\s+([A-Za-z_][\w.]*)\s+import\b)/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const names = m[1] ? m[1].split(',') : [m[2]];
    for (const n of names) out.add(n.trim().split('.')[0]);
  }
  return [...out];
}

/** The tools a healthcheck's script runs. `mapRanges`: the script's positions are the file's (a Dockerfile). */
export function probeOf(script: ShellScript, shell: boolean, mapRanges: boolean): Probe {
  const uses: ProbeUse[] = [];
  for (const command of script.commands) {
    const tool = toolOfCommand(command.name);
    if (!tool) continue;
    const args = command.args.map((a) => a.value);
    const code = tool === 'python' ? args[args.indexOf('-c') + 1] : undefined;
    uses.push({
      tool,
      written: command.nameWord.value,
      modules: args.includes('-c') && code !== undefined ? pythonImports(code) : [],
      args,
      range: mapRanges ? command.nameWord.range : null,
    });
  }
  return { shell, uses };
}

export interface MissingTool {
  kind: 'shell' | 'tool' | 'module';
  /** The tool (or module) missing. */
  name: string;
  use: ProbeUse | null;
  message: string;
  hint: string;
}

/** What a probe needs that the image is sure not to have. */
export function missingFor(probe: Probe, box: Toolbox, imageLabel: string): MissingTool[] {
  const out: MissingTool[] = [];
  if (probe.shell && box.shell === 'no') {
    out.push({
      kind: 'shell',
      name: 'sh',
      use: null,
      message: `the healthcheck is a shell command, but ${imageLabel} has no shell (\`/bin/sh\`): Docker cannot even start the check, so the container is always unhealthy`,
      hint: 'use the exec form (`["CMD", "/app/healthcheck"]`) with a binary the image contains, e.g. a small static probe built in an earlier stage and copied in',
    });
  }
  const seen = new Set<string>();
  for (const use of probe.uses) {
    if (!seen.has(use.tool) && box.tool(use.tool) === 'no') {
      seen.add(use.tool);
      out.push({
        kind: 'tool',
        name: use.tool,
        use,
        message: `the healthcheck runs \`${use.written}\`, but ${imageLabel} does not have ${use.tool === 'nc' ? 'netcat' : `\`${use.tool}\``} and the build does not install it: the check always fails, so the container is reported unhealthy and \`depends_on: condition: service_healthy\` never starts what waits for it`,
        hint: alternatives(use, box),
      });
    }
    for (const module of use.modules) {
      if (seen.has(`module:${module}`) || box.pythonModule(module) !== 'no') continue;
      seen.add(`module:${module}`);
      out.push({
        kind: 'module',
        name: module,
        use,
        message: `the healthcheck imports \`${module}\`, which ${imageLabel} does not ship and the build never installs (no pip, uv or poetry install): the check fails with ModuleNotFoundError and the container is reported unhealthy`,
        hint: `use the standard library instead: \`${use.written} -c "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('${probeUrl(use)}', timeout=3).status < 400 else 1)"\``,
      });
    }
  }
  return out;
}

function probeUrl(use: ProbeUse): string {
  const fromArgs = use.args.find((a) => /^https?:\/\//.test(a)) ?? use.args.find((a) => /^(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(a));
  if (fromArgs) return /^https?:\/\//.test(fromArgs) ? fromArgs : `http://${fromArgs}`;
  const inCode = use.args.join(' ').match(/https?:\/\/[^\s'"()]+/);
  return inCode ? inCode[0] : 'http://localhost:8080/health';
}

function alternatives(use: ProbeUse, box: Toolbox): string {
  const url = probeUrl(use);
  const options: string[] = [];
  if (use.tool === 'curl' && box.tool('wget') === 'yes') options.push(`use \`wget -q --spider ${url}\` (wget is in the image)`);
  if (use.tool === 'wget' && box.tool('curl') === 'yes') options.push(`use \`curl -fsS ${url}\` (curl is in the image)`);
  if (use.tool === 'bash') options.push('use `sh` instead of `bash`');
  if (use.tool !== 'python' && box.tool('python') === 'yes') {
    options.push(`use \`python -c "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('${url}', timeout=3).status < 400 else 1)"\` (standard library only)`);
  }
  if (use.tool !== 'node' && box.tool('node') === 'yes') options.push(`use \`node -e "fetch('${url}').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"\` (Node 18+)`);
  const pkg = use.tool === 'nc' ? 'netcat-openbsd' : use.tool === 'python' ? 'python3' : use.tool === 'node' ? 'nodejs' : use.tool;
  if (box.facts?.packages === 'apt') options.push(`install it in the final stage: \`RUN apt-get update && apt-get install -y --no-install-recommends ${pkg} && rm -rf /var/lib/apt/lists/*\``);
  else if (box.facts?.packages === 'apk') options.push(`install it in the final stage: \`RUN apk add --no-cache ${pkg}\``);
  else if (box.shell === 'no') options.push('a distroless or scratch image has no tools: build a small static probe in an earlier stage, `COPY --from` it and call it in exec form');
  return options.length ? `${options.join('; or ')}` : `install \`${pkg}\` in the image the service runs`;
}
