#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The JSON Schemas of `cls schema` against the loader (SPEC §12).

Every project of examples/ and tests/ is checked by `cls check --format json`;
each of its YAML files is validated with python3-jsonschema against the schema
of its kind. A file the loader reads without a schema error must validate; a
file where the loader reports one must be refused, unless the loader's only
complaints are ones no JSON Schema can express (LIMITS below).

YAML is read as editors' language servers read it (YAML 1.2, core schema):
`14:00` and `2026-12-03` stay text, `yes` is not a boolean.

    schema_check.py CLS_BINARY SOURCE_DIR
"""
import decimal
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

# The loader's rules that the schemas stand for.
SCHEMA_RULES = {"schema/type", "schema/enum", "schema/unknown-key", "schema/missing-key", "schema/id",
                "date/invalid"}
# What a JSON Schema cannot say: a date that does not exist (2026-02-30) is a
# well-formed YYYY-MM-DD. Files whose only complaints match are not counted.
LIMITS = [re.compile(r"is not a date")]


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the resolvers of YAML 1.2's core schema."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+0123456789.")),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(regexp), first)


def construct_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


def construct_int(loader, node):
    v = loader.construct_scalar(node)
    return int(v, 8) if v.startswith("0o") else int(v, 16) if v.startswith("0x") else int(v)


Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", construct_bool)
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)


def multiple_of(validator, m, instance, schema):
    """multipleOf in decimal, as editors compute it: 4500.10 is a multiple
    of 0.01, which binary floating point denies."""
    if not validator.is_type(instance, "number") or isinstance(instance, bool):
        return
    if decimal.Decimal(repr(instance)) % decimal.Decimal(repr(m)) != 0:
        yield jsonschema.ValidationError(f"{instance!r} is not a multiple of {m}")


Validator = jsonschema.validators.extend(jsonschema.Draft7Validator, {"multipleOf": multiple_of})


def main():
    cls, src = sys.argv[1], sys.argv[2]
    out = tempfile.mkdtemp()
    subprocess.run([cls, "-q", "schema", out], check=True)
    validators = {}
    for kind in ("cls", "actors", "actions", "meetings", "region"):
        path = os.path.join(out, kind + ".schema.json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                schema = json.load(f)
            Validator.check_schema(schema)
            validators[kind] = Validator(schema)

    projects = []
    for top in ("examples", "tests/cases", "tests/hostile", "tests/schema_cases"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(src, top)):
            dirnames.sort()
            if "cls.yaml" in filenames:
                projects.append(dirpath)

    failures, valid, refused, beyond = [], 0, 0, 0
    for proj in projects:
        run = subprocess.run([cls, "-C", proj, "--today", "2026-11-25", "check", "--format", "json"],
                             capture_output=True, text=True)
        try:
            diags = json.loads(run.stdout)["diagnostics"]
        except (ValueError, KeyError):
            failures.append(f"{proj}: cls check gave no JSON ({run.stderr.strip()[:200]})")
            continue
        files = [("cls", "cls.yaml")]
        for kind in ("actors", "actions", "meetings"):
            d = os.path.join(proj, kind)
            if os.path.isdir(d):
                files += [(kind, f"{kind}/{n}") for n in sorted(os.listdir(d)) if n.endswith((".yaml", ".yml"))]
        if "region" in validators and os.path.exists(os.path.join(proj, "region.yaml")):
            files.append(("region", "region.yaml"))
        for kind, rel in files:
            mine = [d for d in diags if d.get("file") == rel]
            if any(d["rule"].startswith("yaml/") for d in mine):
                continue  # not YAML the editors would read either
            try:
                with open(os.path.join(proj, rel), encoding="utf-8") as f:
                    data = yaml.load(f, Loader=Yaml12Loader)
            except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
                continue
            errors = list(validators[kind].iter_errors(data))
            loader = [d for d in mine if d["rule"] in SCHEMA_RULES]
            name = os.path.relpath(os.path.join(proj, rel), src)
            if not loader:
                valid += 1
                if errors:
                    e = errors[0]
                    failures.append(f"{name}: cls reads it, the schema refuses it: "
                                    f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
            elif all(any(p.search(d["message"]) for p in LIMITS) for d in loader):
                beyond += 1
            else:
                refused += 1
                if not errors:
                    failures.append(f"{name}: cls refuses it ({loader[0]['rule']}: {loader[0]['message']}), "
                                    "the schema accepts it")
    for f in failures:
        print("FAIL", f)
    print(f"{len(projects)} projects: {valid} files valid for both, {refused} refused by both, "
          f"{beyond} refused by cls for what no schema can say; {len(failures)} disagreements")
    return 1 if failures or valid < 30 or refused < 3 else 0


if __name__ == "__main__":
    sys.exit(main())
