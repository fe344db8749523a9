import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { expandAt, rangeOf, stageAncestry, stageInstructions, targetStage, type DockerfileStage } from '../../src/parse/dockerfile.js';
import type { ImageRef } from '../../src/parse/image.js';

/** Users that are root: `root`, UID 0 (`0`, `00`), and Windows' `ContainerAdministrator`. A group after `:` does not matter. */
function isRootUser(spec: string): boolean {
  const user = spec.split(':')[0];
  if (user === 'root' || user.toLowerCase() === 'containeradministrator') return true;
  return user !== '' && [...user].every((c) => c >= '0' && c <= '9') && Number(user) === 0;
}

/**
 * Base images whose default user is not root (documented in user-root.md). Anything else is assumed to run as root,
 * as official images do.
 */
function defaultsToNonRoot(ref: ImageRef): boolean {
  const name = ref.name.toLowerCase();
  const registry = (ref.registry ?? 'docker.io').toLowerCase();
  const tagParts = (ref.tag ?? 'latest').toLowerCase().split('-');
  // distroless `:nonroot` / `:debug-nonroot` / `:nonroot-amd64`, and vendors' `-nonroot` variants.
  if (tagParts.includes('nonroot')) return true;
  // Chainguard images run as UID 65532, except the `-dev` variants (not assumed) and wolfi-base (root).
  if ((registry === 'cgr.dev' && name.startsWith('chainguard/')) || (registry === 'docker.io' && name.startsWith('chainguard/'))) {
    return !tagParts.includes('dev') && name !== 'chainguard/wolfi-base';
  }
  if (name === 'nginxinc/nginx-unprivileged') return true;
  if (registry === 'mcr.microsoft.com') {
    // .NET chiseled images run as `app` (UID 1654); Nano Server runs as ContainerUser.
    if (name.startsWith('dotnet/') && tagParts.some((p) => p.startsWith('chiseled'))) return true;
    if (name === 'windows/nanoserver' || (name.startsWith('dotnet/') && tagParts.some((p) => p.startsWith('nanoserver')))) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'user-root',
    title: 'Container runs as root',
    priority: 'high',
    category: 'security',
    rationale:
      'A process running as root inside the container is root on the host\'s kernel: any escape or writable host mount becomes a host compromise. The final image should switch to an unprivileged user.',
    fixable: false,
    equivalents: {
      hadolint: ['DL3002'],
      checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'],
      trivy: ['DS-0002'],
      semgrep: ['last-user-is-root', 'missing-user'],
      sonar: ['S6471'],
    },
    appliesTo: 'dockerfile',
    strength: 'Final stages run as a non-root user',
  },
  check(ctx) {
    const file = ctx.file;
    const final = targetStage(file);
    if (!final) return;
    ctx.applies();
    const chain = stageAncestry(final);

    // The last USER wins, and a stage built `FROM <stage>` inherits the user of that stage.
    let last: { user: Instruction; stage: DockerfileStage } | null = null;
    for (const stage of chain) {
      const users = stageInstructions(stage, 'USER');
      if (users.length) {
        last = { user: users[users.length - 1], stage };
        break;
      }
    }

    if (last) {
      const written = last.user.getArguments()[0]?.getValue() ?? '';
      const { value, unresolved } = expandAt(file, last.stage, last.user, unquote(written));
      if (unresolved || !isRootUser(value)) return;
      const inherited = last.stage !== final;
      const where = inherited
        ? `the final stage inherits \`USER ${written}\` from stage \`${last.stage.name ?? last.stage.index}\``
        : `the last \`USER\` of the final stage is \`${written}\``;
      ctx.report({
        range: rangeOf(last.user),
        message: `${where}, so the container runs as root: switch to an unprivileged user (e.g. \`USER app\` or \`USER 10001\`) after the steps that need root`,
      });
      return;
    }

    const root = chain[chain.length - 1].base;
    if (root.ref && defaultsToNonRoot(root.ref)) return;
    const message = root.isScratch
      ? 'the final stage is `FROM scratch` and never sets `USER`, so the binary runs as UID 0 (root): add `USER 65532:65532` — a numeric UID needs no /etc/passwd'
      : `the final stage never sets \`USER\`, so the container runs as root unless \`${root.ref?.raw ?? root.written}\` itself switches user (official images don't): create an unprivileged user and switch to it (\`RUN useradd --system app\` or \`adduser -S app\`, then \`USER app\`)`;
    ctx.report({ range: rangeOf(final.from), message, scope: 'file', key: 'final-stage:no-user' });
  },
});

function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}
