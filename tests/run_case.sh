#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Runs one end-to-end case: run_case.sh CLS_BINARY CASE_DIR SOURCE_DIR
#
# CASE_DIR/cmd is a shell snippet run in a scratch copy of CASE_DIR, where `cls`
# is the binary under test and $SRC the source tree (for the examples). Its
# standard output, standard error and exit status are compared with
# expected.out, expected.err and expected.status when those files exist
# (expected.status must). UPDATE_GOLDEN=1 rewrites them instead.
#
# Cases run under LC_ALL=C.UTF-8; a command of `cmd` may set another locale
# (LC_ALL=fr_FR.UTF-8 cls …). A case that needs locales the machine may lack
# lists them in a file `needs-locale`, one a line: it is skipped (exit 77)
# when one is missing (.ci/run generates fr_FR.UTF-8).
#
# A case that documents a known bug outside cls's own code (the YAML parser's)
# holds a file `known-failure` saying why: while it fails it is reported as
# skipped (exit 77, ctest's SKIP_RETURN_CODE), and once it passes it fails,
# so that the note is deleted rather than forgotten.
set -u
bin=$(realpath "$1"); case_dir=$(realpath "$2"); export SRC=$(realpath "$3")
if [ -f "$case_dir/needs-locale" ]; then
  have=$(locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')
  while read -r wanted; do
    [ -n "$wanted" ] || continue
    norm=$(echo "$wanted" | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')
    if ! grep -qxF "$norm" <<< "$have"; then
      echo "locale $wanted is not installed here: skipped (localedef -i ${wanted%%.*} -f UTF-8 $wanted)"; exit 77
    fi
  done < "$case_dir/needs-locale"
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -a "$case_dir/." "$work/"
cd "$work"
export CLS_TODAY=${CLS_TODAY:-2026-11-25} NO_COLOR=1 LC_ALL=C.UTF-8
cls() { "$bin" "$@"; }
export -f cls 2>/dev/null; export bin
set +e
bash -c "cls() { \"\$bin\" \"\$@\"; }; $(cat cmd)" >"$work/.out" 2>"$work/.err"
status=$?
set -e
fail=0
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  echo "$status" > "$case_dir/expected.status"
  cp "$work/.out" "$case_dir/expected.out"
  [ -s "$work/.err" ] && cp "$work/.err" "$case_dir/expected.err" || rm -f "$case_dir/expected.err"
  exit 0
fi
want=$(cat "$case_dir/expected.status")
if [ "$status" != "$want" ]; then
  echo "exit status $status, expected $want"; fail=1
fi
for s in out err; do
  if [ -f "$case_dir/expected.$s" ]; then
    if ! diff -u "$case_dir/expected.$s" "$work/.$s"; then fail=1; fi
  fi
done
if [ $fail = 1 ]; then
  echo "--- stderr:"; head -50 "$work/.err"
fi
if [ -f "$case_dir/known-failure" ]; then
  if [ $fail = 0 ]; then
    echo "this case passes now: delete $case_dir/known-failure"; exit 1
  fi
  if grep -q -E 'Sanitizer|runtime error:' "$work/.err"; then
    echo "a sanitizer report is never the known failure"; exit 1
  fi
  echo "--- known failure, skipped:"; cat "$case_dir/known-failure"; exit 77
fi
exit $fail
