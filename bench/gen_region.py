#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Deterministic generator of a region of projects for benchmarks (SPEC §11).

    gen_region.py PROJECTS ACTIONS OUTDIR

Writes OUTDIR/region.yaml listing PROJECTS projects OUTDIR/cls-NNN/, each made
by gen_project.py with ACTIONS actions (seed NNN), then given its own id, a
population, three INSEE codes (one shared with the next project) and themes on
its actions (one of five themes of the region, by action). Valid with
`--today 2026-11-25`. Python standard library only.
"""
import os
import re
import subprocess
import sys

THEMES = ["prs.prevention", "prs.acces", "prs.sante-mentale", "prs.parcours", "prs.environnement"]


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    projects, actions, out = int(argv[0]), int(argv[1]), argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    names = []
    for i in range(projects):
        name = f"cls-{i:03d}"
        names.append(name)
        d = os.path.join(out, name)
        subprocess.run([sys.executable, os.path.join(here, "gen_project.py"), str(actions), d, "--seed", str(i + 1),
                        "--force"], check=True, stdout=subprocess.DEVNULL)
        path = os.path.join(d, "cls.yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"^id: .*$", f"id: {name}", text, count=1, flags=re.M)
        text += (f"population: {20000 + 997 * i}\n"
                 f"communes: [\"{54000 + 2 * i:05d}\", \"{54001 + 2 * i:05d}\", \"{54002 + 2 * i:05d}\"]\n")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        adir = os.path.join(d, "actions")
        for k, fname in enumerate(sorted(os.listdir(adir))):
            p = os.path.join(adir, fname)
            with open(p, encoding="utf-8") as f:
                t = f.read()
            t = re.sub(r"^(objective: .*\n)", r"\1themes: [" + THEMES[k % len(THEMES)] + "]\n", t, count=1,
                       flags=re.M)
            with open(p, "w", encoding="utf-8") as f:
                f.write(t)
        # gen_project.py writes tied votes decided by `outcome` where the chair
        # may be absent (meeting/outcome since SPEC §8.2): untie them, same total.
        mdir = os.path.join(d, "meetings")
        for fname in sorted(os.listdir(mdir)):
            p = os.path.join(mdir, fname)
            with open(p, encoding="utf-8") as f:
                t = f.read()
            u = re.sub(r"vote: \{for: (\d+), against: (\1),",
                       lambda m: f"vote: {{for: {int(m.group(1)) + 1}, against: {int(m.group(1)) - 1},", t)
            if u != t:
                with open(p, "w", encoding="utf-8") as f:
                    f.write(u)
    with open(os.path.join(out, "region.yaml"), "w", encoding="utf-8") as f:
        f.write("# Région générée par bench/gen_region.py : ne pas éditer.\n")
        f.write("id: bench-region\ntitle: Région de démonstration (banc d'essai)\nprojects:\n")
        for n in names:
            f.write(f"  - {n}\n")
        f.write("themes:\n")
        for t in THEMES:
            f.write(f"  - {{id: {t}, title: Thématique {t}}}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
