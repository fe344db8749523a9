// Compose file → YAML document with positions, plain data (merge keys applied) and services.
import {
  isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, YAMLMap, YAMLSeq,
  type Document, type Node as YamlNode, type Pair, type ParsedNode, type Tags,
} from 'yaml';
import type { Range } from '../engine/types.js';
import { fromOffsets } from './positions.js';
import { splitLines, type ParseProblem, type SourceFile } from './source.js';
import { excessiveNesting, MAX_NESTING_DEPTH, selfReferencingAlias } from './yaml-guard.js';

/**
 * Aliases a file may expand. The `yaml` default (100) rejects real compose files that reuse one anchor hundreds of
 * times; this budget still stops billion-laughs documents long before they cost time or memory.
 */
export const MAX_ALIAS_COUNT = 10_000;

export type ComposeData = Record<string, unknown>;

export interface ComposeService {
  name: string;
  /** Range of the service's key under `services:`. */
  keyRange: Range;
  /** The service after merge keys are applied. */
  data: ComposeData;
}

export interface ComposeFile extends SourceFile {
  kind: 'compose';
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The whole file as plain data (merge keys applied), or {} when it is not a mapping. */
  data: ComposeData;
  services: ComposeService[];
}

export type YamlPath = (string | number)[];

/** Compose's `!reset` / `!override` tags on scalars, mappings and sequences (kept as-is; merging honours them). */
const COMPOSE_TAGS: Tags = ['!reset', '!override'].flatMap((tag) => [
  { tag, identify: () => false, resolve: (value: string) => value },
  { tag, collection: 'map' as const, nodeClass: YAMLMap, identify: () => false },
  { tag, collection: 'seq' as const, nodeClass: YAMLSeq, identify: () => false },
]);

export function parseCompose(path: string, text: string): { file: ComposeFile; problems: ParseProblem[] } {
  const lineCounter = new LineCounter();
  // logLevel 'error': the parser's warnings would go to stderr with text quoted from the file; they are not needed.
  const options = { lineCounter, merge: true, prettyErrors: false, uniqueKeys: true, customTags: COMPOSE_TAGS, keepSourceTokens: false, logLevel: 'error' } as const;
  const problems: ParseProblem[] = [];
  const lines = splitLines(text);
  const start = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  // Too deep to parse safely: refused before the (recursive) parser sees it, with the place it goes too deep.
  const tooDeep = excessiveNesting(text, MAX_NESTING_DEPTH);
  let doc: Document.Parsed;
  if (tooDeep) {
    problems.push({
      path,
      message: `YAML rejected: collections nest deeper than ${MAX_NESTING_DEPTH} levels here; a compose file needs a handful, and the limit stops documents built to exhaust the parser`,
      range: { line: tooDeep.line, column: tooDeep.column, endLine: tooDeep.line, endColumn: tooDeep.column + 1 },
    });
    doc = parseDocument('', options);
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
  } else {
    try {
      doc = parseDocument(text, options);
    } catch (error) {
      problems.push({ path, message: `YAML rejected: the parser gave up (${firstLine((error as Error).message)})`, range: start });
      doc = parseDocument('', { ...options, lineCounter: new LineCounter() });
    }
  }
  for (const error of doc.errors) {
    problems.push({ path, message: `invalid YAML: ${firstLine(error.message)}`, range: fromOffsets(lineCounter, error.pos[0], error.pos[1]) });
  }
  let data: ComposeData = {};
  const loop = !problems.length ? selfReferencingAlias(doc) : null;
  if (loop) {
    problems.push({
      path,
      message: `YAML rejected: the alias \`*${loop.name}\` is inside the node its anchor \`&${loop.name}\` names, so the anchor refers to itself and would expand forever`,
      range: loop.range ? fromOffsets(lineCounter, loop.range[0], loop.range[1]) : start,
    });
  } else if (!problems.length) {
    try {
      const js: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (js !== null && typeof js === 'object' && !Array.isArray(js)) data = js as ComposeData;
      else if (js !== null && js !== undefined) {
        problems.push({ path, message: 'a compose file must be a mapping at the top level', range: nodeRange(doc.contents, lineCounter) ?? start });
      }
    } catch (error) {
      const message = firstLine((error as Error).message);
      problems.push({
        path,
        message: /alias count/i.test(message)
          ? `YAML rejected: expanding its aliases would make more than ${MAX_ALIAS_COUNT} copies (a "billion laughs" document); Compose files reuse anchors far less`
          : error instanceof RangeError
            ? `YAML rejected: the document is too deeply nested to expand (${message})`
            : `YAML rejected: ${message}`,
        range: start,
      });
    }
  }
  const file: ComposeFile = { path, kind: 'compose', text, lines, doc, lineCounter, data, services: [] };
  file.services = collectServices(file);
  return { file, problems };
}

function collectServices(file: ComposeFile): ComposeService[] {
  const services = file.data.services;
  if (!services || typeof services !== 'object' || Array.isArray(services)) return [];
  return Object.entries(services as ComposeData).map(([name, data]) => ({
    name,
    keyRange: keyRange(file, ['services', name]) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 },
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as ComposeData) : {},
  }));
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function nodeRange(node: unknown, lineCounter: LineCounter): Range | null {
  const range = (node as YamlNode | null)?.range;
  return range ? fromOffsets(lineCounter, range[0], range[1]) : null;
}

interface Located {
  pair: Pair<ParsedNode, ParsedNode | null> | null;
  node: ParsedNode | null;
}

/**
 * Finds the node at `path`, looking through aliases and `<<` merge keys, so a value inherited from an anchor is
 * placed on the line that set it. Returns the deepest point reached and whether the whole path was found.
 */
export function locate(file: ComposeFile, path: YamlPath): { found: boolean; located: Located } {
  let current: Located = { pair: null, node: file.doc.contents as ParsedNode | null };
  for (const segment of path) {
    const node = deref(file, current.node);
    const next = step(file, node, segment, 0);
    if (!next) return { found: false, located: current };
    current = next;
  }
  return { found: true, located: current };
}

function deref(file: ComposeFile, node: ParsedNode | null): ParsedNode | null {
  let n: unknown = node;
  for (let hops = 0; isAlias(n) && hops < 32; hops++) n = n.resolve(file.doc);
  return (n as ParsedNode | null) ?? null;
}

function step(file: ComposeFile, node: ParsedNode | null, segment: string | number, depth: number): Located | null {
  if (depth > 32) return null;
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as ParsedNode | undefined;
    return item === undefined ? null : { pair: null, node: item };
  }
  if (!isMap(node)) return null;
  const merges: ParsedNode[] = [];
  for (const pair of node.items as Pair<ParsedNode, ParsedNode | null>[]) {
    const key = pair.key;
    if (isScalar(key) && typeof key.value === 'symbol') {
      merges.push(pair.value as ParsedNode);
      continue;
    }
    if (isScalar(key) && String(key.value) === String(segment)) return { pair, node: pair.value };
  }
  // Explicit keys win over merged ones; among merge sources the first one wins, as in YAML's merge semantics.
  for (const source of merges) {
    const targets = isSeq(source) ? (source.items as ParsedNode[]) : [source];
    for (const target of targets) {
      const hit = step(file, deref(file, target), segment, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}

/** Range of the key at `path` (e.g. `ports:`), or of the closest ancestor key found. */
export function keyRange(file: ComposeFile, path: YamlPath): Range | null {
  const { located } = locate(file, path);
  const target = located.pair?.key ?? located.node;
  return nodeRange(target, file.lineCounter);
}

/** Range of the value at `path`, or of the closest ancestor found. */
export function valueRange(file: ComposeFile, path: YamlPath): Range | null {
  const { located } = locate(file, path);
  const node = located.node ?? located.pair?.key ?? null;
  return nodeRange(node, file.lineCounter);
}

/** The best range for something about `path`: the value when it is a scalar, else its key. Never null. */
export function rangeAt(file: ComposeFile, path: YamlPath): Range {
  const { found, located } = locate(file, path);
  const node = located.node;
  const preferValue = found && node && (isScalar(node) || isAlias(node) || !located.pair);
  const range = preferValue ? nodeRange(node, file.lineCounter) : nodeRange(located.pair?.key ?? node, file.lineCounter);
  return range ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
}
