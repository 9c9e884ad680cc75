#!/usr/bin/env python3
"""What a hostile case asserts about `cls check --format json`, whatever the
YAML parser behind cls says in its own words.

    diags.py [--syntax-lines]     < check.json    one line per diagnostic
    diags.py --strict             < any.json      only: is it strict JSON?

A diagnostic prints as `severity rule file:line`. The line of `yaml/syntax` is
the parser's (where libyaml or yaml-cpp gave up), so it is left out unless
--syntax-lines says that the case's syntax diagnostics are cls's own (a second
document, a file too large, a link loop). Messages are the parser's or ours
and are not printed; a case greps the JSON for the words it relies on.

Either way the input must be strict JSON: NaN, Infinity or a broken document
fail the case (Python's json module would accept NaN by default).
"""
import json
import sys


def reject_constant(name):
    raise ValueError(f"non-standard JSON constant {name}")


def main():
    args = sys.argv[1:]
    text = sys.stdin.read()
    try:
        doc = json.loads(text, parse_constant=reject_constant)
    except ValueError as e:
        print(f"invalid JSON: {e}")
        return 1
    if "--strict" in args:
        print("strict JSON")
        return 0
    syntax_lines = "--syntax-lines" in args
    counted = {"error": 0, "warning": 0}
    for d in doc["diagnostics"]:
        counted[d["severity"]] += 1
        where = d["file"]
        if d["rule"] != "yaml/syntax" or syntax_lines:
            where += f":{d['line']}"
        print(f"{d['severity']} {d['rule']} {where}")
    if counted["error"] != doc["errors"] or counted["warning"] != doc["warnings"]:
        print(f"miscounted: {doc['errors']} errors, {doc['warnings']} warnings announced")
        return 1
    print(f"{doc['errors']} errors, {doc['warnings']} warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
