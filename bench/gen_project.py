#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Deterministic generator of a valid `cls` project for benchmarks (SPEC §1, §2).

    gen_project.py N OUTDIR [--small|--large] [--seed S] [--force]

Writes OUTDIR/cls.yaml, OUTDIR/actors/*.yaml (lists), OUTDIR/actions/*.yaml (one
fiche action per file, 1-2 KB each), OUTDIR/meetings/*.yaml (one meeting per file)
and OUTDIR/bench-meta.json (counts, bytes, and the id of a meeting to render with
`cls minutes`; not a YAML file, so `cls` ignores it).

The project is valid per SPEC §2 with `--today 2026-11-25`: no error and no
warning. Python standard library only; the output depends only on N, the layout
and the seed (own PRNG, no clock, no hash randomisation), so two runs give
byte-identical trees.

Layout: `--large` (default for N >= 1000) writes N/10 actors in files of 100 and
N/100 meetings; `--small` (default for N < 1000) is the "few dozen files" case: at
least 40 actors in files of 10 and at least 8 meetings (N=20 gives 35 files).
"""

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import unicodedata

TODAY = dt.date(2026, 11, 25)
PERIOD_START = dt.date(2023, 1, 1)
PERIOD_END = dt.date(2027, 12, 31)
GENERATOR_VERSION = 1


# --------------------------------------------------------------------------- PRNG
class Rng:
    """splitmix64: tiny, fast, identical on every Python version."""

    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.s = seed & self.MASK

    def next64(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & self.MASK
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next64() % n

    def between(self, lo, hi):  # inclusive
        return lo + self.below(hi - lo + 1)

    def chance(self, p):
        return self.next64() < p * (1 << 64)

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def sample(self, seq, k):
        pool = list(seq)
        out = []
        for _ in range(min(k, len(pool))):
            out.append(pool.pop(self.below(len(pool))))
        return out

    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        r = self.below(total)
        for v, w in pairs:
            if r < w:
                return v
            r -= w
        return pairs[-1][0]

    def fork(self, salt):
        return Rng(self.next64() ^ (salt * 0x2545F4914F6CDD1D))


# --------------------------------------------------------------------------- YAML
_RESERVED = {
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "",
}


def _looks_typed(s):
    low = s.lower()
    if low in _RESERVED:
        return True
    c = s[0]
    if c.isdigit() or c in "+-.":
        return True  # numbers, dates, times, "-" and ".inf" stay quoted
    return False


def q(s, flow=False):
    """A YAML scalar for a string: plain when unambiguous, else double-quoted."""
    s = str(s)
    plain = (
        not _looks_typed(s)
        and s[0] not in "-?:,[]{}#&*!|>'\"%@`"
        and ": " not in s
        and " #" not in s
        and not s.endswith(":")
        and not s.endswith(" ")
        and "\n" not in s
        and "\t" not in s
        and not (flow and any(ch in s for ch in ",[]{}"))
    )
    if plain:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow_list(ids):
    return "[" + ", ".join(q(i, flow=True) for i in ids) + "]"


def block(text, indent):
    pad = " " * indent
    return "|\n" + "\n".join((pad + line) if line else "" for line in text.split("\n")) + "\n"


def money(cents):
    if cents % 100 == 0:
        return str(cents // 100)
    return "%d.%02d" % (cents // 100, cents % 100)


def num(v):
    if isinstance(v, int):
        return str(v)
    s = ("%.1f" % v)
    return s[:-2] if s.endswith(".0") else s


def ascii_slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    out = []
    for ch in s.lower():
        out.append(ch if ch.isalnum() else "-")
    slug = "".join(out)
    while "--" in slug:
        slug = slug.replace("--", "-")
    return slug.strip("-")


def d(x):
    return x.isoformat()


def hhmm(minutes):
    return '"%02d:%02d"' % (minutes // 60, minutes % 60)


# --------------------------------------------------------------------------- vocabulary
SURNAMES = [
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
    "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David",
    "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
    "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc",
    "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
    "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
    "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire",
    "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly",
]
FIRST_F = ["Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Anne",
           "Christine", "Sophie", "Élodie", "Camille", "Léa", "Chloé", "Inès", "Hélène"]
FIRST_M = ["Jean", "Philippe", "Michel", "Alain", "Patrick", "Nicolas", "Christophe",
           "Pierre", "Éric", "Julien", "Thomas", "Hugo", "Lucas", "Mathis", "Rémi"]
ROLES = [
    "Présidente du pays", "Maire", "Adjoint au maire chargé de la santé",
    "Médecin généraliste", "Infirmière coordinatrice", "Directrice du CCAS",
    "Chargé de mission santé", "Pharmacien", "Représentante des usagers",
    "Directeur d'établissement", "Cadre de santé", "Conseillère départementale",
    "Coordinatrice de la CPTS", "Délégué territorial", "Sage-femme libérale",
]
COLLEGES = [
    "Collège des professionnels de santé", "Collège des usagers",
    "Collège des collectivités territoriales", "Collège des offreurs de services",
    "Collège des partenaires institutionnels",
]
ORG_KINDS = [
    ("ars", "ARS Grand Est – Délégation territoriale"),
    ("cpam", "Caisse primaire d'assurance maladie"),
    ("ccas", "Centre communal d'action sociale"),
    ("cpts", "Communauté professionnelle territoriale de santé"),
    ("ch", "Centre hospitalier"),
    ("cc", "Communauté de communes"),
    ("mairie", "Mairie"),
    ("pmi", "Protection maternelle et infantile"),
    ("asso", "Association"),
    ("msp", "Maison de santé pluriprofessionnelle"),
    ("mda", "Maison des adolescents"),
    ("caf", "Caisse d'allocations familiales"),
]
TOWNS = [
    "Toul", "Colombey-les-Belles", "Vézelise", "Neuves-Maisons", "Pont-Saint-Vincent",
    "Lunéville", "Pont-à-Mousson", "Briey", "Longwy", "Nancy", "Vandœuvre-lès-Nancy",
    "Saint-Nicolas-de-Port", "Dombasle-sur-Meurthe", "Blâmont", "Baccarat", "Jarny",
]
STREETS = ["rue de la Colombe", "place de la Mairie", "avenue du Général-Leclerc",
           "rue Jeanne-d'Arc", "rue de la République", "boulevard Foch", "rue Pasteur",
           "quai de la Moselle", "rue des Écoles", "chemin des Vignes"]

AXES = [
    ("prevention", "PREV", "Prévention et promotion de la santé", [
        ("ecrans", "Réduire l'exposition aux écrans des jeunes enfants"),
        ("nutrition", "Promouvoir une alimentation équilibrée et l'activité physique"),
        ("addictions", "Prévenir les conduites addictives chez les jeunes"),
        ("vaccination", "Améliorer la couverture vaccinale"),
        ("depistage", "Augmenter la participation aux dépistages organisés"),
    ]),
    ("acces", "ACCES", "Accès aux soins et aux droits", [
        ("installation", "Favoriser l'installation de professionnels de santé"),
        ("droits", "Faciliter l'ouverture des droits à l'assurance maladie"),
        ("mobilite", "Lever les freins de mobilité vers les lieux de soins"),
        ("teleconsultation", "Déployer la télésanté dans les territoires ruraux"),
    ]),
    ("sante-mentale", "SM", "Santé mentale", [
        ("psycho", "Développer les premiers secours en santé mentale"),
        ("adolescents", "Repérer et accompagner la souffrance psychique des adolescents"),
        ("isolement", "Rompre l'isolement des personnes âgées"),
    ]),
    ("parcours", "PARC", "Parcours de santé et coordination", [
        ("cancer", "Coordonner le parcours des patients atteints de cancer"),
        ("chroniques", "Accompagner les patients atteints de maladies chroniques"),
        ("sortie", "Sécuriser la sortie d'hospitalisation"),
        ("handicap", "Améliorer l'accès aux soins des personnes en situation de handicap"),
    ]),
    ("environnement", "ENV", "Santé environnementale", [
        ("habitat", "Lutter contre l'habitat indigne et le saturnisme"),
        ("air", "Améliorer la qualité de l'air intérieur"),
        ("eau", "Sensibiliser à la qualité de l'eau et aux perturbateurs endocriniens"),
    ]),
    ("autonomie", "AUTO", "Vieillissement et autonomie", [
        ("chutes", "Prévenir les chutes des personnes âgées"),
        ("aidants", "Soutenir les proches aidants"),
        ("domicile", "Favoriser le maintien à domicile"),
    ]),
]

ACTION_VERBS = ["Organiser", "Déployer", "Structurer", "Renforcer", "Expérimenter",
                "Développer", "Coordonner", "Former", "Mettre en place", "Animer"]
ACTION_OBJECTS = [
    "des ateliers parents-enfants", "un réseau de référents", "des permanences mobiles",
    "une campagne d'information", "des actions de repérage précoce",
    "un programme d'éducation thérapeutique", "des séances d'activité physique adaptée",
    "une formation des professionnels", "un guichet unique", "des consultations avancées",
    "un annuaire partagé des ressources", "des groupes de parole",
]
ACTION_PLACES = ["en milieu scolaire", "dans les quartiers prioritaires",
                 "en zone rurale", "auprès des familles", "dans les EHPAD",
                 "sur l'ensemble du territoire", "avec les communes volontaires",
                 "dans les maisons de santé"]
PUBLICS = ["Parents d'enfants de 0 à 6 ans", "Jeunes de 12 à 25 ans",
           "Personnes âgées de plus de 75 ans", "Professionnels de santé libéraux",
           "Habitants des quartiers prioritaires", "Personnes en situation de précarité",
           "Aidants familiaux", "Élus et agents des collectivités",
           "Personnes en situation de handicap", "Tout public"]
SENTENCES = [
    "Le diagnostic local de santé a montré un besoin fort sur ce sujet, en particulier dans les communes les plus éloignées des lieux de soins.",
    "L'action s'appuie sur les partenaires déjà mobilisés et sur les dispositifs existants, afin d'éviter les doublons.",
    "Un comité technique réunit les partenaires chaque trimestre pour suivre l'avancement et ajuster le calendrier.",
    "Les professionnels de premier recours sont associés dès la conception, de même que les représentants des usagers.",
    "La démarche privilégie l'aller-vers et la médiation en santé auprès des publics les plus éloignés du système de soins.",
    "Les supports de communication sont conçus en langage clair et traduits lorsque c'est nécessaire.",
    "Une évaluation intermédiaire est prévue à mi-parcours, puis une évaluation finale présentée en comité de pilotage.",
    "Le financement est assuré par les partenaires du contrat, selon la répartition précisée ci-dessous.",
    "Les données de suivi sont consolidées par la coordinatrice du contrat local de santé.",
    "Les communes mettent à disposition des salles et relaient l'information auprès des habitants.",
]
BULLETS = [
    "recenser les ressources existantes sur le territoire",
    "constituer un groupe de travail pluriprofessionnel",
    "former les intervenants (2 jours, session **inter-structures**)",
    "organiser les séances dans au moins trois communes",
    "diffuser un *kit de communication* aux partenaires",
    "évaluer la satisfaction des participants",
    "présenter le bilan en comité de pilotage",
    "capitaliser la démarche dans une fiche d'expérience",
]
INDICATORS = [
    ("ateliers", "Ateliers organisés", "process", "ateliers"),
    ("participants", "Participants touchés", "result", "personnes"),
    ("professionnels", "Professionnels formés", "process", "professionnels"),
    ("communes", "Communes couvertes", "process", "communes"),
    ("taux", "Taux de participation", "result", "%"),
    ("satisfaction", "Participants satisfaits", "result", "%"),
    ("partenaires", "Partenaires engagés", "process", "structures"),
    ("orientations", "Orientations vers le soin", "result", "orientations"),
    ("delai", "Délai moyen d'accès à un rendez-vous", "result", "jours"),
]
READING_NOTES = ["deux séances annulées", "données provisoires", "hors période estivale",
                 "chiffre consolidé par la CPAM", "estimation, à confirmer"]
AGENDA_TITLES = [
    "Point d'étape sur le plan d'action", "Bilan des actions de prévention",
    "Présentation du tableau de bord", "Programmation des financements",
    "Retour sur le diagnostic local de santé", "Questions diverses",
    "Calendrier des prochaines réunions", "Avenant au contrat local de santé",
    "Présentation d'une action par son porteur", "Évaluation à mi-parcours",
]
DECISIONS = [
    "Le plan d'action est validé dans sa version présentée en séance.",
    "La programmation financière de l'année est approuvée.",
    "Le comité valide la création d'un groupe de travail dédié.",
    "L'avenant au contrat est approuvé.",
    "Le calendrier des réunions est adopté.",
    "La proposition de report de l'action est acceptée.",
]
SUMMARIES = [
    "La coordinatrice présente l'avancement des actions. Les échanges portent sur la mobilisation des **professionnels libéraux** et sur le calendrier.",
    "Les porteurs rappellent les difficultés rencontrées : recrutement, disponibilité des salles, communication auprès des habitants.",
    "Le tableau de bord est commenté indicateur par indicateur ; plusieurs partenaires demandent un suivi trimestriel.",
    "Les membres saluent la dynamique engagée et proposent d'étendre la démarche à deux nouvelles communes.",
]
TASKS = [
    "Transmettre le bilan à l'ARS", "Envoyer le compte rendu aux membres",
    "Préparer la fiche action révisée", "Organiser une réunion technique",
    "Mettre à jour le tableau de bord", "Solliciter les communes volontaires",
]
BODY_KINDS = [
    ("copil", "Comité de pilotage"),
    ("cotech", "Comité technique"),
    ("pleniere", "Assemblée plénière"),
    ("bureau", "Bureau"),
    ("commission", "Commission spécialisée"),
]


# --------------------------------------------------------------------------- model
def add_days(x, n):
    return x + dt.timedelta(days=n)


def weekday_on_or_after(x):
    while x.weekday() >= 5:
        x = add_days(x, 1)
    return x


def rand_date(r, lo, hi):
    return add_days(lo, r.below((hi - lo).days + 1))


class Project:
    def __init__(self, n, small, seed):
        self.n = n
        self.small = small
        self.r = Rng(seed)
        self.files = {}  # relative path -> text

    # ------------------------------------------------------------------ actors
    def make_actors(self):
        r = self.r.fork(1)
        n_actors = max(self.n // 10, 40)
        self.per_file = 10 if self.small else 100
        n_orgs = max(10, n_actors // 4)
        n_persons = n_actors - n_orgs
        self.orgs = []
        for i in range(n_orgs):
            prefix, label = ORG_KINDS[i % len(ORG_KINDS)]
            town = TOWNS[(i // len(ORG_KINDS)) % len(TOWNS)]
            oid = "%s-%s-%04d" % (prefix, ascii_slug(town), i)
            self.orgs.append({
                "id": oid, "name": "%s de %s" % (label, town) if prefix not in ("ars",)
                else "%s (%s)" % (label, town),
                "email": "contact@%s.example.org" % oid, "town": town,
                "phone": "03 83 %02d %02d %02d" % (r.below(100), r.below(100), r.below(100)),
                "address": "%d %s, %05d %s" % (r.between(1, 120), r.pick(STREETS),
                                               54000 + r.below(999), town),
            })
        self.persons = []
        used = set()
        for i in range(n_persons):
            fem = r.chance(0.55)
            first = r.pick(FIRST_F if fem else FIRST_M)
            last = SURNAMES[i % len(SURNAMES)]
            pid = "%s.%s-%04d" % (ascii_slug(first)[0], ascii_slug(last), i)
            assert pid not in used
            used.add(pid)
            civ = "Mme" if fem else "M."
            if r.chance(0.05):
                civ = None
            self.persons.append({
                "id": pid, "name": "%s %s" % (first, last), "civility": civ,
                "role": r.pick(ROLES), "organisation": self.orgs[r.below(n_orgs)]["id"],
                "email": "%s@example.org" % pid,
                "phone": "06 %02d %02d %02d %02d" % (r.below(100), r.below(100),
                                                     r.below(100), r.below(100)),
                "address": ("%d %s, %05d %s" % (r.between(1, 80), r.pick(STREETS),
                                                54000 + r.below(999), r.pick(TOWNS))
                            if r.chance(0.5) else None),
                "college": None, "substitute": None, "mandate": None,
            })
        # Pools: titulaires (body members), suppléants (never members), others.
        n_tit = max(18, (n_persons * 3) // 10)
        n_sub = n_tit // 2
        self.titulaires = self.persons[:n_tit]
        self.substitutes = self.persons[n_tit:n_tit + n_sub]
        self.others = self.persons[n_tit + n_sub:]
        self.sub_of = {}
        for j, s in enumerate(self.substitutes):
            t = self.titulaires[j * 2]  # every other titulaire has a suppléant
            t["substitute"] = s["id"]
            self.sub_of[t["id"]] = s["id"]
        for j, t in enumerate(self.titulaires):
            t["college"] = COLLEGES[j % len(COLLEGES)]
            if j % 3 == 0:  # mandate ends after the last possible meeting
                t["mandate"] = ("2022-01-01", "2028-12-31")
        self.actor_ids = [a["id"] for a in self.orgs] + [p["id"] for p in self.persons]

    def write_actors(self):
        def org_yaml(o, first):
            lines = ["- id: %s" % o["id"], "  kind: organisation", "  name: %s" % q(o["name"]),
                     "  email: %s" % o["email"], '  phone: "%s"' % o["phone"],
                     "  address: %s" % q(o["address"])]
            return "\n".join(lines) + "\n"

        def person_yaml(p, first):
            lines = ["- id: %s" % p["id"], "  name: %s" % q(p["name"])]
            if p["civility"]:
                lines.append("  civility: %s" % q(p["civility"]))
            lines += ["  role: %s" % q(p["role"]), "  organisation: %s" % p["organisation"],
                      "  email: %s" % p["email"], '  phone: "%s"' % p["phone"]]
            if p["address"]:
                lines.append("  address: %s" % q(p["address"]))
            if p["college"]:
                lines.append("  college: %s" % q(p["college"]))
            if p["substitute"]:
                lines.append("  substitute: %s" % p["substitute"])
            if p["mandate"]:
                lines.append("  mandate: {start: %s, end: %s}" % p["mandate"])
            return "\n".join(lines) + "\n"

        k = self.per_file
        for name, items, fn in (("organisations", self.orgs, org_yaml),
                                ("personnes", self.persons, person_yaml)):
            for f in range(0, len(items), k):
                chunk = items[f:f + k]
                head = "# %s %d-%d\n" % (name, f + 1, f + len(chunk))
                self.files["actors/%s-%03d.yaml" % (name, f // k + 1)] = \
                    head + "".join(fn(a, i == 0) for i, a in enumerate(chunk))

    # ------------------------------------------------------------------ manifest
    def make_bodies(self):
        r = self.r.fork(2)
        n_bodies = 3 if self.small else min(24, 4 + self.n // 5000)
        self.bodies = []
        T = len(self.titulaires)
        pos = 0
        for b in range(n_bodies):
            kind, title = BODY_KINDS[b % len(BODY_KINDS)]
            bid = kind if b < len(BODY_KINDS) else "%s-%d" % (kind, b // len(BODY_KINDS) + 1)
            size = min(T, 8 if self.small else r.between(12, 40))
            members = [self.titulaires[(pos + j) % T]["id"] for j in range(size)]
            pos += size
            self.bodies.append({
                "id": bid,
                "title": title if b < len(BODY_KINDS) else "%s n° %d" % (title, b // len(BODY_KINDS) + 1),
                "members": members,
                "chair": members[0],
                "quorum": ["1/2", "50%"][b % 2],
                "notice_days": [10, 5, 15, None][b % 4],
                "proxies": [None, 1, 2][b % 3],
            })

    def write_manifest(self):
        out = ["# Projet généré par bench/gen_project.py (N=%d) : ne pas éditer." % self.n,
               "id: bench-cls",
               "title: Contrat local de santé de démonstration (banc d'essai)",
               "kind: cls",
               "lang: fr",
               "organisation:",
               "  name: Pays Terres de Lorraine",
               "  address: 2 rue de la Colombe, 54170 Colombey-les-Belles",
               "  city: Colombey-les-Belles",
               "  email: contact@terresdelorraine.example.org",
               '  phone: "03 83 00 00 00"',
               "territory: Terres de Lorraine, 4 communautés de communes, 100 000 habitants",
               "period: {start: %s, end: %s}" % (d(PERIOD_START), d(PERIOD_END)),
               "axes:"]
        for aid, _, title, objs in AXES:
            out += ["  - id: %s" % aid, "    title: %s" % q(title), "    objectives:"]
            for i, (oid, otitle) in enumerate(objs):
                out += ["      - id: %s.%s" % (aid, oid), "        title: %s" % q(otitle)]
                if i % 2 == 1:
                    out.append("        weight: %d" % (1 + i % 3))
        out.append("bodies:")
        for b in self.bodies:
            out += ["  - id: %s" % b["id"], "    title: %s" % q(b["title"])]
            out.append("    members:")
            out += ["      - %s" % m for m in b["members"]]
            out.append("    chair: %s" % b["chair"])
            out.append("    quorum: %s" % b["quorum"])
            if b["notice_days"] is not None:
                out.append("    notice_days: %d" % b["notice_days"])
            if b["proxies"] is not None:
                out.append("    proxies: %d" % b["proxies"])
        self.files["cls.yaml"] = "\n".join(out) + "\n"

    # ------------------------------------------------------------------ actions
    def make_actions(self):
        self.objectives = []
        for aid, prefix, _, objs in AXES:
            for oid, _ in objs:
                self.objectives.append(("%s.%s" % (aid, oid), prefix))
        width = max(5, len(str(self.n)))
        self.actions = []  # (id, lead)
        for i in range(self.n):
            obj, prefix = self.objectives[i % len(self.objectives)]
            self.actions.append(("%s-%0*d" % (prefix, width, i + 1), obj))

    def write_action(self, i):
        r = self.r.fork(1000 + i)
        aid, obj = self.actions[i]
        status = r.weighted([("planned", 15), ("in-progress", 50), ("done", 20),
                             ("suspended", 8), ("abandoned", 7)])
        start = rand_date(r, PERIOD_START, dt.date(2026, 5, 31))
        if status in ("done", "abandoned") and r.chance(0.8):
            # May be in the past: not late, since done or abandoned.
            due = rand_date(r, add_days(start, 120), dt.date(2027, 6, 30))
        else:
            due = rand_date(r, dt.date(2027, 1, 1), dt.date(2027, 12, 31))
        lead = r.pick(self.orgs)["id"] if r.chance(0.7) else r.pick(self.persons)["id"]
        partners = []
        for a in r.sample(range(len(self.actor_ids)), r.between(0, 4)):
            if self.actor_ids[a] != lead:
                partners.append(self.actor_ids[a])
        planned = r.between(20, 2000) * 10000  # cents
        spent = planned * r.between(0, 100) // 100 + r.below(100) * (status != "planned")
        spent = min(spent, planned)
        n_fund = r.between(1, 3)
        funders = r.sample(self.orgs, n_fund)
        shares, left = [], planned
        for k in range(n_fund - 1):
            part = (left * r.between(20, 60) // 100) // 100 * 100
            shares.append(part)
            left -= part
        shares.append(left)

        title = "%s %s %s" % (r.pick(ACTION_VERBS), r.pick(ACTION_OBJECTS), r.pick(ACTION_PLACES))
        o = ["id: %s" % aid,
             "title: %s" % q(title),
             "objective: %s" % obj,
             "status: %s" % status,
             "lead: %s" % lead,
             "partners: %s" % flow_list(partners),
             "start: %s" % d(start),
             "due: %s" % d(due)]
        if r.chance(0.3):
            o.append("weight: %d" % r.between(1, 3))
        o.append("public: %s" % q(r.pick(PUBLICS)))
        o += ["budget:", "  planned: %s" % money(planned), "  spent: %s" % money(spent),
              "  funding:"]
        for f, s in zip(funders, shares):
            o.append("    - {funder: %s, amount: %s}" % (f["id"], money(s)))

        desc = ["## Contexte", "", " ".join(r.sample(SENTENCES, r.between(1, 2))), "",
                "## Étapes", ""]
        desc += ["- %s" % b for b in r.sample(BULLETS, r.between(2, 4))]
        desc += ["", r.pick(SENTENCES)]
        if r.chance(0.3):
            desc += ["", "Voir la [fiche de synthèse](https://example.org/cls/%s)." % aid.lower()]
        desc_at = len(o)
        o.append("description: " + block("\n".join(desc), 2).rstrip("\n"))

        o.append("indicators:")
        last_reading = min(due, add_days(TODAY, -5))
        for ind in r.sample(INDICATORS, r.between(2, 3)):
            iid, label, typ, unit = ind
            if unit == "%":
                baseline = r.between(10, 50)
                target = baseline + r.between(10, 40)
            elif iid == "delai":
                baseline = r.between(20, 60)
                target = baseline - r.between(5, 15)  # a decrease to reach
            else:
                baseline = 0 if r.chance(0.7) else r.between(1, 20)
                target = baseline + r.between(5, 200)
            accumulate = unit not in ("%", "jours") and r.chance(0.4)
            o += ["  - id: %s" % iid, "    label: %s" % q(label), "    type: %s" % typ,
                  "    unit: %s" % q(unit)]
            if baseline != 0 or r.chance(0.5):
                o.append("    baseline: %d" % baseline)
            o.append("    target: %d" % target)
            o.append("    accumulate: %s" % ("true" if accumulate else "false"))
            if r.chance(0.2):
                o.append("    weight: %d" % r.between(1, 3))
            o.append("    values:")
            n_val = r.between(2, 5)
            span = (last_reading - start).days
            dates = set()
            while len(dates) < n_val:
                dates.add(add_days(start, r.below(span + 1)))
            dates = sorted(dates)
            level = baseline
            for k, x in enumerate(dates):
                step = (target - baseline) * r.between(5, 30) / 100.0
                if unit == "%":
                    step = round(step, 1)
                else:
                    step = int(round(step)) or (1 if target > baseline else -1)
                if accumulate:
                    val = abs(step)
                else:
                    level = level + step
                    val = level
                note = (", note: %s" % q(r.pick(READING_NOTES), flow=True)
                        if r.chance(0.1) else "")
                o.append("      - {date: %s, value: %s%s}" % (d(x), num(val), note))
        # Keep every file within 1-2 KB: shorten the description of the longest ones.
        while len(("\n".join(o) + "\n").encode()) > 2000 and len(desc) > 7:
            desc.pop()
            if desc[-1] == "":
                desc.pop()
            o[desc_at] = "description: " + block("\n".join(desc), 2).rstrip("\n")
        self.files["actions/%s.yaml" % aid] = "\n".join(o) + "\n"

    # ------------------------------------------------------------------ meetings
    def make_meetings(self):
        n_meet = max(8, self.n // 100) if self.small else max(len(self.bodies), self.n // 100)
        per_body = [n_meet // len(self.bodies)] * len(self.bodies)
        for b in range(n_meet % len(self.bodies)):
            per_body[b] += 1
        self.meetings = []
        lo, hi = dt.date(2023, 2, 1), dt.date(2027, 11, 30)
        span = (hi - lo).days
        for b, body in enumerate(self.bodies):
            m = per_body[b]
            used = set()
            for k in range(m):
                x = add_days(lo, (span * (2 * k + 1)) // (2 * m) + (b * 3) % 7)
                x = weekday_on_or_after(x)
                if x == TODAY:
                    x = add_days(x, 1)
                while x in used or x.weekday() >= 5 or x == TODAY:
                    x = add_days(x, 1)
                used.add(x)
                self.meetings.append((body, k, x))
        self.meetings.sort(key=lambda t: (t[2], t[0]["id"]))

    def write_meeting(self, idx):
        body, k, date = self.meetings[idx]
        r = self.r.fork(5_000_000 + idx)
        held = date < TODAY
        mid = "%s-%s" % (body["id"], d(date))
        members = body["members"]
        start_min = r.pick([9 * 60, 9 * 60 + 30, 14 * 60, 14 * 60 + 30, 18 * 60])
        length = r.pick([120, 150, 180])
        o = ["id: %s" % mid, "body: %s" % body["id"]]
        if r.chance(0.5):
            o.append("title: %s" % q("%s n° %d" % (body["title"], k + 1)))
        o += ["date: %s" % d(date), "start: %s" % hhmm(start_min),
              "end: %s" % hhmm(start_min + length),
              "place: %s" % q("Salle du conseil, %d %s, %s" % (
                  r.between(1, 40), r.pick(STREETS), r.pick(TOWNS)))]
        if r.chance(0.4):
            o.append("online: https://visio.example.org/%s" % mid)
        member_set = set(members)
        guest_pool = [a for a in self.orgs]
        guests = [g["id"] for g in r.sample(guest_pool, r.between(0, 3))]
        if guests:
            o.append("guests: %s" % flow_list(guests))
        notice = body["notice_days"] or 0
        conv = add_days(date, -(notice + r.between(2, 8)))
        o += ["convocation:", "  date: %s" % d(conv)]
        if r.chance(0.5):
            o.append("  signatory: %s" % body["chair"])

        # Attendance (held meetings only). A member's state depends on
        # (i + 3k) mod 10, so nobody is absent with no word twice in a row.
        present, excused, proxies, substituted = [], [], {}, []
        if held:
            holders_used = {}
            limit = body["proxies"] if body["proxies"] is not None else 1
            states = {}
            for i, m in enumerate(members):
                s = (i + 3 * k) % 10
                states[m] = s
            for i, m in enumerate(members):
                s = states[m]
                if s == 0:
                    continue  # absent with no word
                if s == 2:
                    excused.append(m)
                elif s == 3 and m in self.sub_of:
                    substituted.append(m)
                elif s != 1:
                    present.append(m)
            for i, m in enumerate(members):
                if states[m] != 1:
                    continue
                holder = None
                for h in present:
                    if holders_used.get(h, 0) < min(limit, 1):
                        holder = h
                        break
                if holder is None:
                    excused.append(m)
                else:
                    holders_used[holder] = holders_used.get(holder, 0) + 1
                    proxies[m] = holder
            pres_or_rep = len(present) + len(substituted) + len(proxies)
            assert 2 * pres_or_rep >= len(members), (mid, pres_or_rep, len(members))
            attending_guests = [g for g in guests if r.chance(0.6)]

        # Agenda: durations add up to at most the meeting's length.
        n_items = r.between(3, 6)
        budget_min = length - 10
        o.append("agenda:")
        first_action = (idx * 7) % len(self.actions)
        for it in range(n_items):
            if it == 0:
                title, kind = "Approbation du compte rendu de la séance précédente", "decision"
            else:
                title = r.pick(AGENDA_TITLES)
                kind = r.weighted([("information", 3), ("discussion", 3), ("decision", 3)])
            dur = min(r.pick([10, 15, 20, 30]), budget_min // (n_items - it))
            budget_min -= dur
            o.append("  - title: %s" % q(title))
            if kind != "information" or r.chance(0.5):
                o.append("    kind: %s" % kind)
            linked = []
            if it > 0 and r.chance(0.8):
                for j in range(r.between(1, 3)):
                    a = self.actions[(first_action + it * 3 + j) % len(self.actions)][0]
                    if a not in linked:
                        linked.append(a)
            presenter = r.pick(members)
            o.append("    presenter: %s" % presenter)
            o.append("    duration: %d" % dur)
            if linked:
                o.append("    actions: %s" % flow_list(linked))
            if r.chance(0.3):
                o.append("    notes: %s" % q("Documents joints à la convocation."))
            if not held:
                continue
            o.append("    summary: " + block(r.pick(SUMMARIES), 6).rstrip("\n"))
            if kind == "decision":
                o.append("    decisions:")
                for _ in range(1 if it == 0 else r.between(1, 2)):
                    text = ("Le compte rendu de la séance précédente est approuvé."
                            if it == 0 else r.pick(DECISIONS))
                    o.append("      - text: %s" % q(text))
                    mode = r.weighted([("unanimous", 4), ("split", 4), ("rejected", 1),
                                       ("tie", 1), ("none", 2)])
                    if mode == "none":
                        continue
                    voters = pres_or_rep - r.between(0, min(2, pres_or_rep))
                    if mode == "unanimous":
                        vf, va, vb = pres_or_rep, 0, 0
                        outcome = None
                    elif mode == "split":
                        va = r.between(0, voters // 4)
                        vb = r.between(0, voters // 4)
                        vf = voters - va - vb
                        outcome = "adopted" if r.chance(0.3) else None
                    elif mode == "rejected":
                        vf = r.between(0, voters // 4)
                        vb = r.between(0, voters // 8)
                        va = voters - vf - vb
                        outcome = "rejected" if r.chance(0.5) else None
                    else:  # tie: the chair's casting vote, when the chair sat (SPEC §8.2)
                        vf = va = voters // 2
                        vb = voters - 2 * vf
                        outcome = "adopted"
                        if body["chair"] not in present:  # no casting vote: one more for
                            if va > 0:
                                va -= 1
                                vf += 1
                            elif vb > 0:
                                vb -= 1
                                vf += 1
                            outcome = None
                    assert vf + va + vb <= pres_or_rep
                    if mode != "tie":
                        assert (vf > va) == (mode != "rejected") and vf != va
                    o.append("        vote: {for: %d, against: %d, abstain: %d}" % (vf, va, vb))
                    if outcome:
                        o.append("        outcome: %s" % outcome)
            if r.chance(0.5):
                o.append("    followups:")
                for _ in range(r.between(1, 2)):
                    due = add_days(date, r.between(15, 120))
                    o += ["      - task: %s" % q(r.pick(TASKS)),
                          "        owner: %s" % r.pick(members + guests),
                          "        due: %s" % d(due)]
                    done = add_days(due, -r.between(0, 10))
                    if done <= add_days(TODAY, -1) and r.chance(0.7):
                        o.append("        done: %s" % d(max(done, date)))
        if held:
            o.append("attendance:")
            o.append("  present: %s" % flow_list(
                present + [self.sub_of[m] for m in substituted] + attending_guests))
            o.append("  excused: %s" % flow_list(excused))
            if proxies:
                o.append("  proxies: {%s}" % ", ".join("%s: %s" % (a, h) for a, h in proxies.items()))
        self.files["meetings/%s.yaml" % mid] = "\n".join(o) + "\n"
        return mid, held, len(members), n_items

    # ------------------------------------------------------------------ all
    def generate(self):
        self.make_actors()
        self.make_bodies()
        self.make_actions()
        self.make_meetings()
        self.write_manifest()
        self.write_actors()
        for i in range(self.n):
            self.write_action(i)
        best = None
        for idx in range(len(self.meetings)):
            mid, held, size, items = self.write_meeting(idx)
            if held:  # the latest held meeting of the largest body
                key = (size, d(self.meetings[idx][2]), mid)
                if best is None or key > best:
                    best = key
        self.minutes_meeting = best[2] if best else None


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of actions")
    ap.add_argument("outdir")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--small", action="store_true",
                   help="few-dozen-files layout (default when N < 1000)")
    g.add_argument("--large", action="store_true",
                   help="benchmark layout: N/10 actors by 100 a file, N/100 meetings")
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--force", action="store_true", help="replace OUTDIR if it exists")
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("N must be at least 1")
    small = a.small or (not a.large and a.n < 1000)
    if os.path.exists(a.outdir):
        if not a.force:
            ap.error("%s exists (use --force to replace it)" % a.outdir)
        if not os.path.exists(os.path.join(a.outdir, "bench-meta.json")):
            ap.error("%s exists and was not made by this generator; not replacing it" % a.outdir)
        shutil.rmtree(a.outdir)
    p = Project(a.n, small, a.seed)
    p.generate()
    tmp = a.outdir.rstrip("/") + ".tmp-gen"
    if os.path.exists(tmp):
        shutil.rmtree(tmp)
    total = 0
    for rel in sorted(p.files):
        path = os.path.join(tmp, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = p.files[rel].encode("utf-8")
        total += len(data)
        with open(path, "wb") as f:
            f.write(data)
    kinds = {}
    for rel in p.files:
        kinds[rel.split("/")[0] if "/" in rel else rel] = kinds.get(
            rel.split("/")[0] if "/" in rel else rel, 0) + 1
    meta = {
        "generator_version": GENERATOR_VERSION, "n": a.n, "seed": a.seed,
        "layout": "small" if small else "large", "today": d(TODAY),
        "files": len(p.files), "files_by_dir": dict(sorted(kinds.items())),
        "yaml_bytes": total, "actors": len(p.actor_ids), "actions": a.n,
        "meetings": len(p.meetings), "bodies": len(p.bodies),
        "minutes_meeting": p.minutes_meeting,
    }
    with open(os.path.join(tmp, "bench-meta.json"), "w") as f:
        json.dump(meta, f, indent=2, sort_keys=True)
        f.write("\n")
    os.rename(tmp, a.outdir)
    print("%s: %d files, %.1f MB, %d actions, %d actors, %d meetings (minutes: %s)" % (
        a.outdir, len(p.files), total / 1e6, a.n, len(p.actor_ids), len(p.meetings),
        p.minutes_meeting))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
