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
 * frontend does. `unresolved` is true when a variable had no value and no default (the result is then partial).
 */
export function expandVariables(text: string, lookup: (name: string) => string | null | undefined): { value: string; unresolved: boolean } {
  let unresolved = false;
  const value = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
    const name = (braced ?? bare) as string;
    const current = lookup(name);
    const isSet = current !== undefined && current !== null;
    const isNonEmpty = isSet && current !== '';
    switch (op as string | undefined) {
      case ':-':
        return isNonEmpty ? current! : word;
      case '-':
        return isSet ? current! : word;
      case ':+':
        return isNonEmpty ? word : '';
      case '+':
        return isSet ? word : '';
      default:
        if (!isSet) unresolved = true;
        return isSet ? current! : '';
    }
  });
  return { value, unresolved };
}
