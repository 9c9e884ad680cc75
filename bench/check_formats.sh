#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Peak memory of `cls check --format json|sarif` with tens of thousands of
# warnings (SPEC §13: diagnostics are streamed, memory bounded by the files;
# goal: peak RSS ≤ 2 × the files' size). The 50,000-action corpus of
# gen_project.py, checked as of TODAY (default 2027-09-15), when some 26,000
# of its actions are past due: one action/late warning each.
#
#   bench/check_formats.sh [DIR]     (DIR: the corpus, generated when absent)
#
# Environment: CLS (default build/cls), N (default 50000), TODAY.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CLS=${CLS:-$here/../build/cls}
N=${N:-50000}
TODAY=${TODAY:-2027-09-15}
dir=${1:-/tmp/cls-bench-$N}
[ -f "$dir/cls.yaml" ] || python3 "$here/gen_project.py" "$N" "$dir" > /dev/null
size=$(find "$dir" -name '*.yaml' -printf '%s\n' | awk '{s += $1} END {print s}')
printf '| format | wall (s) | peak RSS (MB) | RSS / files | output (MB) | errors | warnings | listed |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|\n'
for format in text json sarif; do
  /usr/bin/time -f '%e %M' -o /tmp/cls-bench-time "$CLS" -C "$dir" --today "$TODAY" check --format "$format" \
    > /tmp/cls-bench-out 2>/dev/null || true
  read -r wall kb < <(tail -1 /tmp/cls-bench-time)
  out=$(stat -c %s /tmp/cls-bench-out)
  counts="– | – | –"
  if [ "$format" = json ]; then
    counts=$(python3 -c 'import json; d = json.load(open("/tmp/cls-bench-out")); print(d["errors"], "|", d["warnings"], "|", len(d["diagnostics"]))')
  fi
  python3 -c "print('| $format | $wall | %.0f | %.2f × | %.1f | $counts |' % ($kb / 1000, $kb * 1000 / $size, $out / 1e6))"
done
echo
echo "files: $(python3 -c "print('%.1f MB' % ($size / 1e6))") of YAML, N=$N, --today $TODAY"
rm -f /tmp/cls-bench-time /tmp/cls-bench-out
