#!/usr/bin/env bash
# test/e2e/run.sh: KubePlan inside a real VS Code (code-server = VS Code 1.100 server + workbench, from npm),
# driven by Debian's chromium through playwright-core. No download other than the npm registry and Debian apt.
#
# Steps (each a function below, run in this order; `run.sh STEP...` runs only those, e.g. `run.sh package`):
#   debian       apt packages the browser and code-server's native build need (root, or sudo)
#   code-server  code-server into a cache dir outside the repo ($KUBEPLAN_E2E_CACHE)
#   build        the extension, and the integration tests for the extension host
#   package      the VSIX with @vscode/vsce; fails over 3 MB
#   workspace    a fresh copy of the fixture workspace (tests edit and save files)
#   server       code-server with the VSIX installed (stopped on exit)
#   ui           UI test: Problems panel, a quick fix applied, the diagram panel (screenshots in out/e2e)
#   integration  mocha inside the extension host: diagnostics, code actions, hover, navigation, French
#   browser      the diagram's browser tests (`npm run test:webview`, when the script exists)
# Environment: KUBEPLAN_E2E_CACHE (default ~/.cache/vscode-offline), CHROMIUM_PATH, KEEP_RUN_DIR=1, VERBOSE=1,
#   KUBEPLAN_E2E_GREP (only the integration tests whose title matches), SKIP_APT=1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HARNESS="$ROOT/test/e2e/harness"
OUT="$ROOT/out/e2e"
CACHE="${KUBEPLAN_E2E_CACHE:-${VSCODE_OFFLINE_HOME:-$HOME/.cache/vscode-offline}}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
VSIX="$OUT/kubeplan.vsix"
VSIX_LIMIT=$((3 * 1024 * 1024))
# Debian packages: the build of code-server's native modules, ripgrep, and the browser with a font for screenshots.
# Other browser tests add theirs here.
DEBIAN_PACKAGES=(build-essential python3 pkg-config libkrb5-dev ripgrep chromium fonts-dejavu-core)

T0=$(date +%s%N)
say() { local ms=$(( ($(date +%s%N) - T0) / 1000000 )); printf '[e2e %d.%ds] %s\n' $((ms / 1000)) $((ms % 1000 / 100)) "$*"; }
quietly() {   # quietly LOG CMD...: run CMD with its output in LOG, show the end of LOG if it fails
  local log="$1"; shift
  "$@" > "$log" 2>&1 < /dev/null || { local rc=$?; tail -n 40 "$log" >&2; say "failed ($rc): $* (log: $log)"; return $rc; }
}
mkdir -p "$OUT"

step_debian() {
  if dpkg -s "${DEBIAN_PACKAGES[@]}" > /dev/null 2>&1; then say "Debian packages present"; return; fi
  [ "${SKIP_APT:-}" != 1 ] || { echo "missing Debian packages; need: ${DEBIAN_PACKAGES[*]}" >&2; return 1; }
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  say "installing Debian packages: ${DEBIAN_PACKAGES[*]}"
  $sudo apt-get update -qq > "$OUT/apt.log" 2>&1 || say "apt-get update failed; trying the package lists already here"
  quietly "$OUT/apt-install.log" $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${DEBIAN_PACKAGES[@]}"
}

step_code_server() {
  if [ -f "$CS_DIR/.install-complete" ]; then say "code-server $CODE_SERVER_VERSION cached in $CS_DIR"; return; fi
  say "installing code-server $CODE_SERVER_VERSION into $CS_DIR (log: $OUT/install-code-server.log)"
  SKIP_APT=1 CODE_SERVER_VERSION="$CODE_SERVER_VERSION" quietly "$OUT/install-code-server.log" "$HARNESS/install-code-server.sh" "$CS_DIR"
}

step_build() {
  say "building the extension and the integration tests"
  (cd "$ROOT" && quietly "$OUT/build.log" npm run --silent build && quietly "$OUT/build-tests.log" node test/e2e/vscode/build.mjs)
}

step_package() {
  say "packaging the VSIX"
  rm -f "$VSIX"
  (cd "$ROOT" && quietly "$OUT/vsce.log" npx --no-install vsce package --no-dependencies --allow-missing-repository --skip-license --no-rewrite-relative-links -o "$VSIX")
  [ -f "$VSIX" ] || { echo "vsce produced no VSIX (log: $OUT/vsce.log)" >&2; return 1; }
  local size; size=$(stat -c %s "$VSIX")
  say "VSIX: $(basename "$VSIX") $((size / 1024)) KB (limit $((VSIX_LIMIT / 1024)) KB)"
  [ "$size" -le "$VSIX_LIMIT" ] || { echo "the VSIX is $size bytes, over the 3 MB limit: check .vscodeignore" >&2; return 1; }
}

step_workspace() {
  # One copy per test kind: the UI test leaves unsaved edits, which VS Code would restore in the next window.
  WS="$OUT/workspace" WS_UI="$OUT/workspace-ui"
  rm -rf "$WS" "$WS_UI" && cp -r "$ROOT/test/e2e/vscode/workspace" "$WS" && cp -r "$ROOT/test/e2e/vscode/workspace" "$WS_UI"
  say "fixture workspace copied to $WS and $WS_UI"
}

RUN="" SERVER_PGID="" BASE=""
stop_group() {   # SIGTERM a process group, SIGKILL whatever is left after 5 s
  kill -TERM -- "-$1" 2> /dev/null || return 0
  for _ in $(seq 50); do kill -0 -- "-$1" 2> /dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$1" 2> /dev/null || true
}
cleanup() {
  local rc=$?
  [ -z "$SERVER_PGID" ] || stop_group "$SERVER_PGID"
  if [ -n "$RUN" ]; then
    if [ "${KEEP_RUN_DIR:-}" = 1 ]; then say "kept $RUN"; else rm -rf "$RUN"; fi
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step_server() {
  # A per-run temp dir holds all state of code-server, its extension hosts and chromium.
  RUN="$(mktemp -d "${TMPDIR:-/tmp}/kubeplan-e2e.XXXXXX")"
  mkdir -p "$RUN/tmp" "$RUN/user-data/User" "$RUN/extensions" "$RUN/xdg/config" "$RUN/xdg/data" "$RUN/xdg/cache"
  mkdir -m 700 "$RUN/xdg/runtime"
  export TMPDIR="$RUN/tmp" XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" \
    XDG_CACHE_HOME="$RUN/xdg/cache" XDG_RUNTIME_DIR="$RUN/xdg/runtime"
  cat > "$RUN/user-data/User/settings.json" << 'JSON'
{
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "workbench.enableExperiments": false,
  "workbench.tips.enabled": false,
  "chat.commandCenter.enabled": false,
  "git.enabled": false,
  "git.openRepositoryInParentFolders": "never",
  "files.hotExit": "off"
}
JSON
  local cs="$CS_DIR/node_modules/.bin/code-server"
  local args=(--user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions")
  quietly "$OUT/install-extension.log" "$cs" "${args[@]}" --install-extension "$VSIX"
  say "installed: $(ls "$RUN/extensions" | grep -v '\.json$' | paste -sd ' ')"
  local port
  port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
  BASE="http://127.0.0.1:$port"
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$RUN/server.pid" "$cs" "${args[@]}" --bind-addr "127.0.0.1:$port" \
    --auth none --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
    > "$OUT/code-server.log" 2>&1 < /dev/null &
  for _ in $(seq 50); do [ -s "$RUN/server.pid" ] && break; sleep 0.1; done
  SERVER_PGID="$(cat "$RUN/server.pid")"
  node -e '
    const [url, pid] = process.argv.slice(1), end = Date.now() + 60000;
    (async function poll() {
      try { if ((await fetch(url)).ok) process.exit(0); } catch {}
      try { process.kill(Number(pid), 0); } catch { process.exit(1); }
      if (Date.now() > end) process.exit(1);
      setTimeout(poll, 200);
    })();' "$BASE/healthz" "$SERVER_PGID" || { tail -n 40 "$OUT/code-server.log" >&2; say "code-server did not start"; return 1; }
  say "code-server listening on $BASE (log: $OUT/code-server.log)"
}

step_ui() {
  local args=(--base "$BASE" --workspace "$WS_UI" --out "$OUT")
  # The diagram panel names the simulated nodes; its text is checked once the panel exists.
  if [ -f "$ROOT/src/vscode/diagram-panel.ts" ]; then args+=(--diagram-text "${KUBEPLAN_E2E_DIAGRAM_TEXT:-nightly-report}"); else args+=(--no-diagram); fi
  say "UI test"
  node "$HARNESS/e2e-ui.mjs" "${args[@]}"
}

step_integration() {
  say "integration tests (mocha inside the extension host)"
  node "$HARNESS/run-integration.mjs" --base "$BASE" --ext "$ROOT" --tests "$ROOT/out/test/e2e/suite/index.js" --workspace "$WS" --out "$OUT"
}

step_browser() {
  if (cd "$ROOT" && node -e 'process.exit(require("./package.json").scripts?.["test:webview"] ? 0 : 1)'); then
    say "webview browser tests (npm run test:webview)"
    (cd "$ROOT" && npm run --silent test:webview)
  fi
}

ALL=(debian code-server build package workspace server ui integration browser)
STEPS=("$@"); [ ${#STEPS[@]} -gt 0 ] || STEPS=("${ALL[@]}")
declare -A RESULT=()
failed=0
for step in "${STEPS[@]}"; do
  case "$step" in
    ui | integration) [ -n "$BASE" ] || { step_workspace; step_server; } ;;
  esac
  fn="step_${step//-/_}"
  declare -F "$fn" > /dev/null || { echo "unknown step: $step (known: ${ALL[*]})" >&2; exit 64; }
  rc=0
  "$fn" || rc=$?
  RESULT[$step]=$rc
  if [ $rc = 130 ] || [ $rc = 143 ]; then exit $rc; fi
  # Setup steps stop the run; test steps all run, and the run fails at the end if one failed.
  if [ $rc != 0 ]; then
    failed=1
    case "$step" in ui | integration | browser) ;; *) say "step $step failed"; exit $rc ;; esac
  fi
done
summary=""; for step in "${STEPS[@]}"; do summary+="$step=${RESULT[$step]:-skipped} "; done
say "done: $summary(screenshots and logs in $OUT)"
exit $failed
