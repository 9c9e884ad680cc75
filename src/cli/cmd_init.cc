// SPDX-License-Identifier: EUPL-1.2
// cls init [DIR] [--kind cls|cts]: a small valid project to start from
// (SPEC §7). It never overwrites a file: existing files are kept as they are.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "cls/schema.h"

namespace cls::cli {

namespace fs = std::filesystem;

namespace {

struct SkeletonFile {
  std::string path;
  std::string text;
};

std::string year(const Date& d, int plus) { return std::to_string(d.year() + plus); }

std::string meeting_block(const Date& today, const std::string& body, const std::string& title,
                          const std::string& signatory, const std::string& presenter) {
  const Date when = today.plus_days(30);
  const std::string id = body + "-" + when.iso().substr(0, 7);
  return "id: " + id + "\nbody: " + body + "\ntitle: " + title + "\ndate: " + when.iso() +
         "\nstart: \"14:00\"\nend: \"16:00\"\nplace: Salle du conseil, mairie\nconvocation:\n  date: " +
         today.iso() + "\n  signatory: " + signatory +
         "\nagenda:\n  - title: Approbation de l'ordre du jour\n    kind: decision\n    presenter: " + presenter +
         "\n    duration: 10\n  - title: Point d'étape sur le plan d'action\n    kind: information\n    presenter: " +
         presenter + "\n    duration: 45\n  - title: Questions diverses\n    kind: discussion\n    duration: 15\n";
}

std::vector<SkeletonFile> cls_skeleton(const Date& today) {
  const std::string y = year(today, 0);
  std::vector<SkeletonFile> files;
  files.push_back({"cls.yaml",
                   "# Manifeste du contrat local de santé : identité, axes, objectifs et instances.\n"
                   "# Référence du format : man 5 cls-format ; vérification : cls check.\n"
                   "id: mon-cls\n"
                   "title: Contrat local de santé du territoire\n"
                   "kind: cls\n"
                   "lang: fr\n"
                   "organisation:\n"
                   "  name: Communauté de communes du territoire\n"
                   "  address: 1 place de la Mairie, 54000 Ville\n"
                   "  city: Ville\n"
                   "  email: sante@example.org\n"
                   "territory: Communauté de communes du territoire\n"
                   "period: {start: " + y + "-01-01, end: " + year(today, 4) + "-12-31}\n"
                   "axes:\n"
                   "  - id: prevention\n"
                   "    title: Prévention et promotion de la santé\n"
                   "    objectives:\n"
                   "      - id: prevention.ecrans\n"
                   "        title: Réduire l'exposition aux écrans des jeunes enfants\n"
                   "  - id: acces\n"
                   "    title: Accès aux soins\n"
                   "    objectives:\n"
                   "      - id: acces.installation\n"
                   "        title: Favoriser l'installation de professionnels de santé\n"
                   "bodies:\n"
                   "  - id: copil\n"
                   "    title: Comité de pilotage\n"
                   "    members: [president, ars, cpam]\n"
                   "    chair: president\n"
                   "    quorum: 1/2\n"
                   "    notice_days: 10\n"
                   "    proxies: 1\n"});
  files.push_back({"actors/partenaires.yaml",
                   "# Les acteurs : organisations et personnes, référencés par leur id (clés : man 5 cls-format).\n"
                   "- id: cc-territoire\n"
                   "  kind: organisation\n"
                   "  name: Communauté de communes du territoire\n"
                   "- id: ars\n"
                   "  kind: organisation\n"
                   "  name: Agence régionale de santé – délégation territoriale\n"
                   "  email: ars-dt@example.org\n"
                   "- id: cpam\n"
                   "  kind: organisation\n"
                   "  name: Caisse primaire d'assurance maladie\n"
                   "  email: cpam@example.org\n"
                   "- id: president\n"
                   "  name: Jean Exemple\n"
                   "  civility: M.\n"
                   "  role: Président de la communauté de communes\n"
                   "  organisation: cc-territoire\n"
                   "  email: president@example.org\n"
                   "- id: coordinatrice\n"
                   "  name: Camille Exemple\n"
                   "  civility: Mme\n"
                   "  role: Coordinatrice du contrat local de santé\n"
                   "  organisation: cc-territoire\n"
                   "  email: cls@example.org\n"});
  files.push_back({"actions/PREV-01.yaml",
                   "# Une fiche action par fichier (clés : man 5 cls-format).\n"
                   "id: PREV-01\n"
                   "title: Ateliers parents sur les écrans\n"
                   "objective: prevention.ecrans\n"
                   "status: planned\n"
                   "lead: coordinatrice\n"
                   "partners: [cpam]\n"
                   "start: " + y + "-01-01\n"
                   "due: " + year(today, 2) + "-12-31\n"
                   "public: Parents d'enfants de 0 à 6 ans\n"
                   "budget:\n"
                   "  planned: 5000\n"
                   "  funding:\n"
                   "    - {funder: ars, amount: 5000}\n"
                   "description: |\n"
                   "  Organiser des ateliers d'échange avec les parents dans les structures\n"
                   "  petite enfance du territoire.\n"
                   "indicators:\n"
                   "  - id: ateliers\n"
                   "    label: Ateliers organisés\n"
                   "    type: process\n"
                   "    unit: ateliers\n"
                   "    target: 10\n"
                   "    accumulate: true\n"
                   "    values: []\n"});
  files.push_back({"meetings/copil-" + today.plus_days(30).iso().substr(0, 7) + ".yaml",
                   meeting_block(today, "copil", "Comité de pilotage", "president", "coordinatrice")});
  return files;
}

std::vector<SkeletonFile> cts_skeleton(const Date& today) {
  std::vector<SkeletonFile> files;
  files.push_back({"cls.yaml",
                   "# Conseil territorial de santé : identité et instances.\n"
                   "# Référence du format : man 5 cls-format ; vérification : cls check.\n"
                   "# Les règles de la plénière reprennent celles des commissions consultatives\n"
                   "# (code des relations entre le public et l'administration, R133-3 à R133-15 :\n"
                   "# quorum de la moitié des membres, convocation cinq jours avant, un pouvoir par\n"
                   "# membre, avis à la majorité des présents) et la composition de l'article\n"
                   "# R1434-33 du code de la santé publique : adaptez-les à votre règlement intérieur.\n"
                   "id: mon-cts\n"
                   "title: Conseil territorial de santé\n"
                   "kind: cts\n"
                   "lang: fr\n"
                   "organisation:\n"
                   "  name: Agence régionale de santé – délégation territoriale\n"
                   "  address: 1 rue de la Santé, 54000 Ville\n"
                   "  city: Ville\n"
                   "  email: cts@example.org\n"
                   "  contact: {name: Camille Exemple, email: cts@example.org}   # « Affaire suivie par »\n"
                   "territory: Département\n"
                   "bodies:\n"
                   "  - id: pleniere\n"
                   "    title: Assemblée plénière\n"
                   "    members: [a.martin, b.bernard, c.thomas, d.petit, e.lambert, f.roux, g.leroy]\n"
                   "    chair: a.martin\n"
                   "    quorum: 1/2            # R133-10 : la moitié au moins des membres présents ou représentés\n"
                   "    notice_days: 5         # R133-8 : convocation cinq jours au moins avant, sauf urgence\n"
                   "    proxies: 1             # R133-9 : nul ne peut détenir plus d'un mandat\n"
                   "    majority: present      # R133-11 : majorité des voix des membres présents ou représentés\n"
                   "    size: {min: 34, max: 50}   # R1434-33 : de 34 à 50 membres\n"
                   "    colleges:              # R1434-33 : les cinq collèges et leurs effectifs\n"
                   "      - {id: c1, title: Collège des professionnels et offreurs des services de santé, min: 20, max: 28}\n"
                   "      - {id: c2, title: Collège des usagers et associations d'usagers, min: 6, max: 10}\n"
                   "      - {id: c3, title: Collège des collectivités territoriales et de leurs groupements, min: 4, max: 7}\n"
                   "      - {id: c4, title: Collège des représentants de l'État et des organismes de sécurité sociale, min: 2, max: 3}\n"
                   "      - {id: pq, title: Personnalités qualifiées, min: 2, max: 2, substitutes: false}\n"
                   "  - id: bureau\n"
                   "    title: Bureau du conseil territorial de santé\n"
                   "    members: [a.martin, b.bernard, c.thomas]\n"
                   "    chair: a.martin\n"
                   "    quorum: 1/2\n"
                   "    notice_days: 5\n"
                   "    proxies: 0\n"
                   "    majority: present\n"
                   "    substitutes: false     # les suppléants ne siègent pas au bureau\n"});
  auto person = [](const std::string& id, const std::string& name, const std::string& civ,
                   const std::string& role, const std::string& college, const std::string& substitute) {
    std::string s = "- id: " + id + "\n  name: " + name + "\n  civility: " + civ + "\n  role: " + role +
                    "\n  college: " + college + "\n  email: " + id + "@example.org\n";
    if (!substitute.empty()) s += "  substitute: " + substitute + "\n";
    return s;
  };
  files.push_back({"actors/membres.yaml",
                   "# Titulaires et suppléants (substitute : le suppléant qui siège en cas d'absence ;\n"
                   "# college : l'identifiant du collège dans cls.yaml). Complétez selon l'arrêté de\n"
                   "# composition : `cls check` dit quels collèges sont incomplets.\n" +
                       person("a.martin", "Anne Martin", "Mme", "Présidente du conseil territorial de santé", "c1", "h.durand") +
                       person("b.bernard", "Bruno Bernard", "M.", "Représentant d'une association de patients", "c2", "i.robert") +
                       person("c.thomas", "Claire Thomas", "Mme", "Conseillère départementale", "c3", "j.richard") +
                       person("d.petit", "David Petit", "M.", "Représentant de la caisse primaire d'assurance maladie", "c4", "k.moreau") +
                       person("e.lambert", "Émilie Lambert", "Mme", "Représentante de l'État", "c4", "l.simon") +
                       person("f.roux", "François Roux", "M.", "Personnalité qualifiée", "pq", "") +
                       person("g.leroy", "Gabrielle Leroy", "Mme", "Personnalité qualifiée", "pq", "") +
                       person("h.durand", "Hugo Durand", "M.", "Suppléant", "c1", "") +
                       person("i.robert", "Inès Robert", "Mme", "Suppléante", "c2", "") +
                       person("j.richard", "Julien Richard", "M.", "Suppléant", "c3", "") +
                       person("k.moreau", "Karine Moreau", "Mme", "Suppléante", "c4", "") +
                       person("l.simon", "Louis Simon", "M.", "Suppléant", "c4", "")});
  files.push_back({"meetings/pleniere-" + today.plus_days(30).iso().substr(0, 7) + ".yaml",
                   meeting_block(today, "pleniere", "Assemblée plénière", "a.martin", "a.martin")});
  return files;
}

// The `# yaml-language-server: $schema=` line of a file of the project, which
// points editors to its schema in .cls/schemas/ (from the file's folder).
std::string schema_line(const std::string& path) {
  for (const schema::SchemaFile& s : schema::schemas()) {
    const bool in_folder = !s.kind->folder.empty() && path.starts_with(std::string(s.kind->folder) + "/");
    if (path == s.kind->name || in_folder) {
      return "# yaml-language-server: $schema=" + std::string(in_folder ? "../" : "") + schema::kProjectFolder +
             "/" + s.name + "\n";
    }
  }
  return {};
}

// The schemas themselves, and VS Code's settings that give them to the files
// an editor opens without the line above (a new actions/A2.yaml).
void add_editor_files(std::vector<OutputFile>& files, const fs::path& dir) {
  std::string mapping;
  for (const schema::SchemaFile& s : schema::schemas()) {
    // region.yaml sits above projects, never in one: `cls schema` writes it.
    if (s.kind == &keys::region_file_kind()) continue;
    files.push_back({dir / schema::kProjectFolder / s.name, s.json});
    if (!mapping.empty()) mapping += ",\n";
    mapping += "    \"./" + std::string(schema::kProjectFolder) + "/" + s.name + "\": \"**/" + s.glob + "\"";
  }
  files.push_back({dir / ".vscode" / "settings.json", "{\n  \"yaml.schemas\": {\n" + mapping + "\n  }\n}\n"});
}

}  // namespace

Runner init_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string dir = ".";
    std::string kind = "cls";
  };
  auto o = std::make_shared<Options>();
  app.add_option("DIR", o->dir, "Where to create the project (default: the current directory)");
  app.add_option("--kind", o->kind, "A contrat local de santé or a conseil territorial de santé")
      ->check(one_of({"cls", "cts"}))
      ->type_name("cls|cts");
  return [o, &g] {
    fs::path dir = o->dir;
    if (!g.directory.empty() && dir.is_relative()) dir = fs::path(g.directory) / dir;
    std::error_code ec;
    if (fs::exists(dir / "cls.yaml", ec)) {
      throw Exit{kUsage, "cls: " + (dir / "cls.yaml").string() + " already exists; nothing was written"};
    }
    const Date today = g.today_date();
    std::vector<OutputFile> files;
    for (const auto& f : o->kind == "cts" ? cts_skeleton(today) : cls_skeleton(today)) {
      files.push_back({dir / f.path, schema_line(f.path) + f.text});
    }
    add_editor_files(files, dir);
    // All files or none, and never over an existing one (kept as it is).
    write_outputs(files, WriteMode::create_new);
    if (!g.quiet) {
      for (const OutputFile& f : files) {
        std::fprintf(stderr, "%s %s\n", f.created ? "created" : "kept existing", f.path.c_str());
      }
    }
    if (!g.quiet) {
      std::fprintf(stderr, "Next: edit the files, then run `cls -C %s check`.\n", dir.c_str());
      if (o->kind == "cts") {
        std::fprintf(stderr, "The plenary has a few members of the 34 to 50 of R1434-33: `cls check` says "
                             "which collèges to complete (body/composition).\n");
      }
    }
    return kOk;
  };
}

}  // namespace cls::cli
