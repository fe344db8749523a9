// Finds the WebAssembly files the shell parser loads, both in the bundled action (files copied beside dist/*.js)
// and when running from sources (jest, tsc output) where they live in node_modules.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The npm package that ships each wasm file we know about. */
const PACKAGE_OF: Readonly<Record<string, string>> = {
  'tree-sitter.wasm': 'web-tree-sitter',
  'tree-sitter-bash.wasm': 'tree-sitter-bash'
};

/**
 * Absolute path of `fileName` (`tree-sitter.wasm` or `tree-sitter-bash.wasm`).
 * Looks beside the running module first (the bundle copies both files next to `dist/index.js` and `dist/cli.js`),
 * then resolves the owning package from node_modules. Throws, naming every place tried, when it is nowhere.
 */
export function locateWasm(fileName: string): string {
  const tried: string[] = [];
  for (const candidate of candidatePaths(fileName)) {
    if (existsSync(candidate)) return candidate;
    tried.push(candidate);
  }
  throw new Error(`cannot find ${fileName}; looked in: ${tried.join(', ')}`);
}

function* candidatePaths(fileName: string): Generator<string> {
  const here = dirname(fileURLToPath(import.meta.url));
  yield join(here, fileName);
  const pkg = PACKAGE_OF[fileName];
  if (pkg === undefined) return;
  const resolved = resolveFromPackage(pkg, fileName);
  if (resolved !== null) yield resolved;
  // Last resort when `exports` or an odd layout defeats require.resolve: walk up looking for node_modules/<pkg>.
  for (let dir = here; ; dir = dirname(dir)) {
    yield join(dir, 'node_modules', pkg, fileName);
    if (dirname(dir) === dir) return;
  }
}

/** `require.resolve('<pkg>/<file>')`: works for web-tree-sitter (exports the wasm) and tree-sitter-bash (no `exports`). */
function resolveFromPackage(pkg: string, fileName: string): string | null {
  try {
    return createRequire(import.meta.url).resolve(`${pkg}/${fileName}`);
  } catch {
    return null;
  }
}
