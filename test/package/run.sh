#!/usr/bin/env bash
# The package as a user gets it: `npm pack` (the prepack script builds dist/), the tarball checked by publint,
# @arethetypeswrong/cli and checks of our own, then installed into a fresh project that compiles and
# runs a TypeScript file against it and runs its command with npx. Needs no network: the package has
# no dependencies, and the consumer borrows TypeScript, tsx and @types/node from this repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/.package-test
rm -rf "$OUT"
mkdir -p "$OUT/consumer"

echo "== npm pack, with no dist/ to start from (as in a clean clone)"
rm -rf "$ROOT/dist"
npm pack --pack-destination "$OUT" --silent >/dev/null
TGZ=$(ls "$OUT"/imap-wire-*.tgz)
tar -tzf "$TGZ" | sed 's#^package/##' | sort >"$OUT/files.txt"
echo "$(basename "$TGZ"): $(wc -l <"$OUT/files.txt") files, $(du -k "$TGZ" | cut -f1) KiB"
grep -q '^dist/index.js$' "$OUT/files.txt" || { echo "prepack built nothing"; exit 1; }
for f in package.json README.md LICENSE CHANGELOG.md dist/index.js dist/index.d.ts dist/node/index.js dist/cli/main.js; do
  grep -qx "$f" "$OUT/files.txt" || { echo "missing from the tarball: $f"; exit 1; }
done

echo "== the command in this repository (dist/ built by prepack)"
v=$(npx --no-install imap-wire --version)
echo "npx imap-wire --version: $v"
v=$(npm run --silent imap-wire -- --version)
echo "npm run imap-wire -- --version: $v"

echo "== publint"
npx publint run "$TGZ" --strict
echo "== attw --profile esm-only"
npx attw "$TGZ" --profile esm-only

echo "== the tarball's own checks"
mkdir -p "$OUT/unpacked"
tar -xzf "$TGZ" -C "$OUT/unpacked"
node "$ROOT/test/package/check-tarball.mjs" "$OUT/unpacked/package"

echo "== a consumer project"
cd "$OUT/consumer"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$TGZ"
cp "$ROOT/test/package/consumer.ts" index.ts
# The declarations name web-standard globals (TransformStream, TextDecoder): a project needs the
# DOM or WebWorker lib, or @types/node, as the README says. Each of those compiles; ES2022 alone must not.
for libs in '"ES2022", "DOM"' '"ES2022", "WebWorker"' '"ES2022"|node'; do
  types='[]'
  lib=${libs%%|*}
  [[ $libs == *'|node' ]] && types='["node"]'
  cat >tsconfig.json <<JSON
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
  "lib": [$lib], "types": $types, "typeRoots": ["$ROOT/node_modules/@types"], "strict": true,
  "exactOptionalPropertyTypes": true, "skipLibCheck": false, "noEmit": true }, "files": ["index.ts"] }
JSON
  node "$ROOT/node_modules/typescript/bin/tsc" -p tsconfig.json
  echo "tsc with lib [$lib], types $types: ok"
done
printf "import { ResponseDecoder } from 'imap-wire';\nexport const decoder = new ResponseDecoder();\n" >bare.ts
cat >tsconfig.json <<JSON
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
  "lib": ["ES2022"], "types": [], "strict": true, "skipLibCheck": false, "noEmit": true }, "files": ["bare.ts"] }
JSON
if node "$ROOT/node_modules/typescript/bin/tsc" -p tsconfig.json >tsc-es2022.txt; then
  echo "tsc with lib [ES2022] alone compiled: update the README's lib requirement"; exit 1
fi
sed 's/^/  /' tsc-es2022.txt
if grep -vE "dist/(streams|body-stream|driver/web-driver)\.d\.ts.*'(TransformStream|ReadableStream|WritableStream|AbortSignal)'" tsc-es2022.txt | grep -q "error TS"; then
  echo "more than the documented TransformStream / ReadableStream / WritableStream / AbortSignal errors"; exit 1
fi
echo "tsc with lib [ES2022] alone: fails on the web streams in dist/streams.d.ts and dist/body-stream.d.ts only, as the README says"

echo "== node index.ts (tsx)"
"$ROOT/node_modules/.bin/tsx" index.ts
echo "== npx imap-wire"
npx --no-install imap-wire --version
npx --no-install imap-wire --help | head -n 1
npx --no-install imap-wire decode "$ROOT/fixtures/dovecot/dovecot-basic.s2c.bin" | wc -l | sed 's/^/decode: lines /'
npx --no-install imap-wire encode '{"name":"SELECT","mailbox":"INBOX","condstore":true}'
set +e
npx --no-install imap-wire decode no-such-file.bin
code=$?
set -e
[[ $code == 2 ]] || { echo "exit code $code for a missing file, not 2"; exit 1; }
echo "missing file: exit code 2"
echo "package: 1 passed, 0 failed"
