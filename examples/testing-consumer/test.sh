#!/usr/bin/env bash
# Packs imap-wire (built: npm run build first), installs the tarball and fast-check here, and
# runs this example's tests: what a project that depends on imap-wire would do.
set -euo pipefail
cd "$(dirname "$0")"
tgz=$(cd ../.. && npm pack --silent --pack-destination "$PWD/examples/testing-consumer")
mv -f "$tgz" imap-wire.tgz
rm -rf node_modules package-lock.json
npm install --no-audit --no-fund --no-package-lock
npm test
