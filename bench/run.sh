#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# cls benchmark: see bench/README.md.
#
#   bench/run.sh [N...]          default: 5000 50000 (actions per corpus)
#
# Environment:
#   CLS         the cls binary (default: build/cls of this checkout)
#   RUNS        hyperfine runs per command on the corpora (default 3, after 1 warm-up)
#   SMALL_RUNS  hyperfine runs of `cls check` on the N=20 project (default 30)
#   NO_PEER=1   do not run the peer
#   TODAY       the --today of every command (default 2026-11-25, the generator's)
#
# Corpora are generated once into bench/out/N/ (git-ignored) and regenerated only
# when gen_project.py changes. Results: Markdown on standard output, also written
# to bench/out/results.md; raw hyperfine JSON in bench/out/hyperfine-N.json.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CLS=${CLS:-$(realpath -m "$here/../build/cls")}
RUNS=${RUNS:-3}
SMALL_RUNS=${SMALL_RUNS:-30}
TODAY=${TODAY:-2026-11-25}
out=$here/out
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(5000 50000)

log() { printf '%s\n' "$*" >&2; }

# ---------------------------------------------------------------- tools
need_apt() {  # need_apt COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2 (for $1)…"
  if [ "$(id -u)" = 0 ]; then
    { apt-get install -y "$2" || { apt-get update && apt-get install -y "$2"; }; } >&2
  else
    { sudo apt-get install -y "$2" || { sudo apt-get update && sudo apt-get install -y "$2"; }; } >&2
  fi
}
need_apt hyperfine hyperfine
[ -x /usr/bin/time ] || need_apt /usr/bin/time time
need_apt python3 python3
peer_ok=1
if [ "${NO_PEER:-}" = 1 ]; then
  peer_ok=0
elif ! command -v node >/dev/null 2>&1; then
  need_apt node nodejs; need_apt npm npm
fi
if [ $peer_ok = 1 ] && [ ! -d "$here/peer/node_modules/js-yaml" ]; then
  log "installing the peer's npm dependencies…"
  (cd "$here/peer" && npm ci --no-fund --no-audit >&2 2>/dev/null || npm install --no-fund --no-audit >&2)
fi

notes=()
cls_src=$CLS
have_cls=1
if [ ! -x "$CLS" ]; then
  have_cls=0
  notes+=("\`$CLS\` not found: cls commands skipped (set CLS=… to the binary).")
fi
if [ $have_cls = 1 ]; then
  # Measure a snapshot, so that a rebuild of build/ during the run cannot break it.
  cp "$(realpath "$CLS")" "$out/cls.snapshot.tmp" && mv "$out/cls.snapshot.tmp" "$out/cls"
  cls_src=$CLS; CLS=$out/cls
fi
# The peer validates against the schemas of this very cls (`cls schema`), made
# from the loader's key tables: both check the same keys and values.
if [ $peer_ok = 1 ]; then
  if [ $have_cls = 1 ] && "$CLS" -q schema "$out/schema" 2>/dev/null; then
    export CLS_SCHEMA_DIR=$out/schema
  else
    peer_ok=0; notes+=("peer skipped: \`cls schema\` could not write its JSON Schemas.")
  fi
fi

# ---------------------------------------------------------------- corpora
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
gen_sha=$(sha256sum "$here/gen_project.py" | cut -d' ' -f1)
corpus() {  # corpus N [--small] -> prints the directory
  local n=$1 dir=$out/$1; shift
  if [ ! -f "$dir/bench-meta.json" ] || [ "$(cat "$dir.sha" 2>/dev/null)" != "$gen_sha" ]; then
    log "generating $n actions into $dir…"
    python3 "$here/gen_project.py" "$n" "$dir" --force "$@" >&2
    echo "$gen_sha" > "$dir.sha"
  fi
  echo "$dir"
}
meta() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1/bench-meta.json" "$2"; }

small_dir=$(corpus 20 --small)

# Which cls commands work? A command counts as available when it exits 0 or 1 (1:
# the files have errors) on the small project; 2 or a crash means not there yet.
declare -A avail
probe() {  # probe NAME ARGS...
  local name=$1; shift
  [ $have_cls = 1 ] || { avail[$name]=0; return; }
  local rc=0 err
  err=$(timeout 60 "$CLS" -C "$small_dir" --today "$TODAY" "$@" 2>&1 >/dev/null) || rc=$?
  if [ $rc -le 1 ]; then avail[$name]=1; else
    avail[$name]=0
    notes+=("\`cls $*\` skipped: exit $rc on the small project ($(printf '%s' "$err" | head -1 | cut -c1-120)).")
  fi
}
probe check check
probe report report --format json
probe xlsx report --format xlsx
probe minutes minutes "$(meta "$small_dir" minutes_meeting)"

# ---------------------------------------------------------------- measures
peak_rss() {  # peak_rss LABEL CMD... -> "KB EXIT", stderr of CMD kept in out/LABEL.err
  local label=$1; shift
  /usr/bin/time -v -o "$out/$label.time" "$@" >/dev/null 2>"$out/$label.err" || true
  local kb rc
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$label.time")
  rc=$(awk -F': ' '/Exit status/ {print $2}' "$out/$label.time")
  echo "${kb:-0} ${rc:-?}"
}

rows=()
declare -A mean
for n in "${sizes[@]}"; do
  dir=$(corpus "$n")
  bytes=$(meta "$dir" yaml_bytes); files=$(meta "$dir" files); mid=$(meta "$dir" minutes_meeting)
  names=(); cmds=()
  if [ "${avail[check]}" = 1 ]; then names+=(check); cmds+=("$CLS -C $dir --today $TODAY check"); fi
  if [ "${avail[report]}" = 1 ]; then names+=("report-json"); cmds+=("$CLS -C $dir --today $TODAY report --format json"); fi
  if [ "${avail[xlsx]}" = 1 ]; then names+=("report-xlsx"); cmds+=("$CLS -C $dir --today $TODAY report --format xlsx"); fi
  if [ "${avail[minutes]}" = 1 ]; then names+=(minutes); cmds+=("$CLS -C $dir --today $TODAY minutes $mid"); fi
  if [ $peer_ok = 1 ]; then names+=(peer); cmds+=("node $here/peer/validate.js $dir"); fi
  [ ${#cmds[@]} -gt 0 ] || continue
  hf_args=()
  for i in "${!cmds[@]}"; do hf_args+=(-n "${names[$i]}" "${cmds[$i]}"); done
  log "timing N=$n ($files files, $bytes bytes)…"
  hyperfine -N --warmup 1 --runs "$RUNS" -i --style basic \
    --export-json "$out/hyperfine-$n.json" "${hf_args[@]}" >&2
  for i in "${!cmds[@]}"; do
    name=${names[$i]}
    read -r -a argv <<< "${cmds[$i]}"
    read -r kb rc < <(peak_rss "$name-$n" "${argv[@]}")
    # Diagnostics printed: cls's are FILE:LINE:COL: error|warning: …; the peer's one a line.
    if [ "$name" = peer ]; then ndiag=$(grep -c . "$out/$name-$n.err" || true)
    else ndiag=$(grep -cE '^[^ ]+:[0-9]+:[0-9]+: (error|warning): ' "$out/$name-$n.err" || true); fi
    read -r m sd < <(python3 - "$out/hyperfine-$n.json" "$name" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    if r["command"] == sys.argv[2]:
        print(r["mean"], r["stddev"] or 0)
EOF
)
    mean[$name-$n]=$m
    rows+=("$(python3 - "$n" "$files" "$bytes" "$name" "$m" "$sd" "$kb" "$rc" "$ndiag" <<'EOF'
import sys
n, files, b, name, m, sd, kb, rc, nd = sys.argv[1:]
b, m, sd, kb = int(b), float(m), float(sd), int(kb)
mb = b / 1e6
label = {"check": "`cls check`", "report-json": "`cls report --format json`",
         "report-xlsx": "`cls report --format xlsx`",
         "minutes": "`cls minutes`", "peer": "peer (js-yaml + ajv)"}[name]
print("| %s | %s | %.1f | %s | %.3f ± %.3f | %.1f | %.0f | %.2f | %s | %s |" % (
    n, files, mb, label, m, sd, mb / m, kb / 1024, kb * 1024 / b, rc, nd))
EOF
)")
  done
done

# The "few dozen files" case.
small_line=""
if [ "${avail[check]}" = 1 ]; then
  log "timing cls check on the N=20 project…"
  hyperfine -N --warmup 3 --runs "$SMALL_RUNS" -i --style basic \
    --export-json "$out/hyperfine-20.json" -n check "$CLS -C $small_dir --today $TODAY check" >&2
  small_line=$(python3 - "$out/hyperfine-20.json" "$(meta "$small_dir" files)" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ms = r["mean"] * 1000
print("N=20 (%s files): `cls check` %.1f ± %.1f ms (min %.1f ms) — goal < 30 ms: %s" % (
    sys.argv[2], ms, (r["stddev"] or 0) * 1000, r["min"] * 1000, "met" if ms < 30 else "NOT met"))
EOF
)
fi

# 50 convocation letters as PDF: one WeasyPrint run, cut into one PDF each.
letters_line=""
if [ $have_cls = 1 ] && { [ -n "${CLS_WEASYPRINT:-}" ] || command -v weasyprint >/dev/null 2>&1; }; then
  letters_dir=$out/letters-51
  letters_sha=$(sha256sum "$here/gen_letters.py" | cut -d' ' -f1)
  if [ ! -f "$letters_dir/cls.yaml" ] || [ "$(cat "$letters_dir.sha" 2>/dev/null)" != "$letters_sha" ]; then
    rm -rf "$letters_dir"; python3 "$here/gen_letters.py" 51 "$letters_dir" >/dev/null; echo "$letters_sha" > "$letters_dir.sha"
  fi
  letters_cmd="$CLS -C $letters_dir --today $TODAY -q convocation pleniere-2027-03-16 --out-dir $out/letters-pdf --format pdf"
  log "timing 50 PDF letters…"
  hyperfine -N --warmup 1 --runs "$RUNS" -i --style basic --export-json "$out/hyperfine-letters.json" \
    -n letters "$letters_cmd" >&2
  read -r -a argv <<< "$letters_cmd"
  read -r kb rc < <(peak_rss letters "${argv[@]}")
  letters_line=$(python3 - "$out/hyperfine-letters.json" "$out/letters-pdf" "$kb" "$rc" <<'EOF'
import json, os, sys
r = json.load(open(sys.argv[1]))["results"][0]
n = len([f for f in os.listdir(sys.argv[2]) if f.endswith(".pdf")])
print("50 convocation letters as PDF (a body of 51 members, its chair signs; `cls convocation --out-dir --format pdf`): "
      "%.2f ± %.2f s (mean ± σ, user + system %.2f s) for %d PDF files, one WeasyPrint run cut with libqpdf; "
      "peak RSS of cls %.0f MB; exit %s"
      % (r["mean"], r["stddev"] or 0, r["user"] + r["system"], n, int(sys.argv[3]) / 1024, sys.argv[4]))
EOF
)
else
  notes+=("PDF letters skipped: WeasyPrint is not installed (apt-get install weasyprint).")
fi

load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- report
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) CPU(s) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
       "$(free -g | awk '/Mem:/ {print $2}') GB RAM); hyperfine $(hyperfine --version | cut -d' ' -f2),"\
       "$([ $peer_ok = 1 ] && echo "node $(node --version), js-yaml $(node -p "require('$here/peer/node_modules/js-yaml/package.json').version"), ajv $(node -p "require('$here/peer/node_modules/ajv/package.json').version")"),"\
       "$([ $have_cls = 1 ] && "$CLS" --version 2>/dev/null | head -1 || echo "cls absent") ($cls_src); --warmup 1 --runs $RUNS; --today $TODAY;"\
       "load average $load_start at the start, $load_end at the end (other work on the machine distorts the figures)."
  echo
  echo "| N | files | MB | command | wall (s, mean ± σ) | MB/s | peak RSS (MB) | RSS / size | exit | diagnostics |"
  echo "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"
  for r in "${rows[@]}"; do echo "$r"; done
  echo
  [ -n "$small_line" ] && { echo "$small_line"; echo; }
  [ -n "$letters_line" ] && { echo "$letters_line"; echo; }
  # Goals (bench/README.md) on the largest and smallest corpora measured.
  python3 - "$out" "${sizes[@]}" <<'EOF'
import json, os, sys
out, sizes = sys.argv[1], sorted(int(s) for s in sys.argv[2:])
def res(n):
    p = os.path.join(out, "hyperfine-%d.json" % n)
    return {r["command"]: r["mean"] for r in json.load(open(p))["results"]} if os.path.exists(p) else {}
def rss(name, n):
    p = os.path.join(out, "%s-%d.time" % (name, n))
    if not os.path.exists(p): return None
    for line in open(p):
        if "Maximum resident set size" in line: return int(line.split(":")[1]) * 1024
big, small = sizes[-1], sizes[0]
r = res(big)
size = json.load(open(os.path.join(out, str(big), "bench-meta.json")))["yaml_bytes"]
goals = []
if "check" in r and "peer" in r:
    x = r["check"] / r["peer"]; goals.append(("N=%d: cls check ≤ 0.8 × peer" % big, "%.2f ×" % x, x <= 0.8))
if "check" in r and "report-json" in r:
    x = r["report-json"] / r["check"]; goals.append(("N=%d: report json ≤ 1.5 × check" % big, "%.2f ×" % x, x <= 1.5))
for name in ("check", "report-json", "report-xlsx", "minutes"):
    m = rss(name, big)
    if m: goals.append(("N=%d: peak RSS of %s ≤ 2 × files size" % (big, name), "%.2f ×" % (m / size), m <= 2 * size))
if big != small:
    s = res(small)
    for name in ("check", "report-json", "report-xlsx", "minutes", "peer"):
        if name in r and name in s:
            x = r[name] / s[name]
            goals.append(("%s time %d → %d ≤ %g ×" % (name, small, big, 1.1 * big / small),
                          "%.2f ×" % x, x <= 1.1 * big / small))
if goals:
    print("| goal | measured | |")
    print("|---|---:|---|")
    for g, v, ok in goals:
        print("| %s | %s | %s |" % (g, v, "met" if ok else "**not met**"))
    print()
EOF
  for note in "${notes[@]+"${notes[@]}"}"; do echo "- $note"; done
} | tee "$out/results.md"
