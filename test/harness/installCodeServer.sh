#!/usr/bin/env bash
# Installs code-server (the real VS Code 1.100.3 server + web workbench) from the npm registry
# alone, into a cache folder that later runs reuse. A plain `npm install code-server` fails
# offline: its postinstall downloads ripgrep from GitHub, so we install without scripts and
# redo the needed steps by hand (see FACTS.md).
# Usage: installCodeServer.sh <cache-dir>   (prints the path of entry.js)
set -euo pipefail
export npm_config_yes=true   # node-pty's install script runs `npx node-gyp`
PREFIX="$1"
VERSION="4.100.3"            # the last code-server for Node 20 (= VS Code 1.100.3)
CS="$PREFIX/node_modules/code-server"
MARK="$PREFIX/.installed-$VERSION"
if [ -f "$MARK" ] && [ -f "$CS/out/node/entry.js" ]; then echo "$CS/out/node/entry.js"; exit 0; fi

missing=()
command -v rg >/dev/null || missing+=(ripgrep)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
if [ ${#missing[@]} -gt 0 ]; then
  echo "code-server needs Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 3
fi

mkdir -p "$PREFIX"
cd "$PREFIX"
[ -f package.json ] || echo '{"name":"mlw-code-server-cache","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >&2
npm rebuild argon2 >&2
cd "$CS/lib/vscode"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2
npm rebuild @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty >&2
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && rm -f code-server && ln -s code-linux.sh code-server)
(cd bin/helpers && rm -f browser.sh && ln -s browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev >&2)
touch "$MARK"
echo "$CS/out/node/entry.js"
