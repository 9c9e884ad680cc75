// SPDX-License-Identifier: EUPL-1.2
// The regional roll-up (SPEC §11) on hand-computed cases: a theme across
// projects with an unknown progress and an abandoned action, the population
// and a commune shared by two CLS, a project with errors left out.
#include "cls/region_rollup.h"

#include <doctest/doctest.h>

#include "cls/check.h"
#include "cls/load.h"
#include "cls/region_report.h"

using namespace cls;

namespace {

const std::string kAxes = "axes: [{id: ax, title: Axe, objectives: [{id: ob, title: Ob}]}]\n";

RegionMember member(const std::string& path, std::vector<SourceFile> files, const Region& region) {
  RegionMember m;
  m.path = path;
  m.found = true;
  m.project = load_project(std::move(files), m.diags);
  CheckOptions o{*Date::parse("2026-11-25")};
  o.region_themes = &region.themes;
  check_project(m.project, o, m.diags);
  return m;
}

std::string action(const std::string& id, const std::string& rest) {
  return "id: " + id + "\ntitle: " + id + "\nobjective: ob\n" + rest;
}

}  // namespace

TEST_CASE("themes across projects, population, communes; a broken project is left out") {
  Region region;
  region.themes = {Theme{"t1", Loc{}, Field<std::string>{"Prévention", Loc{}}},
                   Theme{"t2", Loc{}, Field<std::string>{"Accès", Loc{}}}};
  std::vector<RegionMember> members;
  members.push_back(member(
      "p1",
      {{"cls.yaml", "id: p1\ntitle: P1\npopulation: 1000\ncommunes: [\"54001\", \"54002\"]\n" + kAxes},
       // A: 5 of 10, weight 2 → 0.5; B: done → 1; C: abandoned, out; D: no reading → unknown
       {"actions/a.yaml", action("A", "themes: [t1]\nweight: 2\nstatus: in-progress\n"
                                      "indicators: [{id: i, label: I, target: 10, values: [{date: 2026-01-01, value: 5}]}]\n")},
       {"actions/b.yaml", action("B", "themes: [t1]\nstatus: done\n")},
       {"actions/c.yaml", action("C", "themes: [t1, t1]\nstatus: abandoned\nbudget: {planned: 999}\n")},
       {"actions/d.yaml", action("D", "themes: [t2]\nstatus: in-progress\n")}},
      region));
  members.push_back(member(
      "sub/p2",
      {{"cls.yaml", "id: p2\ntitle: P2\npopulation: 500\ncommunes: [\"54002\", \"54003\", \"54003\"]\n" + kAxes},
       {"actors/f.yaml", "{id: f, kind: organisation, name: Financeur F}\n"},
       // E: 25 of 100 → 0.25, weight 1
       {"actions/e.yaml", action("E", "themes: [t1]\nstatus: in-progress\n"
                                      "budget: {planned: 100, spent: 10.5, funding: [{funder: f, amount: 60}]}\n"
                                      "indicators: [{id: i, label: I, target: 100, values: [{date: 2026-01-01, value: 25}]}]\n")}},
      region));
  members.push_back(member("broken",
                           {{"cls.yaml", "id: p3\ntitle: P3\npopulation: 7000\n" + kAxes},
                            {"actions/x.yaml", action("X", "themes: [t9]\n")}},
                           region));
  REQUIRE(members[0].usable());
  REQUIRE(members[1].usable());
  REQUIRE(!members[2].usable());  // t9 is not a theme of the region: ref/unknown

  const RegionRollup r = compute_region_rollup(region, members, *Date::parse("2026-11-25"));
  REQUIRE(r.projects.size() == 2);
  REQUIRE(r.left_out.size() == 1);
  CHECK(r.left_out[0]->path == "broken");

  REQUIRE(r.themes.size() == 2);
  const ThemeRollup& t1 = r.themes[0];
  // (0.5 × 2 + 1 × 1 + 0.25 × 1) / (2 + 1 + 1) = 2.25 / 4
  REQUIRE(t1.progress);
  CHECK(*t1.progress == doctest::Approx(0.5625));
  CHECK(t1.coverage.known == 3);
  CHECK(t1.coverage.total == 3);  // C, abandoned, does not take part
  CHECK(t1.actions == std::vector<std::string>{"p1/A", "p1/B", "p2/E"});
  CHECK(t1.status_counts[Status::abandoned] == 1);  // counted once, though listed twice
  CHECK(t1.budget.planned.cents == 10000);          // E only: C's 999 is abandoned
  CHECK(t1.budget.spent.cents == 1050);
  CHECK(t1.budget.by_funder.at("f").cents == 6000);
  const ThemeRollup& t2 = r.themes[1];
  CHECK(!t2.progress);  // D has no reading
  CHECK(t2.coverage.known == 0);
  CHECK(t2.coverage.total == 1);

  CHECK(r.population == 1500);  // the broken project's 7000 is left out
  CHECK(r.without_population == 0);
  CHECK(r.communes == 3);  // 54001, 54002, 54003: each once
  REQUIRE(r.shared_communes.size() == 1);
  CHECK(r.shared_communes[0] == std::pair<std::string, int>{"54002", 2});
  CHECK(r.budget.planned.cents == 10000);
  CHECK(r.status_counts.total() == 5);
  CHECK(funder_name(r, "f") == "Financeur F");
  CHECK(funder_name(r, "nobody") == "nobody");
}
