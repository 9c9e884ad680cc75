#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Fails when a source file of the project lacks its licence line
# (`SPDX-License-Identifier: EUPL-1.2`) in its first two lines (the second one
# when the first is a shebang). Usage: spdx_headers.sh SOURCE_DIR
#
# Source files are the C++, CMake, shell, Python and JavaScript files, the man
# pages, the Mustache templates, the shell completions, the gettext catalogues
# and the CI recipes. Test data whose bytes are compared (tests/cases,
# tests/hostile), the fuzzing corpus and the example projects are not.
set -u
src=$(realpath "$1")
cd "$src"

# The files of the tree: git's list (tracked and new files) in a checkout,
# a walk of the tree otherwise (a release tarball).
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  files=$(git ls-files --cached --others --exclude-standard)
else
  files=$(find . -path ./.git -prune -o -name 'build*' -prune -o -name node_modules -prune \
            -o -type f -print | sed 's|^\./||')
fi

owned() {
  case "$1" in
    tests/cases/*|tests/hostile/*|fuzz/seeds/*|fuzz/regressions/*) return 1;;
    examples/cls-*|examples/cts-*) return 1;;
    *.cc|*.h|*.js|*.py|*.sh|*.cmake|*/CMakeLists.txt|CMakeLists.txt) return 0;;
    man/*.[1-9]|templates/*.mustache|completions/*|po/*.po|po/*.pot) return 0;;
    .ci/run|examples/ci/Dockerfile|examples/ci/pre-commit|examples/ci/*.yml) return 0;;
    .pre-commit-hooks.yaml) return 0;;
  esac
  return 1
}

missing=0 checked=0
while IFS= read -r f; do
  [ -n "$f" ] && [ -f "$f" ] || continue
  owned "$f" || continue
  checked=$((checked + 1))
  if ! head -n 2 "$f" | grep -q 'SPDX-License-Identifier: EUPL-1\.2'; then
    echo "$f: no 'SPDX-License-Identifier: EUPL-1.2' line at the top"
    missing=$((missing + 1))
  fi
done <<< "$files"

# A walk that found nothing would pass without checking anything.
if [ "$checked" -lt 50 ]; then
  echo "only $checked source files found under $src: the walk is broken"; exit 1
fi
[ -f LICENSE ] && grep -q 'EUROPEAN UNION PUBLIC LICENCE v. 1.2' LICENSE || { echo "LICENSE: not the EUPL-1.2"; exit 1; }
if [ "$missing" -gt 0 ]; then
  echo "$missing of $checked source files lack the licence line"; exit 1
fi
echo "$checked source files carry the licence line"
