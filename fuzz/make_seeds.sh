#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Rewrites fuzz/seeds/ from the example projects: each whole project as one
# input, and each of its files beside the project's cls.yaml (small inputs
# fuzz faster). The input format is `head`'s: a line `==> PATH <==` per file.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$here/seeds
rm -f "$out"/*.in
list_files() {
  for d in actors actions meetings; do
    if [ -d "$d" ]; then find "$d" -name '*.yaml'; fi
  done | sort
}
for project in "$here"/../examples/*/; do
  [ -f "$project/cls.yaml" ] || continue  # examples/ci, and the region itself
  name=$(basename "$project")
  (cd "$project" && head -n 100000 cls.yaml $(list_files)) \
    > "$out/$name.in"
  (cd "$project" && list_files) | while read -r f; do
    (cd "$project" && head -n 100000 cls.yaml "$f") > "$out/$name--$(echo "$f" | tr / -).in"
  done
done
ls "$out" | wc -l
