# Prints what a forge reads from a SARIF log of `cls check`: the rules of the
# driver, and each result's rule, level, file, line and column.
import json
import sys

log = json.load(open(sys.argv[1], encoding="utf-8"))
run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]
print(f'{log["version"]} {run["tool"]["driver"]["name"]}, {len(rules)} rules, columnKind {run["columnKind"]}')
if len(sys.argv) > 2:
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("".join(sorted(r["id"] + "\n" for r in rules)))
for r in run["results"]:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    loc = r["locations"][0]["physicalLocation"]
    region = loc["region"]
    col = region.get("startColumn", "-")
    print(f'{r["level"]:7} {r["ruleId"]:20} {loc["artifactLocation"]["uri"]}:{region["startLine"]}:{col}')
