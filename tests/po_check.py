#!/usr/bin/python3
# SPDX-License-Identifier: EUPL-1.2
"""Checks the message catalogues (po/README): po_check.py SOURCE_DIR FRESH_POT

- po/cls.pot holds exactly the messages the sources mark (FRESH_POT, just
  extracted from them): else `cmake --build build --target update-po`;
- every po/LANG.po holds the same messages, each translated, none fuzzy;
- a translation keeps the placeholders of its message ({}, {0}, {errors}),
  which fmt fills in;
- French translations follow French typography: a no-break space (U+00A0)
  before a colon and inside « », a narrow one (U+202F) before ; ! ?, the
  apostrophe ’ and the quotes « », not ' and " (text between backquotes,
  a command, is left as it is).
"""
import re
import sys
from pathlib import Path


def entries(path):
    """The entries of a catalogue but its header, as msgmerge and xgettext
    write them: separated by blank lines. Each is a dict: msgid, plural
    (None), msgstr (a list: one text, or one per plural form), flags."""
    out = []
    for block in Path(path).read_text(encoding="utf-8").split("\n\n"):
        e = {"msgid": None, "plural": None, "msgstr": [], "flags": []}
        field = None
        for line in block.splitlines():
            if line.startswith("#~"):
                break  # obsolete, kept by msgmerge: not in use
            if line.startswith("#,"):
                e["flags"] += [f.strip() for f in line[2:].split(",")]
                continue
            if line.startswith("#"):
                continue
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line)
            text = eval(m.group(2) if m else line)  # a C string literal
            if m and m.group(1) == "msgid":
                field = "msgid"
            elif m and m.group(1) == "msgid_plural":
                field = "plural"
            elif m:
                field = "msgstr"
                e["msgstr"].append("")
            if field == "msgstr":
                e["msgstr"][-1] += text
            else:
                e[field] = (e[field] or "") + text
        if e["msgid"]:  # the header's msgid is ""
            out.append(e)
    return out


def placeholders(text):
    return sorted(re.findall(r"\{[^{}]*\}", text.replace("{{", "").replace("}}", "")))


NBSP, NNBSP = "\u00a0", "\u202f"


def french_typography(text):
    """What is wrong with the typography of a French text, in words."""
    problems = []
    prose = re.sub(r"`[^`]*`", "", text)  # commands are left as they are
    prose = re.sub(r"\{[^{}]*\}", "x", prose)
    for i, c in enumerate(prose):
        end = i + 1 == len(prose) or prose[i + 1] in " )\n" + NBSP
        if c == ":" and end and i > 0:
            if prose[i - 1] != NBSP:
                problems.append("a no-break space (U+00A0) before ':'")
        elif c in ";!?" and end and i > 0:
            if prose[i - 1] != NNBSP:
                problems.append(f"a narrow no-break space (U+202F) before '{c}'")
        elif c == "«" and (i + 1 == len(prose) or prose[i + 1] != NBSP):
            problems.append("a no-break space after '«'")
        elif c == "»" and (i == 0 or prose[i - 1] != NBSP):
            problems.append("a no-break space before '»'")
        elif c == "'":
            problems.append("the apostrophe ’ or the quotes « », not '")
        elif c == '"':
            problems.append('the quotes « », not "')
    if "..." in prose:
        problems.append("the ellipsis …, not ...")
    return problems


def main():
    src, fresh = Path(sys.argv[1]), sys.argv[2]
    failures = []
    key = lambda e: (e["msgid"], e["plural"])
    marked = [key(e) for e in entries(fresh)]
    pot = [key(e) for e in entries(src / "po" / "cls.pot")]
    if not marked:
        failures.append("no message is marked in the sources: the extraction is broken")
    if set(pot) != set(marked):
        for m in sorted(set(marked) - set(pot)):
            failures.append(f"po/cls.pot lacks {m[0]!r}")
        for m in sorted(set(pot) - set(marked)):
            failures.append(f"po/cls.pot has {m[0]!r}, which no source marks any longer")
        failures.append("run: cmake --build build --target update-po, then translate")
    catalogues = sorted((src / "po").glob("*.po"))
    if not catalogues:
        failures.append("no po/*.po catalogue")
    for po in catalogues:
        lang = po.stem
        es = entries(po)
        have = {key(e) for e in es}
        for m in sorted(set(pot) - have):
            failures.append(f"{po.name}: lacks {m[0]!r} (run the update-po target)")
        for e in es:
            where = f"{po.name}: {e['msgid']!r}"
            if "fuzzy" in e["flags"]:
                failures.append(f"{where}: fuzzy (check the translation, then remove the flag)")
            if not e["msgstr"] or any(s == "" for s in e["msgstr"]):
                failures.append(f"{where}: not translated")
                continue
            for i, s in enumerate(e["msgstr"]):
                original = e["msgid"] if (e["plural"] is None or i == 0) else e["plural"]
                if placeholders(s) != placeholders(original):
                    failures.append(f"{where}: placeholders {placeholders(s)} where the message has "
                                    f"{placeholders(original)}")
                if lang == "fr":
                    for p in sorted(set(french_typography(s))):
                        failures.append(f"{where}: {p}")
    for f in failures:
        print(f)
    if failures:
        return 1
    print(f"{len(pot)} messages, {len(catalogues)} catalogue(s) complete")
    return 0


sys.exit(main())
