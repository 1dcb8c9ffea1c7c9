#!/usr/bin/env bash
# Fetches axe-core (MPL-2.0), the accessibility checker the browser test injects into every view, at test-build
# time with the npm client, by package name, into the test build output; it is never committed.
#   $1: folder for axe.min.js and its licence (target/test-classes/axe)
#   $2: scratch folder for the npm tarball (target/axe-fetch)
# Runs nothing when the file is already there (offline rebuilds). Without npm the build goes on with a warning, and
# the browser test says that it could not check accessibility.
set -euo pipefail
dest="$1"
scratch="$2"
AXE=axe-core@4.14.1

if [[ -s "$dest/axe.min.js" ]]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "[fetch-axe] WARNING: npm not found: the browser test cannot check accessibility" >&2
  exit 0
fi
mkdir -p "$dest" "$scratch"
cd "$scratch"
tarball=$(npm pack --silent "$AXE" 2>/dev/null | tail -n 1) || {
  echo "[fetch-axe] WARNING: npm pack $AXE failed: the browser test cannot check accessibility" >&2
  exit 0
}
tar -xzf "$tarball" package/axe.min.js package/LICENSE
cp package/axe.min.js "$dest/axe.min.js"
cp package/LICENSE "$dest/LICENSE"
echo "[fetch-axe] $AXE in $dest"
