#!/usr/bin/env bash
# The action's install step: reportlint from the action's own checkout (the ref in `uses:`), as a
# git install does it: dependencies, the build (`prepare`), then `bin/` on the PATH. A checkout
# that already carries dist/ (a release) needs only the runtime dependencies.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
if [ -f dist/cli/main.js ]; then
  npm ci --omit=dev --ignore-scripts --no-audit --no-fund
else
  npm ci --no-audit --no-fund
fi
# `reportlint` for the job's later steps, as a global install would name it
mkdir -p "$GITHUB_ACTION_PATH/.bin"
printf '#!/bin/sh\nexec node "%s/bin/reportlint.js" "$@"\n' "$GITHUB_ACTION_PATH" > "$GITHUB_ACTION_PATH/.bin/reportlint"
chmod +x "$GITHUB_ACTION_PATH/.bin/reportlint"
echo "$GITHUB_ACTION_PATH/.bin" >> "$GITHUB_PATH"
"$GITHUB_ACTION_PATH/.bin/reportlint" --version
