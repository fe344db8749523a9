// Image references ("registry/name:tag@digest") and Dockerfile-style variable expansion.

export interface ImageRef {
  /** As written after expansion. */
  raw: string;
  registry: string | null;
  /** Repository path without registry, tag or digest (e.g. "library/python" stays "python"). */
  name: string;
  tag: string | null;
  digest: string | null;
}

/** Splits a reference per the distribution reference grammar; null for empty or variable-only text. */
export function parseImageRef(raw: string): ImageRef | null {
  const ref = raw.trim();
  if (!ref || /\s/.test(ref)) return null;
  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1) || null;
    rest = rest.slice(0, at);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1) || null;
    rest = rest.slice(0, colon);
  }
  if (!rest) return null;
  return { raw: ref, registry, name: rest, tag, digest };
}

/**
 * Expands `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}` as the Dockerfile
 * frontend does; the default or alternative word is itself expanded (`${A:-$B}`, `${TAG:+:${TAG}}`). Other modifiers
 * are left as written. `unresolved` is true when a variable whose value was needed had none and no default (the result
 * is then partial).
 */
export function expandVariables(text: string, lookup: (name: string) => string | null | undefined): { value: string; unresolved: boolean } {
  let unresolved = false;
  const nameAt = (i: number) => /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0] ?? '';
  // Expands text[from, to); returns the result.
  const expand = (from: number, to: number): string => {
    let out = '';
    for (let i = from; i < to; ) {
      if (text[i] !== '$') {
        out += text[i++];
        continue;
      }
      if (text[i + 1] !== '{') {
        const name = nameAt(i + 1);
        if (!name) {
          out += text[i++];
          continue;
        }
        const current = lookup(name);
        if (current === undefined || current === null) unresolved = true;
        out += current ?? '';
        i += 1 + name.length;
        continue;
      }
      const name = nameAt(i + 2);
      const afterName = i + 2 + name.length;
      // The matching `}`, nested `${…}` included.
      let close = afterName;
      for (let depth = 1; close < to; close++) {
        if (text[close] === '{') depth++;
        else if (text[close] === '}' && --depth === 0) break;
      }
      const op = /^(:?[-+])/.exec(text.slice(afterName, close))?.[0];
      if (!name || close >= to || (afterName !== close && !op)) {
        // Not a form we expand: keep it as written.
        out += text.slice(i, Math.min(close + 1, to));
        i = close + 1;
        continue;
      }
      const current = lookup(name);
      const isSet = current !== undefined && current !== null;
      const isNonEmpty = isSet && current !== '';
      const word = () => expand(afterName + (op?.length ?? 0), close);
      switch (op) {
        case ':-':
          out += isNonEmpty ? current : word();
          break;
        case '-':
          out += isSet ? current : word();
          break;
        case ':+':
          out += isNonEmpty ? word() : '';
          break;
        case '+':
          out += isSet ? word() : '';
          break;
        default:
          if (!isSet) unresolved = true;
          out += current ?? '';
      }
      i = close + 1;
    }
    return out;
  };
  const value = expand(0, text.length);
  return { value, unresolved };
}
