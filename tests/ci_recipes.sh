#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The CI recipes of examples/ci/ install what cls needs today:
# ci_recipes.sh SOURCE_DIR CLS_BINARY
#
# - each recipe that builds cls (the Dockerfile's build stage, the GitLab and
#   GitHub jobs) installs exactly the build packages of .ci/packages (all of
#   it but what only the tests, CI and packaging use, listed below), plus
#   tools of its own (git, jq, ca-certificates, ninja-build);
# - the Dockerfile's final image installs the package of every library the
#   built binary links (readelf's NEEDED, found by dpkg -S), and no -dev one.
# - .pre-commit-hooks.yaml has the cls-check hook, on the project's YAML files.
set -u
src=$(realpath "$1"); bin=$(realpath "$2")
fail=0

# In .ci/packages for the tests, CI or packaging, not for building cls.
not_for_building="ccache git tzdata python3 python3-icalendar locales dpkg-dev man-db zsh fish python3-yaml poppler-utils python3-openpyxl weasyprint msmtp python3-aiosmtpd python3-jsonschema cmark-gfm"
# Tools a recipe may add: fetching sources, reading JSON, building faster.
recipe_tools="ca-certificates git jq ninja-build"
# In every debian:12 image already (essential), never listed.
base_libraries="libc6 libstdc++6 libgcc-s1"

sorted() { tr ' ' '\n' | sed '/^$/d' | sort -u; }
minus() { comm -23 <(sorted <<< "$1") <(sorted <<< "$2") | tr '\n' ' '; }

# The packages of the `apt-get install` commands of stdin, continuation lines
# joined; options, redirections and shell words dropped.
installed() {
  sed -e ':a' -e '/\\$/N; s/\\\n//; ta' |
    grep -o 'apt-get install[^&|;]*' |
    sed -e 's/apt-get install//' -e 's/>[^ ]*//g' |
    tr ' ' '\n' | grep -v '^-' | grep -v '^$' | tr '\n' ' '
}

build=$(minus "$(cat "$src/.ci/packages")" "$not_for_building")
compare() {  # compare NAME HAVE WANT
  local missing extra
  missing=$(minus "$3" "$2"); extra=$(minus "$2" "$3")
  if [ -n "$missing$extra" ]; then
    echo "$1: missing [${missing% }], not in .ci/packages [${extra% }]"; fail=1
  else
    echo "$1: the build packages of .ci/packages"
  fi
}

dockerfile="$src/examples/ci/Dockerfile"
build_stage=$(awk '/^FROM /{n++} n==1' "$dockerfile" | installed)
final_stage=$(awk '/^FROM /{n++} n==2' "$dockerfile" | installed)
compare "Dockerfile (build stage)" "$(minus "$build_stage" "$recipe_tools")" "$build"
compare ".gitlab-ci.yml" "$(minus "$(installed < "$src/examples/ci/.gitlab-ci.yml")" "$recipe_tools")" "$build"
compare ".github/workflows/cls.yml" \
  "$(minus "$(installed < "$src/examples/ci/.github/workflows/cls.yml")" "$recipe_tools")" "$build"

# The libraries of the binary, as packages.
libs=""
for so in $(readelf -d "$bin" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
  path=$(ldconfig -p | awk -v s="$so" '$1 == s { print $NF; exit }')
  pkg=$( (dpkg -S "$path" || dpkg -S "/usr$path") 2>/dev/null | head -1 | cut -d: -f1)
  if [ -z "$pkg" ]; then echo "no package holds $so ($path)"; fail=1; continue; fi
  libs="$libs $pkg"
done
if [ -z "$libs" ]; then echo "no library found in $bin: the check is broken"; exit 1; fi
# (A sanitizer build links its runtimes too: not the image's business.)
libs=$(tr ' ' '\n' <<< "$libs" | grep -vE '^lib(asan|ubsan|lsan|tsan)[0-9]*$' | tr '\n' ' ')
runtime=$(minus "$libs" "$base_libraries")
missing=$(minus "$runtime" "$final_stage")
if [ -n "$missing" ]; then
  echo "Dockerfile (final image): missing the libraries [${missing% }]"; fail=1
else
  echo "Dockerfile (final image): every library cls links ($(sorted <<< "$runtime" | wc -l))"
fi
dev=$(sorted <<< "$final_stage" | grep -- '-dev$' | tr '\n' ' ')
if [ -n "$dev" ]; then echo "Dockerfile (final image): development packages [${dev% }]"; fail=1; fi
# .pre-commit-hooks.yaml: the cls-check hook, run on the project's YAML files.
if /usr/bin/python3 - "$src/.pre-commit-hooks.yaml" <<'PY'; then echo ".pre-commit-hooks.yaml: the cls-check hook"; else fail=1; fi
import re, sys, yaml
hooks = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
hook = next((h for h in hooks if h.get("id") == "cls-check"), None)
problems = []
if not hook:
    sys.exit(".pre-commit-hooks.yaml: no cls-check hook")
for key, value in (("entry", "cls check"), ("language", "system"), ("pass_filenames", False)):
    if hook.get(key) != value:
        problems.append(f"{key} is {hook.get(key)!r}, not {value!r}")
files = re.compile(hook.get("files", "^$"))
for path in ("cls.yaml", "plan/cls.yaml", "actions/PREV-01.yaml", "plan/meetings/copil.yml", "actors/a.yaml"):
    if not files.search(path):
        problems.append(f"files does not match {path}")
for path in ("docs/notes.yaml", ".github/workflows/cls.yml", "actions/notes.md", "mkdocs.yaml"):
    if files.search(path):
        problems.append(f"files matches {path}")
for p in problems:
    print(".pre-commit-hooks.yaml: " + p)
sys.exit(1 if problems else 0)
PY
exit $fail
