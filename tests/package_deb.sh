#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The Debian package: package_deb.sh BUILD_DIR SOURCE_DIR
#
# Runs CPack on the build (into a scratch folder), then checks the .deb's
# files (dpkg-deb -c): the binary, every manual page of man/, the JSON Schemas, the message
# catalogues, the three completions, the licence; and that its Depends were
# computed (dpkg-shlibdeps). As root with CLS_TEST_DPKG_INSTALL=1 it also
# installs it (dpkg -i), runs the installed cls and man, and removes it
# unless it was installed before. Labelled `package`: ctest -LE package
# skips it.
set -eu
build=$(realpath "$1"); src=$(realpath "$2")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/^CPACK_PACKAGE_VERSION:[A-Z]*=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1) || {
  cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/cls_*.deb)
echo "built $(basename "$deb")"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' > "$work/files"

fail=0
want() { grep -qxF "$1" "$work/files" || { echo "missing from the package: $1"; fail=1; }; }
want /usr/bin/cls
for page in "$src"/man/*.[1-9]; do
  section=${page##*.}
  want "/usr/share/man/man$section/$(basename "$page")"
done
for po in "$src"/po/*.po; do want "/usr/share/locale/$(basename "$po" .po)/LC_MESSAGES/cls.mo"; done
want /usr/share/bash-completion/completions/cls
want /usr/share/zsh/vendor-completions/_cls
want /usr/share/fish/vendor_completions.d/cls.fish
want /usr/share/doc/cls/copyright
for kind in cls actors actions meetings; do want "/usr/share/cls/schemas/$kind.schema.json"; done
# Nothing outside /usr, nothing of the build or the tests.
if grep -v '^/usr/' "$work/files" | grep -qv '^/$'; then echo "outside /usr:"; grep -v '^/usr/' "$work/files"; fail=1; fi
if grep -qE 'cls_unit|_test|/include/' "$work/files"; then echo "test or build files packaged"; fail=1; fi

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libyaml-0-2 libgit2 libical libunistring; do
  case "$depends" in *"$lib"*) ;; *) echo "Depends lacks $lib: $depends"; fail=1;; esac
done
[ "$(dpkg-deb -f "$deb" Package)" = cls ] || { echo "the package is not named cls"; fail=1; }
[ "$fail" = 0 ] && echo "files and Depends as expected"

if [ "${CLS_TEST_DPKG_INSTALL:-}" = 1 ] && [ "$(id -u)" = 0 ]; then
  was_installed=$(dpkg-query -W -f='${Status}' cls 2>/dev/null | grep -c 'ok installed' || true)
  dpkg -i "$deb" >/dev/null
  out=$(/usr/bin/cls --version)
  echo "installed: $out"
  [ "$out" = "cls $version" ] || { echo "expected 'cls $version'"; fail=1; }
  man -w cls >/dev/null || { echo "man -w cls finds no page"; fail=1; }
  man -w 5 cls-format >/dev/null || { echo "man -w 5 cls-format finds no page"; fail=1; }
  fr=$(LC_ALL=fr_FR.UTF-8 /usr/bin/cls chek 2>&1 || true)
  if locale -a | grep -qix 'fr_fr\.utf-\?8'; then
    case "$fr" in *"commande inconnue"*) echo "installed messages: French";; *) echo "not French: $fr"; fail=1;; esac
  fi
  [ "$was_installed" = 1 ] || dpkg -r cls >/dev/null
fi
exit $fail
