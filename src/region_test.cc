// SPDX-License-Identifier: EUPL-1.2
// region.yaml (SPEC §11): where a region's root is found, what the loader
// refuses, and the projects loaded with the region's themes.
#include "cls/region.h"

#include <doctest/doctest.h>

#include <fstream>

namespace fs = std::filesystem;
using namespace cls;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/cls-region-test-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel) << text;
  }
};

std::vector<std::string> rules(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.all()) out.push_back(x.rule + "@" + std::to_string(x.loc.line) + ":" + std::to_string(x.loc.col));
  return out;
}

const std::string kProject = "id: p\ntitle: P\naxes: [{id: ax, title: Axe, objectives: [{id: ob, title: Ob}]}]\n";

}  // namespace

TEST_CASE("a region's root is found like a project's; a folder with both is a project") {
  TempDir t;
  t.write("region.yaml", "id: r\ntitle: R\nprojects: [a]\n");
  t.write("a/cls.yaml", kProject);
  fs::create_directories(t.path / "docs/deep");
  auto r = find_root(t.path / "docs/deep");
  REQUIRE(r);
  CHECK(r->is_region);
  CHECK(r->dir == t.path);
  r = find_root(t.path / "a");
  REQUIRE(r);
  CHECK(!r->is_region);
  t.write("cls.yaml", kProject);
  r = find_root(t.path);
  REQUIRE(r);
  CHECK(!r->is_region);
}

TEST_CASE("region.yaml: its keys, and the projects that cannot be listed") {
  TempDir t;
  t.write("region.yaml",
          "id: r\ntitle: R\nprojects: [a, /etc, ../x, a/, b/../a, ok/sub, [x]]\n"
          "themes: [{id: t1, title: Un}, {id: t1, title: Deux}, {title: Sans id}]\nprojet: x\n");
  Diagnostics d;
  const Region region = load_region(t.path, d);
  std::string got;
  for (const auto& x : rules(d)) got += x + " ";
  // In the order the loader meets them: the keys, the themes, the projects, duplicate themes.
  const std::vector<std::string> expected{"schema/unknown-key@5:1", "schema/missing-key@4:54",
                                          "region/project@3:15",    "region/project@3:21",
                                          "region/project@3:27",    "region/project@3:31",
                                          "schema/type@3:47",       "id/duplicate@4:36"};
  CHECK_MESSAGE(rules(d) == expected, got);
  REQUIRE(region.projects.size() == 2);
  CHECK(region.projects[0].path == "a");
  CHECK(region.projects[1].path == "ok/sub");
  CHECK(region.themes.size() == 3);
  CHECK(region.theme("t1") != nullptr);

  Diagnostics empty;
  TempDir u;
  u.write("region.yaml", "");
  load_region(u.path, empty);
  CHECK(rules(empty) == std::vector<std::string>{"schema/missing-key@1:1"});
}

TEST_CASE("the projects load in parallel, in the listed order, checked against the region's themes") {
  TempDir t;
  std::string list;
  for (int i = 0; i < 9; ++i) {
    std::string name = "p";  // appended: GCC 12 warns falsely on "p" + string (-Wrestrict, PR 105329)
    name += std::to_string(i);
    if (i) list += ", ";
    list += name;
    t.write(name + "/cls.yaml", kProject);
    t.write(name + "/actions/a.yaml", "id: A\ntitle: A\nobjective: ob\nthemes: [" + std::string(i == 4 ? "t9" : "t1") + "]\n");
  }
  t.write("region.yaml", "id: r\ntitle: R\nprojects: [" + list + ", absent]\nthemes: [{id: t1, title: Un}]\n");
  Diagnostics d;
  const Region region = load_region(t.path, d);
  CHECK(d.all().empty());
  const auto members = load_region_projects(region, *Date::parse("2026-11-25"));
  REQUIRE(members.size() == 10);
  for (int i = 0; i < 9; ++i) {
    CAPTURE(i);
    std::string name = "p";
    name += std::to_string(i);
    CHECK(members[i].path == name);
    CHECK(members[i].found);
    CHECK(members[i].usable() == (i != 4));
  }
  CHECK(!members[9].found);
  std::vector<std::string> files;
  const Diagnostics all = region_diagnostics(region, d, members, files);
  REQUIRE(all.errors() == 2);  // p4's theme, and the absent project
  bool named_from_root = false;
  for (const auto& x : all.all()) {
    if (x.rule == "ref/unknown") named_from_root = files.at(x.loc.file) == "p4/actions/a.yaml";
  }
  CHECK(named_from_root);
}
