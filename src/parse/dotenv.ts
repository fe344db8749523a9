// `.env` / `env_file` files as Docker Compose reads them: KEY=VALUE lines, never executed.
// Supports comments, `export KEY=…`, single quotes (literal), double quotes (with \n, \", \\ escapes, may span lines),
// inline ` #` comments after unquoted values, and `KEY` alone (no value). Positions are 1-based lines of the text.

export interface DotenvEntry {
  name: string;
  /** The value (quotes removed); null for a bare `KEY` line. */
  value: string | null;
  /** 1-based line of the entry's name; `endLine` is where its value ends (multi-line quoted values). */
  line: number;
  endLine: number;
  /** 1-based columns of the value on `line` (the whole line when the value spans lines). */
  valueColumn: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function parseDotenv(text: string): DotenvEntry[] {
  const lines = text.split(/\r?\n/);
  const entries: DotenvEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const trimmed = raw.replace(/^\s+/, '');
    if (!trimmed || trimmed.startsWith('#')) continue;
    const indent = raw.length - trimmed.length;
    const body = trimmed.startsWith('export ') ? trimmed.slice(7).replace(/^\s+/, '') : trimmed;
    const offset = indent + (trimmed.length - body.length);
    const eq = body.search(/[=:]/);
    if (eq < 0) {
      const name = body.trim();
      if (NAME.test(name)) entries.push({ name, value: null, line: i + 1, endLine: i + 1, valueColumn: raw.length + 1 });
      continue;
    }
    // `KEY: value` is accepted by compose's dotenv as `KEY=value` only with `=`; a colon form is YAML-ish: skip it.
    if (body[eq] === ':') continue;
    const name = body.slice(0, eq).trim();
    if (!NAME.test(name)) continue;
    let rest = body.slice(eq + 1);
    const lead = rest.length - rest.replace(/^[ \t]+/, '').length;
    rest = rest.slice(lead);
    const valueColumn = offset + eq + 1 + lead + 1;
    const quote = rest[0];
    if (quote === "'" || quote === '"') {
      let value = '';
      let j = 1;
      let line = i;
      let current = rest;
      let closed = false;
      for (;;) {
        for (; j < current.length; j++) {
          const c = current[j];
          if (quote === '"' && c === '\\' && j + 1 < current.length) {
            const n = current[++j];
            value += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
          } else if (c === quote) {
            closed = true;
            break;
          } else value += c;
        }
        if (closed || line + 1 >= lines.length || line - i > 1000) break;
        value += '\n';
        line++;
        current = lines[line];
        j = 0;
      }
      entries.push({ name, value, line: i + 1, endLine: line + 1, valueColumn });
      i = line;
      continue;
    }
    const hash = rest.search(/\s#/);
    const value = (hash >= 0 ? rest.slice(0, hash) : rest).trim();
    entries.push({ name, value, line: i + 1, endLine: i + 1, valueColumn });
  }
  return entries;
}

/** The variables of a `.env` file (last definition wins, as in Compose). */
export function dotenvVariables(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const e of parseDotenv(text)) if (e.value !== null) vars.set(e.name, e.value);
  return vars;
}
