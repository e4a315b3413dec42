// Bundles the app with esbuild into target/classes/webapp/, where WebAppServlet serves it from.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const out = 'target/classes/webapp';
mkdirSync(`${out}/app`, { recursive: true });
cpSync('src/main/static', out, { recursive: true });
await build({
  entryPoints: ['src/main/js/main.js'],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['es2020'],
  outfile: `${out}/app/app.js`,
  legalComments: 'linked',
  logLevel: 'warning',
});

// Every text key the code names must exist in every language (dynamic keys such as 'status.' + value fall back
// to the value itself, so only literal keys are checked).
const { messages } = await import('./src/main/js/messages.js');
const { readFileSync, readdirSync } = await import('node:fs');
const used = new Set();
for (const f of readdirSync('src/main/js')) {
  for (const m of readFileSync(`src/main/js/${f}`, 'utf8').matchAll(/\bt\('([a-zA-Z-]+\.[a-zA-Z_.-]+)'/g)) used.add(m[1]);
}
const missing = [];
for (const [lang, texts] of Object.entries(messages)) {
  for (const k of new Set([...used, ...Object.keys(messages.en)])) if (!(k in texts)) missing.push(`${lang}: ${k}`);
}
if (missing.length) {
  console.error('Texts missing from src/main/js/messages.js:\n  ' + missing.join('\n  '));
  process.exit(1);
}
