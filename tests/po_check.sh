#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The message catalogues are in step with the sources and well written:
# po_check.sh SOURCE_DIR XGETTEXT (see po_check.py for what is checked).
set -eu
src=$(realpath "$1"); xgettext=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cmake -DSRC="$src" -DXGETTEXT="$xgettext" -DVERSION=check -DPOT="$work/cls.pot" -P "$src/cmake/update_po.cmake"
exec /usr/bin/python3 "$src/tests/po_check.py" "$src" "$work/cls.pot"
