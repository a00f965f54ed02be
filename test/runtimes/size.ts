/**
 * The core's bundled size, as a browser app pays for it: dist/ bundled by esbuild (minified,
 * ESM, platform "neutral"), then gzipped (level 9). "Without the extensions" replaces
 * dist/parser/extensions.js (which installs every src/parser/ext/ grammar) by a no-op: what
 * those grammars add. Prints a Markdown table for the README. `npm run build` first.
 */
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const noExtensions: Plugin = {
  name: 'no-extensions',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]parser[\\/]extensions\.js$/ }, () => ({
      contents: 'export function installExtensions() {}',
      loader: 'js',
    }));
  },
};

async function size(contents: string, withExtensions: boolean): Promise<{ min: number; gz: number }> {
  const r = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    plugins: withExtensions ? [] : [noExtensions],
  });
  const code = r.outputFiles[0]!.contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
}

const ENTRIES: [string, string][] = [
  ['everything in `imap-wire`', "export * from './dist/index.js';"],
  ['`ResponseDecoder` alone', "export { ResponseDecoder } from './dist/index.js';"],
  ['`CommandEncoder` alone', "export { CommandEncoder } from './dist/index.js';"],
];
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
console.log('| import | minified | min + gzip | min + gzip, without the extensions |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, contents] of ENTRIES) {
  const all = await size(contents, true);
  const bare = await size(contents, false);
  console.log(`| ${name} | ${kb(all.min)} | ${kb(all.gz)} | ${kb(bare.gz)} |`);
}
