#!/usr/bin/env bash
# Prints the bytes a phone downloads (brotli, as served) to show and hydrate each citizen page,
# file by file, against a freshly seeded release build. The budget test asserts the same numbers.
source "$(dirname "$0")/lib.sh"
ensure_build_tools
build_site
serve_seeded "${PORT:-3950}" 50
BASE_URL="$BASE" node "$ROOT/end2end/size.mjs"
