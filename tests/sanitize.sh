#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Builds cls with AddressSanitizer and UndefinedBehaviorSanitizer
# (-DCLS_SANITIZE=ON) and runs the whole test suite under them: unit tests,
# end-to-end cases (the hostile corpus included) and the examples. Any
# sanitizer report fails the run. Called by .ci/run.
#
#   tests/sanitize.sh [BUILD_DIR]    default: build-asan in the source tree
#
# Environment: JOBS (default 2) for the build and ctest; CTEST_ARGS, extra
# arguments for ctest (e.g. "-R hostile").
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$src/build-asan}
jobs=${JOBS:-2}
start=$(date +%s)

# abort_on_error: a report ends the process with SIGABRT, so a test that
# expects a given exit status fails too, whatever it checks.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

cmake -S "$src" -B "$build" -DCLS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j"$jobs"
built=$(date +%s)
# shellcheck disable=SC2086
# (Not the Debian package, labelled `package`: a sanitized binary is no product.)
ctest --test-dir "$build" --output-on-failure -j"$jobs" -LE package ${CTEST_ARGS:-}
end=$(date +%s)
echo "sanitize.sh: build $((built - start)) s, tests $((end - built)) s, total $((end - start)) s"
