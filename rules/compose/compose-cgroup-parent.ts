import { defineRule } from '../../src/engine/rule.js';
import { interpolate, scalarText, servicesOf } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-cgroup-parent',
    title: 'Container placed in a custom parent cgroup',
    priority: 'low',
    category: 'security',
    rationale:
      '`cgroup_parent` moves the container out of the cgroup Docker creates for it and under one the host manages: the resource limits and accounting of that parent apply, not the ones this file states, and a parent shared with host services lets the container compete with them.',
    fixable: false,
    equivalents: { kics: ['Cgroup Not Default'] },
    appliesTo: 'compose',
    strength: 'Containers stay in the cgroups Docker manages',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      ctx.applies();
      const text = scalarText(service.data.cgroup_parent);
      if (text === null) continue;
      const { value } = interpolate(text, service);
      if (value.trim() === '') continue;
      ctx.report({
        ...service.at('cgroup_parent'),
        message: `service \`${service.name}\` runs under the custom parent cgroup \`${value.trim()}\`: the limits and accounting of that cgroup, shared with whatever else runs there, govern it instead of Docker's own`,
        hint: 'remove `cgroup_parent` and state the limits in the service (`deploy.resources.limits`, `pids_limit`); keep it only where the host\'s cgroup layout is managed on purpose (e.g. a systemd slice), and say so in a suppression comment',
        key: `service:${service.name}:cgroup_parent`,
      });
    }
  },
});
