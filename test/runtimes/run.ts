/**
 * Runs the portable suite (portable.ts) on Node, Deno, Bun, and in headless Chromium on the
 * main thread and in a module worker, and fails unless every runtime passes every check with
 * the same counts and the same digest of the output.
 *
 * The suite is bundled once by esbuild (platform "neutral": a `node:` import in the core would
 * fail the bundle) with every import of `src/` redirected to the built `dist/` (what the
 * package ships; `npm run build` first) and the fixtures embedded as bytes, so that the very
 * same file runs everywhere. Chromium is Debian's (`apt-get install -y chromium`), driven by
 * playwright-core, which downloads no browser.
 *
 *   tsx test/runtimes/run.ts [--only node,deno,bun,chromium,worker]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { chromium } from 'playwright-core';
import { loadFixtures } from './fixtures.ts';
import type { PortableResult } from './portable.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, '.runtimes');
const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1]?.split(',')) : undefined;
const wanted = (name: string): boolean => only === undefined || only.has(name);

/** `src/x.ts` → `dist/x.js`: the suite tests the build. */
const useDist: Plugin = {
  name: 'use-dist',
  setup(b) {
    b.onResolve({ filter: /\.ts$/ }, (args) => {
      const abs = resolve(args.resolveDir, args.path);
      const rel = relative(join(ROOT, 'src'), abs);
      if (rel.startsWith('..')) return undefined;
      const js = join(ROOT, 'dist', rel.replace(/\.ts$/, '.js'));
      if (!existsSync(js)) throw new Error(`${js} is missing: run npm run build first`);
      return { path: js };
    });
  },
};

async function bundle(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const f = loadFixtures(ROOT);
  const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
  const fixture = (x: { name: string; bytes: Uint8Array; golden: string }): string =>
    `{ name: ${JSON.stringify(x.name)}, bytes: bytes(${JSON.stringify(b64(x.bytes))}), golden: ${JSON.stringify(x.golden)} }`;
  const entry = `
import { run } from './portable.ts';
import { addDriverChecks } from './portable-driver.ts';
const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const fixtures = {
  captures: [${f.captures.map(fixture).join(',\n')}],
  toolkit: ${fixture(f.toolkit)},
};
export function main() { return addDriverChecks(run(fixtures)); }
`;
  await build({
    stdin: { contents: entry, resolveDir: join(ROOT, 'test/runtimes'), sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile: join(OUT, 'portable.js'),
    plugins: [useDist],
    logLevel: 'warning',
  });
  writeFileSync(
    join(OUT, 'runner.mjs'),
    "import { main } from './portable.js';\nconsole.log(JSON.stringify(await main()));\n",
  );
  writeFileSync(
    join(OUT, 'worker.js'),
    "import { main } from './portable.js';\npostMessage(await main());\n",
  );
  writeFileSync(join(OUT, 'index.html'), '<!doctype html><meta charset="utf-8"><title>imap-wire</title>\n');
}

function spawnRunner(cmd: string, args: string[]): PortableResult {
  const out = execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as PortableResult;
}

const bin = (name: string): string => join(ROOT, 'node_modules/.bin', name);

async function browser(): Promise<{ page: PortableResult; worker: PortableResult; version: string }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const types: Record<string, string> = {
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.html': 'text/html',
  };
  const server = createServer((req, res) => {
    const name =
      (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').slice(1).split('?')[0]!;
    const file = join(OUT, name);
    if (!file.startsWith(OUT) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': types[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const b = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await b.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    const onPage = (await page.evaluate(`import('./portable.js').then((m) => m.main())`)) as PortableResult;
    const inWorker = (await page.evaluate(`new Promise((ok, fail) => {
      const w = new Worker('./worker.js', { type: 'module' });
      w.onmessage = (e) => ok(e.data);
      w.onerror = (e) => fail(new Error('worker: ' + e.message));
    })`)) as PortableResult;
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { page: onPage, worker: inWorker, version: b.version() };
  } finally {
    await b.close();
    server.close();
  }
}

await bundle();
const results: [string, PortableResult][] = [];
if (wanted('node'))
  results.push([`node ${process.versions.node}`, spawnRunner(process.execPath, ['.runtimes/runner.mjs'])]);
if (wanted('deno')) {
  const v = execFileSync(bin('deno'), ['--version'], { encoding: 'utf8' }).split(' ')[1];
  results.push([`deno ${v}`, spawnRunner(bin('deno'), ['run', '--quiet', '.runtimes/runner.mjs'])]);
}
if (wanted('bun')) {
  const v = execFileSync(bin('bun'), ['--version'], { encoding: 'utf8' }).trim();
  results.push([`bun ${v}`, spawnRunner(bin('bun'), ['.runtimes/runner.mjs'])]);
}
if (wanted('chromium') || wanted('worker')) {
  const r = await browser();
  const v = r.version.split('.')[0];
  if (wanted('chromium')) results.push([`chromium ${v} page`, r.page]);
  if (wanted('worker')) results.push([`chromium ${v} worker`, r.worker]);
}

let ok = results.length > 0;
const first = results[0]?.[1];
for (const [name, r] of results) {
  const groups = Object.entries(r.groups)
    .map(([g, n]) => `${g} ${n}`)
    .join(', ');
  console.log(
    `${name.padEnd(22)} ${r.passed} passed, ${r.failed} failed (${groups}; digest ${r.digest}; Buffer ${r.buffer ? 'yes' : 'no'})`,
  );
  for (const f of r.failures) console.log(`  ${f}`);
  if (r.failed > 0 || r.passed !== first?.passed || r.digest !== first.digest) ok = false;
}
const total = results.reduce((n, [, r]) => n + r.passed, 0);
const totalFailed = results.reduce((n, [, r]) => n + r.failed, 0);
if (!ok && totalFailed === 0) console.log('runtimes: the counts or digests differ between runtimes');
console.log(`${results.length} runtimes, each ${first?.passed ?? 0} checks; in all:`);
console.log(`runtimes: ${total} passed, ${totalFailed} failed`);
process.exit(ok ? 0 : 1);
