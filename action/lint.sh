#!/usr/bin/env bash
# The action's lint step: runs reportlint on the inputs in the workspace; writes the exit code (and
# the SARIF file, when asked) to the step's outputs; never fails itself, so the SARIF upload runs.
set -uo pipefail
cd "${GITHUB_WORKSPACE:-.}"
reportlint="node $GITHUB_ACTION_PATH/bin/reportlint.js"
args=(--format "${INPUT_FORMAT:-github}" --lang "${INPUT_LANG:-auto}")
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
[ -n "${INPUT_MAX_WARNINGS:-}" ] && args+=(--max-warnings "$INPUT_MAX_WARNINGS")
# shellcheck disable=SC2206 # options and paths are split on white space, as a command line is
extra=(${INPUT_ARGS:-})
read -r -d '' -a paths <<< "${INPUT_PATHS:-.}" || true
$reportlint "${args[@]}" "${extra[@]}" -- "${paths[@]}"
code=$?
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
if [ "${INPUT_SARIF:-false}" = "true" ]; then
  sargs=(--format sarif --lang "${INPUT_LANG:-auto}" --output-file reportlint.sarif)
  [ -n "${INPUT_BASELINE:-}" ] && sargs+=(--baseline "$INPUT_BASELINE")
  $reportlint "${sargs[@]}" "${extra[@]}" -- "${paths[@]}" > /dev/null 2>&1 || true
  [ -f reportlint.sarif ] && echo "sarif-file=reportlint.sarif" >> "$GITHUB_OUTPUT"
fi
exit 0
