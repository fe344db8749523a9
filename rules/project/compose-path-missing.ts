import { defineRule } from '../../src/engine/rule.js';
import type { Related, RuleReport } from '../../src/engine/types.js';
import { serviceLinks, type PathRef } from '../../src/model/links.js';
import { servicesOf } from '../compose/lib.js';
import { hasTemplateBeside, isSecretMaterial, kindWithSuggestion, relativeTo, showDir, similarDockerfile } from './lib.js';

/** What breaks, per kind of reference. */
function consequence(ref: PathRef): string {
  switch (ref.role) {
    case 'build.context':
      return '`docker compose build` fails ("unable to prepare context: path not found")';
    case 'build.dockerfile':
      return '`docker compose build` fails ("failed to read dockerfile: no such file")';
    case 'env_file':
      return '`docker compose up` refuses to start the project ("env file … not found")';
    case 'config':
      return '`docker compose up` cannot mount it: Docker creates an empty folder in its place, or refuses ("bind source path does not exist")';
    case 'secret':
      return '`docker compose up` cannot mount it';
    case 'bind':
      return ref.expect === 'file'
        ? 'Docker creates an empty folder of that name in its place, so the container gets a folder where it expects a file (mounting it over a file of the image fails: "not a directory")'
        : 'Compose refuses to create the container ("bind source path does not exist"; long syntax does not create it)';
  }
}

export default defineRule({
  meta: {
    id: 'compose-path-missing',
    title: 'Compose refers to a path that does not exist',
    priority: 'critical',
    category: 'correctness',
    rationale:
      'A build context, Dockerfile, env file, config file or bind-mounted file that is not in the repository breaks `docker compose build` or `up` on every fresh checkout; a Dockerfile renamed or deleted while compose still points at the old path is the classic case.',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Every build context, Dockerfile, env file and mounted file compose refers to exists',
  },
  check(ctx) {
    const { project } = ctx;
    // One report per place: a path written once (an anchor, a base file) and used by several services names them all.
    const pending = new Map<string, { names: string[]; make: (who: string, first: string) => RuleReport }>();
    for (const service of servicesOf(ctx)) {
      const links = serviceLinks(project, service);
      let contextMissing = false;
      for (const ref of links.paths) {
        // Secret files are kept out of repositories on purpose: their absence here is expected.
        if (ref.role === 'secret' || ref.location !== 'inside' || ref.repoPath === null) continue;
        if (ref.role === 'build.dockerfile' && contextMissing) continue;
        if (ref.role === 'bind' && !ref.mustExist) continue;
        ctx.applies();
        const { kind, suggestion } = kindWithSuggestion(project, ref.repoPath);
        if (kind === undefined) continue;
        if (ref.role === 'build.context' && kind === null) contextMissing = true;
        if (!ref.mustExist) continue;
        const wrongKind =
          kind !== null &&
          ((ref.role === 'build.context' && kind !== 'dir') || ((ref.role === 'build.dockerfile' || ref.role === 'env_file') && kind !== 'file'));
        if (kind !== null && !wrongKind) continue;
        if ((ref.role === 'bind' || ref.role === 'config') && isSecretMaterial(ref.repoPath)) continue;
        if (ref.role === 'env_file' && kind === null && hasTemplateBeside(project, ref.repoPath)) continue;

        const related: Related[] = [];
        let message: string;
        let hint: string;
        const shown = `\`${ref.written}\``;
        const who = '\u0000';
        const at = ref.written.replace(/^\.\//, '') === ref.repoPath ? '' : ` (\`${ref.repoPath || '.'}\` in the repository)`;
        if (wrongKind) {
          message = `${who}: the ${ref.role === 'build.context' ? 'build context' : ref.role === 'env_file' ? 'env file' : 'Dockerfile'} ${shown}${at} is a ${kind === 'dir' ? 'folder' : 'file'}, not a ${kind === 'dir' ? 'file' : 'folder'}: ${consequence(ref)}`;
          hint = 'point it at the right path';
        } else if (ref.role === 'build.dockerfile') {
          const build = links.build;
          const contextDir = build?.context ?? '';
          const similar = similarDockerfile(project, ref.repoPath, contextDir, service.name);
          message = `${who} builds with Dockerfile ${shown}, but there is no \`${ref.repoPath}\` in the repository (build context ${showDir(contextDir)}): ${consequence(ref)}. If the Dockerfile was renamed or deleted, compose still points at the old path`;
          if (similar) {
            message += `; \`${similar}\` exists — did it move there?`;
            related.push({ path: similar, line: 1, message: `\`${similar}\` may be the Dockerfile \`${service.name}\` meant` });
          }
          hint = similar
            ? `set \`dockerfile: ${relativeTo(contextDir, similar)}\` (relative to the build context), or restore \`${ref.repoPath}\``
            : 'point `build.dockerfile` at the Dockerfile (relative to the build context), or add it';
        } else if (ref.role === 'build.context') {
          message = `${who} builds from context ${shown}${at}, which does not exist in the repository: ${consequence(ref)}`;
          hint = suggestion ? `did you mean \`${relativeTo(service.dir, suggestion)}\`?` : 'point `build.context` at the folder holding the sources (relative to the compose file)';
        } else {
          const what = ref.role === 'env_file' ? 'reads env file' : ref.role === 'config' ? `uses config \`${ref.name}\` from` : 'bind-mounts';
          message = `${who} ${what} ${shown}${at}, which does not exist in the repository: ${consequence(ref)}`;
          hint = suggestion
            ? `did you mean \`${relativeTo(service.dir, suggestion)}\`?`
            : ref.role === 'env_file'
              ? 'commit the file (without secrets), fix the path, or mark it optional: `env_file: [{ path: …, required: false }]`'
              : 'commit the file or fix the path';
        }
        // The missing path itself: in a pull request that deleted or renamed it, that change is the cause.
        if (!wrongKind) related.unshift({ path: ref.repoPath, line: 1, message: `\`${ref.repoPath}\` is not in the repository (deleted or renamed?)` });
        const id = `${ref.place.in}:${ref.place.range.line}:${ref.place.range.column}:${ref.role}:${ref.repoPath}`;
        const entry = pending.get(id);
        if (entry) {
          entry.names.push(service.name);
          continue;
        }
        const place = ref.place;
        const role = ref.role;
        const repoPath = ref.repoPath;
        pending.set(id, {
          names: [service.name],
          make: (names, first) => ({
            ...place,
            message: message.split(who).join(names),
            hint,
            related: related.length ? related : undefined,
            key: `service:${first}:${role}:${repoPath}`,
          }),
        });
      }
    }
    for (const { names, make } of pending.values()) {
      const who = `service \`${names[0]}\`${names.length > 1 ? ` (and ${names.slice(1).map((n) => `\`${n}\``).join(', ')})` : ''}`;
      ctx.report(make(who, names[0]));
    }
  },
});
