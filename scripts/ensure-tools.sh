#!/usr/bin/env bash
# Install what building and testing Budget Lens needs, skipping anything already present at the
# right version:
#   - the wasm32-unknown-unknown target (rustup) and clippy
#   - trunk (cargo install, version below)
#   - wasm-bindgen-cli, at exactly the wasm-bindgen version in Cargo.lock
#   - Node.js and npm, from Debian's packages (apt-get) when the machine has none
#   - node_modules via `npm ci`: wasm-opt (binaryen) for Trunk, playwright-core for the tests
#   - with --with-chromium: /usr/bin/chromium and CJK fonts (apt-get), for the browser tests
#
# Prints one line per tool. When an install fails it stops with one line naming the tool, the
# reason and the path of the full log (under CI the end of the log follows, since the log file
# disappears with the CI workspace).
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_TARGET=wasm32-unknown-unknown

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
LOGS=$ROOT/.tools/logs
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

with_chromium=false
for arg in "$@"; do
  case $arg in
    --with-chromium) with_chromium=true ;;
    *) echo "usage: $0 [--with-chromium]" >&2; exit 2 ;;
  esac
done

say() { printf 'tools: %s\n' "$*"; }

# fail TOOL REASON [LOG]
fail() {
  if [[ -n ${3:-} ]]; then
    say "cannot install $1: $2 (full log: $3)" >&2
    if [[ ${CI:-} == true ]]; then tail -n 40 "$3" >&2; fi
  else
    say "cannot install $1: $2" >&2
  fi
  exit 1
}

# install TOOL LOGNAME COMMAND...: run COMMAND quietly, its output going to a log file.
install() {
  local tool=$1 log=$LOGS/$2.log
  shift 2
  mkdir -p "$LOGS"
  say "installing $tool (log: $log)"
  if ! "$@" >"$log" 2>&1; then
    local why
    why=$(grep -m1 -E '^(error|npm (ERR!|error)|E:)' "$log" | sed -E 's/^(error(\[[A-Z0-9]+\])?|npm (ERR!|error)|E):? *//' || true)
    fail "$tool" "${why:-"\`$1\` failed"}" "$log"
  fi
}

# version_of COMMAND: the second word of `COMMAND --version` ("trunk 0.21.14" -> 0.21.14), or "".
version_of() {
  command -v "$1" >/dev/null 2>&1 || return 0
  "$1" --version 2>/dev/null | awk 'NR == 1 { print $2 }'
}

# The version of package NAME recorded in Cargo.lock.
lock_version() {
  awk -v want="name = \"$1\"" '$0 == want { getline; gsub(/^version = "|"$/, ""); print; exit }' Cargo.lock
}

need() {
  command -v "$1" >/dev/null 2>&1 || fail "$1" "\`$1\` is not on PATH; $2"
}

need cargo "install the Rust toolchain first (https://rustup.rs)"
need rustup "install the Rust toolchain with rustup (https://rustup.rs)"
# apt-get, as root or through sudo: the command words for it, or a failure naming TOOL.
apt_get() {
  command -v apt-get >/dev/null 2>&1 || fail "$1" "it is missing and there is no apt-get to install it"
  apt=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || fail "$1" "not root and no sudo to run apt-get"
    apt=(sudo)
  fi
  apt+=(env DEBIAN_FRONTEND=noninteractive apt-get)
}
apt_updated=false
apt_update() {
  $apt_updated || install "$1 (apt-get update)" apt-update "${apt[@]}" update
  apt_updated=true
}

# --- Node.js and npm -----------------------------------------------------------------------------
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  say "ok node $(node --version), npm $(npm --version)"
else
  apt_get "Node.js and npm"
  apt_update "Node.js and npm"
  install "Node.js and npm" apt-nodejs "${apt[@]}" install -y --no-install-recommends nodejs npm
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
    fail "Node.js and npm" "apt-get installed them but node or npm is not on PATH"
  say "ok node $(node --version), npm $(npm --version)"
fi

# --- Rust target and clippy (rust-toolchain.toml asks for them; make sure) --------------------
if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  say "ok $WASM_TARGET target"
else
  install "the $WASM_TARGET target" rustup-target rustup target add "$WASM_TARGET"
fi
if ! cargo clippy --version >/dev/null 2>&1; then
  install clippy rustup-clippy rustup component add clippy
fi
say "ok clippy"

# --- cargo-installed tools ---------------------------------------------------------------------
# ensure_cargo_tool COMMAND CRATE VERSION [cargo install flags...]
ensure_cargo_tool() {
  local cmd=$1 crate=$2 want=$3
  shift 3
  local have
  have=$(version_of "$cmd")
  if [[ $have == "$want" ]]; then
    say "ok $cmd $want"
    return
  fi
  install "$crate $want${have:+ (found $have)}" "$crate" cargo install "$crate" --version "$want" "$@"
  have=$(version_of "$cmd")
  [[ $have == "$want" ]] ||
    fail "$crate $want" "installed, but \`$cmd\` on PATH ($(command -v "$cmd")) reports '${have:-nothing}'"
  say "ok $cmd $want"
}

ensure_cargo_tool trunk trunk "$TRUNK_VERSION" --locked
# The CLI must match the wasm-bindgen crate exactly. (`--locked` does not build for this version.)
bindgen_version=$(lock_version wasm-bindgen)
[[ -n $bindgen_version ]] || fail wasm-bindgen-cli "no wasm-bindgen entry in Cargo.lock"
ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$bindgen_version"

# --- npm packages ------------------------------------------------------------------------------
# Trunk checks wasm-opt's version against Trunk.toml ([tools] wasm_opt = "version_N").
wasm_opt_want=$(awk -F'"' '/^wasm_opt *=/ { print $2 }' Trunk.toml)
npm_ok() {
  [[ node_modules/.package-lock.json -nt package-lock.json ]] &&
    [[ -f node_modules/playwright-core/package.json ]] &&
    [[ $(node_modules/.bin/wasm-opt --version 2>/dev/null) == *"($wasm_opt_want)"* ]]
}
if npm_ok; then
  say "ok node_modules (wasm-opt $wasm_opt_want, playwright-core)"
else
  # --ignore-scripts: neither package needs an install script, and nothing may be downloaded
  # beyond the locked packages themselves (playwright-core never fetches browsers anyway).
  install "npm packages" npm-ci npm ci --ignore-scripts --no-audit --no-fund
  npm_ok || fail "npm packages" "after npm ci, node_modules/.bin/wasm-opt is not $wasm_opt_want"
  say "ok node_modules (wasm-opt $wasm_opt_want, playwright-core)"
fi

# --- Chromium for the browser tests ------------------------------------------------------------
if $with_chromium; then
  chromium=${CHROMIUM:-/usr/bin/chromium}
  if [[ -x $chromium ]]; then
    say "ok chromium ($chromium)"
  else
    command -v apt-get >/dev/null 2>&1 ||
      fail chromium "$chromium is missing and there is no apt-get; set CHROMIUM=/path/to/chromium"
    apt_get chromium
    apt_update chromium
    install chromium apt-chromium "${apt[@]}" install -y --no-install-recommends chromium fonts-noto-cjk
    [[ -x $chromium ]] || fail chromium "apt-get installed chromium but $chromium does not exist"
    say "ok chromium ($chromium)"
  fi
fi
