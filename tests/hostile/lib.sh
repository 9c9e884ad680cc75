# Sourced by the `cmd` of every hostile case (tests/hostile/README.md):
#
#   project DIR        copies the valid reference project (base/) to DIR
#   check DIR [ARG…]   runs `cls -C DIR check --format json ARG…`, prints its
#                      exit status, then its diagnostics through diags.py
#   strict_json        standard input must be strict JSON (no NaN, no Infinity)
#   bounded S MB CMD…  CMD must end within S seconds and MB megabytes
#
# The cmd runs in a scratch copy of its case folder; $SRC is the source tree
# and `cls` the binary under test (tests/run_case.sh).
hostile=$SRC/tests/hostile

project() {
  cp -r "$hostile/base" "$1"
}

check() {
  local dir=$1
  shift
  cls -C "$dir" check --format json "$@" > check.json
  echo "check: exit $?"
  python3 "$hostile/diags.py" ${SYNTAX_LINES:+--syntax-lines} < check.json
}

strict_json() {
  python3 "$hostile/diags.py" --strict
}

bounded() {
  python3 "$hostile/bounded.py" "$@"
}
