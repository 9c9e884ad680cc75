// SPDX-License-Identifier: EUPL-1.2
#include "cls/history.h"

#include <doctest/doctest.h>
#include <git2.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_project.h"

using namespace cls;
namespace fs = std::filesystem;

namespace {

const std::string kTwoAxes =
    "id: t\ntitle: Test\nperiod: {start: 2024-01-01, end: 2027-12-31}\n"
    "axes:\n"
    "  - id: ax\n    title: Axe\n    objectives:\n      - {id: ob, title: Objectif}\n"
    "  - id: old\n    title: Ancien axe\n    objectives:\n      - {id: ob2, title: Objectif 2}\n"
    "bodies:\n  - {id: copil, title: Comité, members: [a, b, c, d]}\n";

const std::string kOneAxis =
    "id: t\ntitle: Test\nperiod: {start: 2024-01-01, end: 2027-12-31}\n"
    "axes:\n"
    "  - id: ax\n    title: Axe\n    objectives:\n      - {id: ob, title: Objectif}\n"
    "  - id: new\n    title: Nouvel axe\n    objectives:\n      - {id: ob3, title: Objectif 3}\n"
    "bodies:\n  - {id: copil, title: Comité, members: [a, b, c, d]}\n";

std::string action(const std::string& id, const std::string& status, const std::string& values,
                   const std::string& objective = "ob") {
  return "id: " + id + "\ntitle: Action " + id + "\nobjective: " + objective + "\nstatus: " + status +
         "\nindicators:\n  - id: i\n    label: Indicateur\n    unit: ateliers\n    target: 10\n    values: [" +
         values + "]\n";
}

testing::Loaded load(std::vector<SourceFile> files) {
  files.push_back({"actors/all.yaml", testing::actors()});
  auto l = testing::load(std::move(files));
  INFO(l.messages());
  CHECK(!l.diags.has_errors());
  return l;
}

const Date kAsOf = *Date::parse("2026-11-25");

}  // namespace

TEST_CASE("diff_plans: actions, statuses, readings, axes") {
  auto before = load({{"cls.yaml", kTwoAxes},
                      {"actions/A.yaml", action("A", "in-progress", "{date: 2026-01-31, value: 2}, "
                                                                    "{date: 2026-03-31, value: 3}, "
                                                                    "{date: 2026-03-31, value: 4}")},
                      {"actions/B.yaml", action("B", "planned", "")},
                      {"actions/GONE.yaml", action("GONE", "planned", "", "ob2")}});
  auto after = load({{"cls.yaml", kOneAxis},
                     {"actions/A.yaml", action("A", "in-progress", "{date: 2026-01-31, value: 2}, "
                                                                   "{date: 2026-03-31, value: 5}, "
                                                                   "{date: 2026-06-30, value: 6}")},
                     {"actions/B.yaml", action("B", "done", "")},
                     {"actions/NEW.yaml", action("NEW", "planned", "{date: 2026-02-28, value: 1}", "ob3")}});
  const PlanChanges c = diff_plans(before.project, after.project, kAsOf);

  REQUIRE(c.actions_added.size() == 1);
  CHECK(c.actions_added[0].id == "NEW");
  CHECK(c.actions_added[0].axis == "new");
  REQUIRE(c.actions_removed.size() == 1);
  CHECK(c.actions_removed[0].id == "GONE");
  CHECK(c.actions_removed[0].axis == "old");
  REQUIRE(c.status_changes.size() == 1);
  CHECK(c.status_changes[0].id == "B");
  CHECK(c.status_changes[0].from == Status::planned);
  CHECK(c.status_changes[0].to == Status::done);

  // The last reading of a date counts (4 before, 5 after: a correction), the
  // unchanged one is not listed, and a new action's readings are new.
  REQUIRE(c.readings.size() == 3);
  CHECK(c.readings[0].action == "A");
  CHECK(c.readings[0].date == *Date::parse("2026-03-31"));
  CHECK(c.readings[0].value == 5);
  REQUIRE(c.readings[0].previous);
  CHECK(*c.readings[0].previous == 4);
  CHECK(c.readings[1].date == *Date::parse("2026-06-30"));
  CHECK(!c.readings[1].previous);
  CHECK(c.readings[2].action == "NEW");

  // Axes: after's order, then the removed one.
  REQUIRE(c.axes.size() == 3);
  CHECK(c.axes[0].id == "ax");
  CHECK(c.axes[1].id == "new");
  CHECK(c.axes[1].added);
  CHECK(c.axes[2].id == "old");
  CHECK(c.axes[2].removed);
  REQUIRE(c.axes[0].before);
  REQUIRE(c.axes[0].after);
  CHECK(*c.axes[0].before == doctest::Approx(0.4));  // A at 4/10, B unknown
  CHECK(*c.axes[0].after == doctest::Approx(0.8));   // A at 6/10, B done
  CHECK(!c.empty());

  const std::string md = changes_markdown(c, {"v1", "0123456789abcdef", "", ""}, after.project);
  CHECK(md.find("# Évolution du plan d’action\u00A0: v1 (0123456) → copie de travail") != std::string::npos);
  CHECK(md.find("| Axe | 40\u00A0% | 80\u00A0% | +40\u00A0points |") != std::string::npos);
  CHECK(md.find("| Nouvel axe | – | 10\u00A0% |  |") != std::string::npos);
  CHECK(md.find("| Ancien axe | non renseigné | – |  |") != std::string::npos);
  CHECK(md.find("- **B** Action B\u00A0: prévue → réalisée") != std::string::npos);
  CHECK(md.find("(valeur corrigée, auparavant 4 ateliers)") != std::string::npos);

  const auto j = nlohmann::json::parse(changes_json(c, {"v1", "0123456789abcdef", "", ""}));
  CHECK(j["from"]["rev"] == "v1");
  CHECK(j["to"]["working_tree"] == true);
  CHECK(j["as_of"] == "2026-11-25");
  CHECK(j["changed"] == true);
  CHECK(j["progress"]["axes"][0]["after"] == 0.8);
  CHECK(j["progress"]["axes"][2]["after"].is_null());
  CHECK(j["status_changes"][0]["to"] == "done");
  CHECK(j["readings"][0]["previous"] == 4.0);
  CHECK(j["readings"][1]["previous"].is_null());
}

TEST_CASE("diff_plans: meetings and decisions") {
  const std::string held =
      "id: m1\nbody: copil\ndate: 2026-06-18\nagenda:\n"
      "  - title: Budget\n    decisions:\n"
      "      - {text: Le budget est adopté., vote: {for: 3, against: 0, abstain: 0}}\n"
      "      - {text: Même texte.}\n"
      "attendance: {present: [a, b, c]}\n";
  const std::string held_more =
      "id: m1\nbody: copil\ndate: 2026-06-18\nagenda:\n"
      "  - title: Budget\n    decisions:\n"
      "      - {text: Le budget est adopté., vote: {for: 3, against: 0, abstain: 0}}\n"
      "      - {text: Même texte.}\n"
      "  - title: Bus\n    decisions:\n"
      "      - {text: Même texte.}\n"
      "      - {text: Le bus est reporté., vote: {for: 1, against: 2, abstain: 0}}\n"
      "attendance: {present: [a, b, c]}\n";
  auto before = load({{"cls.yaml", testing::manifest()},
                      {"meetings/m1.yaml", held},
                      {"meetings/m0.yaml", "{id: m0, body: copil, date: 2026-01-10}\n"}});
  auto after = load({{"cls.yaml", testing::manifest()},
                     {"meetings/m1.yaml", held_more},
                     {"meetings/m2.yaml",
                      "id: m2\nbody: copil\ntitle: Comité *spécial*\ndate: 2026-12-10\nagenda:\n"
                      "  - title: Point\n    decisions: [{text: Décision du comité spécial.}]\n"}});
  const PlanChanges c = diff_plans(before.project, after.project, kAsOf);
  REQUIRE(c.meetings_added.size() == 1);
  CHECK(c.meetings_added[0].id == "m2");
  REQUIRE(c.meetings_removed.size() == 1);
  CHECK(c.meetings_removed[0].id == "m0");
  // In m1 the second "Même texte." is new (texts are counted); the rejected
  // vote keeps its outcome.
  REQUIRE(c.decisions.size() == 3);
  CHECK(c.decisions[0].meeting == "m1");
  CHECK(c.decisions[0].item == 2);
  CHECK(c.decisions[0].text == "Même texte.");
  CHECK(c.decisions[1].text == "Le bus est reporté.");
  REQUIRE(c.decisions[1].outcome);
  CHECK(*c.decisions[1].outcome == Outcome::rejected);
  CHECK(c.decisions[2].meeting == "m2");
  CHECK(c.decisions[2].outcome == Outcome::adopted);

  const std::string md = changes_markdown(c, {"v1", "abc", "v2", "def"}, after.project);
  CHECK(md.find("v1 (abc) → v2 (def)") != std::string::npos);
  CHECK(md.find("- **m2** Comité \\*spécial\\*, jeudi 10\u00A0décembre 2026") != std::string::npos);
  CHECK(md.find("point 2 «\u00A0Bus\u00A0»\u00A0: Le bus est reporté. — *rejeté par 1\u00A0voix pour et 2\u00A0contre*") !=
        std::string::npos);
}

TEST_CASE("diff_plans: the same project twice changes nothing") {
  auto a = load({{"cls.yaml", testing::manifest()}, {"actions/A.yaml", action("A", "planned", "")}});
  auto b = load({{"cls.yaml", testing::manifest()}, {"actions/A.yaml", action("A", "planned", "")}});
  const PlanChanges c = diff_plans(a.project, b.project, kAsOf);
  CHECK(c.empty());
  const std::string md = changes_markdown(c, {"HEAD", "abc1234def", "", ""}, b.project);
  CHECK(md.find("Aucun changement") != std::string::npos);
  CHECK(md.find("## Actions") == std::string::npos);
  CHECK(nlohmann::json::parse(changes_json(c, {"HEAD", "abc1234def", "", ""}))["changed"] == false);
}

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "cls-history-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// Commits the whole working tree of `dir` with libgit2 (no git command, no
// user configuration needed).
void commit_all(const fs::path& dir) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  REQUIRE(git_repository_init(&repo, dir.c_str(), 0) == 0);
  git_index* index = nullptr;
  REQUIRE(git_repository_index(&index, repo) == 0);
  REQUIRE(git_index_add_all(index, nullptr, 0, nullptr, nullptr) == 0);
  REQUIRE(git_index_write(index) == 0);
  git_oid tree_id, commit_id;
  REQUIRE(git_index_write_tree(&tree_id, index) == 0);
  git_tree* tree = nullptr;
  REQUIRE(git_tree_lookup(&tree, repo, &tree_id) == 0);
  git_signature* sig = nullptr;
  REQUIRE(git_signature_new(&sig, "Test", "test@example.org", 1780000000, 120) == 0);
  REQUIRE(git_commit_create_v(&commit_id, repo, "HEAD", sig, sig, nullptr, "v1", tree, 0) == 0);
  git_signature_free(sig);
  git_tree_free(tree);
  git_index_free(index);
  git_repository_free(repo);
  git_libgit2_shutdown();
}

}  // namespace

TEST_CASE("read_revision: the project's files at a commit, from a subfolder") {
  TempDir tmp;
  const fs::path root = tmp.path / "plans" / "cls";
  write(root / "cls.yaml", testing::manifest());
  write(root / "actors" / "all.yaml", testing::actors());
  write(root / "actions" / "axe 1" / "A.yml", action("A", "planned", ""));
  write(root / "actions" / "notes.txt", "not a project file");
  write(root / "templates" / "agenda.md.mustache", "not a project file either");
  write(tmp.path / "README.md", "outside the project");
  // Links as the working tree takes them (SPEC §13): one out of the project
  // is a file that cannot be read, one to a file of the project is read as it.
  fs::create_symlink("../../../README.md", root / "actions" / "link.yaml");
  write(root / "actors" / "real.txt", "- {id: z, name: Z}\n");
  fs::create_symlink("real.txt", root / "actors" / "more.yaml");
  commit_all(tmp.path);
  // Changes after the commit are not seen.
  write(root / "actions" / "B.yaml", action("B", "planned", ""));

  const Revision r = read_revision(root, "HEAD");
  CHECK(r.name == "HEAD");
  CHECK(r.commit.size() == 40);
  std::vector<std::string> paths;
  for (const auto& f : r.files) paths.push_back(f.path);
  CHECK(paths == std::vector<std::string>{"actions/axe 1/A.yml", "actions/link.yaml", "actors/all.yaml",
                                          "actors/more.yaml", "cls.yaml"});
  CHECK(r.files[4].bytes == testing::manifest());
  CHECK(r.files[1].bytes.empty());
  CHECK(r.files[1].problem.find("outside the project") != std::string::npos);
  CHECK(r.files[3].bytes == "- {id: z, name: Z}\n");

  Diagnostics diags;
  const Project p = load_project(r.files, diags);
  CHECK(diags.errors() == 1);
  CHECK(diags.all().at(0).rule == "yaml/syntax");
  CHECK(p.action("A") != nullptr);

  CHECK(path_in_repository(root) == std::optional<std::string>("plans/cls/"));
  CHECK(path_in_repository(tmp.path) == std::optional<std::string>(""));
  CHECK_THROWS_AS(read_revision(root, "no-such-branch"), HistoryError);
  CHECK_THROWS_AS(read_revision(tmp.path / "plans", "HEAD"), HistoryError);  // no cls.yaml there
}

TEST_CASE("read_revision: outside a git repository") {
  TempDir tmp;
  write(tmp.path / "cls.yaml", testing::manifest());
  CHECK_THROWS_AS(read_revision(tmp.path, "HEAD"), HistoryError);
  CHECK(!path_in_repository(tmp.path));
}
