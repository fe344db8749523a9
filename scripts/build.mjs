// Builds dist/: the action (index.js), the CLI (cli.js) and the WebAssembly files the shell parser loads.
// Deterministic: the same sources and lockfile give the same bytes (a test compares a fresh build with dist/).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const outdir = path.resolve(process.argv[2] ?? 'dist');

// Bundled CommonJS dependencies call require() for Node built-ins; give the ESM bundle a real require.
const banner = "import { createRequire as __drCreateRequire } from 'node:module'; const require = __drCreateRequire(import.meta.url);";

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
  banner: { js: banner },
};
await build({ ...common, entryPoints: ['src/main.ts'], outfile: path.join(outdir, 'index.js') });
await build({ ...common, entryPoints: ['src/cli.ts'], outfile: path.join(outdir, 'cli.js'), banner: { js: banner } });
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), path.join(outdir, 'tree-sitter.wasm'));
copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), path.join(outdir, 'tree-sitter-bash.wasm'));
process.stdout.write(`built ${path.relative(process.cwd(), outdir) || outdir}/\n`);
