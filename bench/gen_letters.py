#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""A project with one meeting of a body of N members: the convocation letters
benchmark (`cls convocation MEETING --out-dir DIR --format pdf`, SPEC §9).

    gen_letters.py N OUTDIR

Deterministic (no clock, no randomness): member i has a civility, a role, an
organisation and a postal address, half of them a substitute, so that every
letter has the full address block and, for a titulaire with a suppléant, the
sentence that tells them to pass the convocation on. Prints the meeting's id.
"""
import os
import sys

FIRST = ["Marie", "Jean", "Claire", "Pierre", "Sophie", "Luc", "Anne", "Paul", "Julie", "Marc"]
LAST = ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent"]
TOWNS = ["54000 Nancy", "54200 Toul", "54170 Colombey-les-Belles", "54330 Vézelise", "54230 Neuves-Maisons"]


def main(argv):
    n, out = int(argv[1]), argv[2]
    os.makedirs(os.path.join(out, "actors"), exist_ok=True)
    os.makedirs(os.path.join(out, "meetings"), exist_ok=True)
    members = ["m%03d" % i for i in range(1, n + 1)]
    manifest = [
        "# Projet généré par bench/gen_letters.py (N=%d) : ne pas éditer." % n,
        "id: bench-letters",
        "title: Conseil territorial de santé de démonstration (banc d'essai)",
        "kind: cts",
        "lang: fr",
        "organisation:",
        "  name: Conseil territorial de santé de démonstration",
        "  address: 3 boulevard Joffre, 54000 Nancy",
        "  city: Nancy",
        "  email: cts.secretariat@example.org",
        '  phone: "03 83 00 00 00"',
        "period: {start: 2026-01-01, end: 2030-12-31}",
        "axes:",
        "  - id: ax",
        "    title: Axe unique",
        "    objectives:",
        "      - {id: ax.ob, title: Objectif unique}",
        "bodies:",
        "  - id: pleniere",
        "    title: Assemblée plénière du conseil territorial de santé",
        "    members:",
    ] + ["      - %s" % m for m in members] + [
        "    chair: m001",
        "    quorum: 1/2",
        "    notice_days: 15",
        "    proxies: 1",
    ]
    with open(os.path.join(out, "cls.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")
    actors = []
    for i, m in enumerate(members):
        civ = "Mme" if i % 2 == 0 else "M."
        name = "%s %s" % (FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)])
        actors += ["- id: %s" % m, "  name: %s" % name, "  civility: %s" % civ,
                   "  role: Représentant%s du collège %d" % ("e" if civ == "mme" else "", 1 + i % 4),
                   "  address: %d rue de la République, %s" % (1 + i, TOWNS[i % len(TOWNS)])]
        if i % 2 == 1:
            actors.append("  substitute: s%03d" % (i + 1))
    for i in range(1, n + 1, 2):
        actors += ["- id: s%03d" % (i + 1), "  name: Suppléant %d" % (i + 1), "  civility: M."]
    with open(os.path.join(out, "actors", "membres.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(actors) + "\n")
    meeting = [
        "id: pleniere-2027-03-16", "body: pleniere", "date: 2027-03-16", "start: '14:00'", "end: '17:00'",
        "place: Hôtel du Département, 48 esplanade Jacques-Baudot, 54000 Nancy",
        "convocation:", "  date: 2027-02-15",
        "agenda:",
        "  - {title: Approbation du compte rendu de la séance précédente, kind: decision, duration: 10}",
        "  - {title: Projet territorial de santé mentale, kind: discussion, duration: 60}",
        "  - {title: Avis sur le projet régional de santé, kind: decision, duration: 60}",
        "  - {title: Questions diverses, kind: information, duration: 20}",
    ]
    with open(os.path.join(out, "meetings", "pleniere-2027-03-16.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(meeting) + "\n")
    print("pleniere-2027-03-16")


if __name__ == "__main__":
    main(sys.argv)
