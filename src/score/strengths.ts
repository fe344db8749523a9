// Strengths already in place: rules that applied and found nothing, plus a few structural facts.
import type { AnyRule } from '../engine/rule.js';
import { dockerignoreFor, filesOfKind, type Project } from '../model/project.js';

export function strengthsOf(rules: AnyRule[], clean: Set<string>, project: Project): string[] {
  const strengths: string[] = [];
  const dockerfiles = filesOfKind(project, 'dockerfile');
  const multiStage = dockerfiles.filter((f) => f.stages.length > 1);
  if (multiStage.length) {
    const names = multiStage.slice(0, 3).map((f) => `\`${f.path}\``).join(', ');
    const more = multiStage.length > 3 ? ` and ${multiStage.length - 3} more` : '';
    strengths.push(`Multi-stage builds keep build tools out of the final image in ${multiStage.length} of ${dockerfiles.length} Dockerfiles (${names}${more})`);
  }
  if (dockerfiles.length && dockerfiles.every((f) => dockerignoreFor(project, f))) {
    strengths.push('Every Dockerfile has a .dockerignore trimming its build context');
  }
  for (const rule of rules) {
    if (rule.meta.strength && clean.has(rule.meta.id)) strengths.push(rule.meta.strength);
  }
  return strengths;
}
