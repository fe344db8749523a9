// Limits checked around the YAML parser, so a hostile compose file gets a clear finding instead of exhausting the stack
// or the clock: nesting depth (measured before parsing, in one linear pass) and anchors that contain their own alias.
import { visit, type Document, type Node as YamlNode } from 'yaml';

/**
 * Deepest nesting of collections accepted in a compose file. Real files need a handful of levels (`services.web.deploy
 * .resources.limits.cpus` is six); the `yaml` parser, the composer and every walk over the data recurse once per level.
 */
export const MAX_NESTING_DEPTH = 100;

export interface NestingViolation {
  /** 1-based position of the first collection opened beyond the limit. */
  line: number;
  column: number;
}

/**
 * The first place where collections nest deeper than `limit`, or null. A single linear pass that knows just enough YAML
 * to tell structure from content: block indentation (an indentation stack), compact `- - -` entries, flow `[` / `{`
 * in value positions, quoted scalars (which may span lines), comments and block scalars (`|`, `>`), whose contents
 * are skipped. It never parses values; it only has to find documents built to be too deep, and the limit leaves a wide
 * margin for its approximations.
 */
export function excessiveNesting(text: string, limit = MAX_NESTING_DEPTH): NestingViolation | null {
  const indents: number[] = [];
  let flow = 0;
  /** Block depth where the current flow collection started. */
  let flowBase = 0;
  let quote: '"' | "'" | null = null;
  /** Lines indented more than this belong to a block scalar and are skipped. */
  let blockScalarParent: number | null = null;
  let lineStart = 0;
  let lineNo = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    lineNo++;
    let i = lineStart;
    let indent = 0;
    while (i < lineEnd && text[i] === ' ') i++;
    indent = i - lineStart;
    const blank = i >= lineEnd || text[i] === '\r';
    let valueStart = false;

    if (blockScalarParent !== null) {
      if (blank || indent > blockScalarParent) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockScalarParent = null;
    }
    if (quote === null && flow === 0) {
      if (blank || text[i] === '#') {
        lineStart = lineEnd + 1;
        continue;
      }
      if (indent === 0 && (text.startsWith('---', i) || text.startsWith('...', i))) indents.length = 0;
      while (indents.length && indents[indents.length - 1] > indent) indents.pop();
      if (!indents.length || indents[indents.length - 1] < indent) indents.push(indent);
      // Compact nested entries on one line: `- - - x`, `? - x`, `: - x`.
      let compact = 0;
      while (i < lineEnd && (text[i] === '-' || text[i] === '?' || text[i] === ':') && (i + 1 >= lineEnd || text[i + 1] === ' ' || text[i + 1] === '\r')) {
        compact++;
        if (indents.length + compact > limit) return { line: lineNo, column: i - lineStart + 1 };
        i++;
        while (i < lineEnd && text[i] === ' ') i++;
      }
      flowBase = indents.length + compact;
      if (flowBase > limit) return { line: lineNo, column: i - lineStart + 1 };
      valueStart = true;
    } else if (quote === null) {
      valueStart = true;
    }

    for (let j = i; j < lineEnd; j++) {
      const c = text[j];
      if (quote !== null) {
        if (quote === '"' && c === '\\') j++;
        else if (c === quote) {
          if (quote === "'" && text[j + 1] === "'") j++;
          else {
            quote = null;
            valueStart = false;
          }
        }
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') {
        continue;
      }
      if (c === '#' && (j === lineStart || text[j - 1] === ' ' || text[j - 1] === '\t')) break;
      if (flow > 0) {
        if (c === '[' || c === '{') {
          flow++;
          if (flowBase + flow > limit) return { line: lineNo, column: j - lineStart + 1 };
          valueStart = true;
        } else if (c === ']' || c === '}') {
          flow--;
          valueStart = false;
        } else if (c === ',' || c === ':') valueStart = true;
        else if ((c === '"' || c === "'") && valueStart) quote = c;
        else valueStart = false;
        continue;
      }
      // Block context.
      if (valueStart) {
        // `x: ? ? ? …`, `x: - - …`: invalid YAML, but the parser recurses into each before it says so.
        if ((c === '-' || c === '?') && (j + 1 >= lineEnd || text[j + 1] === ' ' || text[j + 1] === '\r')) {
          if (++flowBase > limit) return { line: lineNo, column: j - lineStart + 1 };
          continue;
        }
        if (c === '[' || c === '{') {
          flow = 1;
          if (flowBase + flow > limit) return { line: lineNo, column: j - lineStart + 1 };
          continue;
        }
        if (c === '"' || c === "'") {
          quote = c;
          continue;
        }
        if (c === '|' || c === '>') {
          blockScalarParent = indent;
          break;
        }
        if (c === '&' || c === '!' || c === '*') {
          while (j + 1 < lineEnd && text[j + 1] !== ' ') j++;
          continue;
        }
        valueStart = false;
      }
      // In a key or a plain scalar: `: ` (or `:` at the end) starts a value, one level down (`a: b: c: …` nests too).
      if (c === ':' && (j + 1 >= lineEnd || text[j + 1] === ' ' || text[j + 1] === '\r')) {
        valueStart = true;
        if (++flowBase > limit) return { line: lineNo, column: j - lineStart + 1 };
      }
    }
    lineStart = lineEnd + 1;
  }
  return null;
}

/** The first alias that sits inside the very node its anchor names (`x: &a {<<: *a}`), which would expand forever. */
export function selfReferencingAlias(doc: Document.Parsed): { name: string; range: [number, number] | null } | null {
  let found: { name: string; range: [number, number] | null } | null = null;
  visit(doc, {
    Alias(_key, node, path) {
      const target = node.resolve(doc);
      if (target && path.includes(target as YamlNode)) {
        found = { name: node.source, range: node.range ? [node.range[0], node.range[1]] : null };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
