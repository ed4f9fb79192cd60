#!/usr/bin/env bash
# Bundles the query page's SPARQL editor (YASGUI, from npm) into the jar. Maven runs this in
# generate-resources with the build folder (target/) as argument: npm ci from the committed
# package-lock.json into target/npm, then copies the two built files into
# target/classes/web/vendor/, which the server serves as /vendor/. No CDN at run time.
set -euo pipefail
web=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
target=${1:?usage: bundle.sh BUILD_FOLDER}
if ! command -v npm >/dev/null 2>&1; then
  echo "newsgraph build: npm (Node.js) is needed to bundle the query page's SPARQL editor (YASGUI)," >&2
  echo "  but it is not on the PATH. Install Node.js and npm (Debian: apt-get install nodejs npm), then build again." >&2
  exit 1
fi
work="$target/npm"
dist="$work/node_modules/@zazuko/yasgui/build"
mkdir -p "$work"
if ! cmp -s "$web/package-lock.json" "$work/package-lock.json" || [ ! -f "$dist/yasgui.min.js" ]; then
  cp "$web/package.json" "$web/package-lock.json" "$work/"
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || {
    echo "newsgraph build: 'npm ci' failed in $work (is the npm registry reachable?)" >&2
    exit 1
  }
fi
out="$target/classes/web/vendor"
mkdir -p "$out"
cp "$dist/yasgui.min.js" "$dist/yasgui.min.css" "$out/"
