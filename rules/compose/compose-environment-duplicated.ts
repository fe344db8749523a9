import { defineRule } from '../../src/engine/rule.js';
import { environmentOf, viewOf, type EnvEntry, type ServiceView } from './lib.js';

/** Fewer shared entries than this are not worth an anchor. */
const MIN_ENTRIES = 3;

const placeId = (e: EnvEntry) => `${e.in}:${e.range.line}:${e.range.column}`;

export default defineRule({
  meta: {
    id: 'compose-environment-duplicated',
    title: '`environment` entries repeated across services',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'The same `KEY=value` entries written in several services drift apart: one service gets the new database URL or feature flag and the other keeps the old one. One `x-` block merged with a YAML anchor keeps them in one place.',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Shared environment settings are written once',
  },
  check(ctx) {
    const view = viewOf(ctx);
    // Services of this project (not of an included one), in order.
    const services = view.services.filter((s) => view.files.includes(s.file));
    /** `NAME=value` → the entries that write it, per service. */
    const bySignature = new Map<string, { service: ServiceView; entry: EnvEntry }[]>();
    let withEnv = 0;
    for (const service of services) {
      const entries = environmentOf(service).filter((e) => e.value !== null);
      if (entries.length) withEnv++;
      for (const entry of entries) {
        const sig = `${entry.name}=${entry.value}`;
        bySignature.set(sig, [...(bySignature.get(sig) ?? []), { service, entry }]);
      }
    }
    if (withEnv < 2) return;
    ctx.applies();
    // Blocks: the duplicated entries shared by exactly the same services. Entries that all come from one place (an
    // anchor merged into each service, `extends`) are already written once.
    const blocks = new Map<string, { services: ServiceView[]; names: string[] }>();
    for (const [, uses] of bySignature) {
      if (uses.length < 2 || new Set(uses.map((u) => placeId(u.entry))).size < 2) continue;
      const key = uses.map((u) => u.service.name).join('\0');
      const block = blocks.get(key) ?? { services: uses.map((u) => u.service), names: [] };
      block.names.push(uses[0].entry.name);
      blocks.set(key, block);
    }
    for (const block of blocks.values()) {
      if (block.names.length < MIN_ENTRIES) continue;
      // The block's entries in the first service: one place, whichever file of the view is checked. The range spans
      // them when they are written together in one file, else it is the first one.
      const entries = environmentOf(block.services[0]).filter((e) => block.names.includes(e.name));
      const first = entries[0];
      const last = entries[entries.length - 1];
      const together = entries.every((e) => e.in === first.in) && last.range.line >= first.range.line;
      const range = together ? { ...first.range, endLine: last.range.endLine, endColumn: last.range.endColumn } : first.range;
      const names = block.services.map((s) => `\`${s.name}\``);
      const who = names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      const shown = block.names.slice(0, 5).map((n) => `\`${n}\``).join(', ') + (block.names.length > 5 ? ', …' : '');
      ctx.report({
        range,
        in: first.in,
        message: `services ${who} repeat the same ${block.names.length} \`environment\` entries (${shown}): a change made in one service and forgotten in the other${names.length > 2 ? 's' : ''} makes them drift apart`,
        hint: 'write them once in an `x-` block (`x-common-env: &common-env` followed by the entries as a mapping) and merge it in each service: `environment: { <<: *common-env, LOG_LEVEL: info }`; merge keys need the mapping syntax, not `- KEY=value` lists',
        key: `environment:${block.services.map((s) => s.name).join(',')}`,
      });
    }
  },
});
