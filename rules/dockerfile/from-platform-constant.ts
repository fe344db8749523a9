import { defineRule } from '../../src/engine/rule.js';
import { fromLsp } from '../../src/parse/positions.js';

const OSES = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'dragonfly', 'solaris', 'illumos', 'aix', 'android', 'ios', 'plan9', 'js', 'wasip1']);
const ARCH_ALIASES: Record<string, string> = {
  amd64: 'amd64', x86_64: 'amd64', 'x86-64': 'amd64', arm64: 'arm64', aarch64: 'arm64', arm: 'arm', armhf: 'arm', armel: 'arm',
  '386': '386', i386: '386', i686: '386', ppc64le: 'ppc64le', s390x: 's390x', riscv64: 'riscv64', mips64le: 'mips64le', loong64: 'loong64', wasm: 'wasm',
};

/** `linux/amd64`, `linux/arm/v7`, `amd64`, `windows` → os and architecture (containerd's rules, normalised); null if not a platform. */
function parsePlatform(value: string): { os: string; arch: string } | null {
  const parts = value.toLowerCase().split('/');
  if (!parts.every(Boolean) || parts.length > 3) return null;
  if (parts.length === 1) {
    if (OSES.has(parts[0])) return { os: parts[0], arch: '' };
    const arch = ARCH_ALIASES[parts[0]];
    return arch ? { os: 'linux', arch } : null;
  }
  const arch = ARCH_ALIASES[parts[1]];
  return OSES.has(parts[0]) && arch ? { os: parts[0], arch } : null;
}

export default defineRule({
  meta: {
    id: 'from-platform-constant',
    title: '`FROM --platform` with a fixed platform',
    priority: 'medium',
    category: 'reliability',
    rationale:
      '`FROM --platform=linux/amd64` pins the stage to one platform: a multi-platform build produces amd64 binaries under every architecture, and on arm64 hosts (Apple silicon, Graviton) the image runs under slow emulation or not at all.',
    fixable: false,
    equivalents: { buildkit: ['FromPlatformFlagConstDisallowed'], hadolint: ['DL3029'] },
    appliesTo: 'dockerfile',
    strength: 'No stage is pinned to a fixed platform',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      const flag = stage.from.getPlatformFlag();
      if (!flag) continue;
      ctx.applies();
      const value = (flag.getValue() ?? '').replace(/^(["'])(.*)\1$/, '$2');
      if (value.includes('$')) continue;
      const platform = parsePlatform(value);
      if (!platform) continue;
      // A stage named for its platform (`AS build-amd64`) is pinned on purpose, as BuildKit allows.
      const name = stage.name?.toLowerCase() ?? '';
      if (name && (name.includes(platform.os) || (platform.arch && name.includes(platform.arch)))) continue;
      ctx.report({
        range: fromLsp(flag.getRange()),
        message: `\`FROM --platform=${value}\` pins this stage to one platform: multi-platform builds and builds on other architectures get a ${value} stage anyway (emulated, or the wrong binaries)`,
        hint: 'Drop the flag to build for the target platform; for a cross-compiling builder stage use `--platform=$BUILDPLATFORM` with `TARGETOS`/`TARGETARCH`; if one platform is really required, name the stage after it (`AS build-amd64`).',
        key: `stage:${stage.index}`,
      });
    }
  },
});
