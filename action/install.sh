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
echo "$GITHUB_ACTION_PATH/bin" >> "$GITHUB_PATH"
node "$GITHUB_ACTION_PATH/bin/reportlint.js" --version
