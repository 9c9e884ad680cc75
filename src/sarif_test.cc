// SPDX-License-Identifier: EUPL-1.2
// The SARIF output of `cls check` (diagnostic.cc format_sarif) against what
// SARIF 2.1.0 requires and what GitHub code scanning reads: every result names
// a rule of the run by id and index, a level, a message, and a location that
// is a relative URI reference with a 1-based line.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "cls/diagnostic.h"
#include "test_project.h"

using namespace cls;
using json = nlohmann::json;

namespace {

// The structure every consumer relies on; returns the run.
json checked_run(const std::string& text) {
  const json doc = json::parse(text);
  CHECK(doc["version"] == "2.1.0");
  CHECK(doc["$schema"].get<std::string>().find("sarif-schema-2.1.0.json") != std::string::npos);
  REQUIRE(doc["runs"].is_array());
  REQUIRE(doc["runs"].size() == 1);
  const json& run = doc["runs"][0];
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "cls");
  CHECK(driver["version"].is_string());
  REQUIRE(driver["rules"].is_array());
  std::set<std::string> ids;
  for (const auto& rule : driver["rules"]) {
    const std::string id = rule["id"];
    CHECK(ids.insert(id).second);  // each rule once
    CHECK(rule["name"].is_string());
    CHECK(rule["name"] != rule["id"]);
    CHECK(!rule["shortDescription"]["text"].get<std::string>().empty());
    CHECK(!rule["fullDescription"]["text"].get<std::string>().empty());  // code scanning asks for both,
    CHECK(!rule["help"]["text"].get<std::string>().empty());             // and for help
    const std::string level = rule["defaultConfiguration"]["level"];
    CHECK((level == "error" || level == "warning"));
  }
  REQUIRE(run["results"].is_array());
  for (const auto& r : run["results"]) {
    const std::size_t index = r["ruleIndex"];
    REQUIRE(index < driver["rules"].size());
    CHECK(driver["rules"][index]["id"] == r["ruleId"]);
    const std::string level = r["level"];
    CHECK((level == "error" || level == "warning"));
    CHECK(!r["message"]["text"].get<std::string>().empty());
    REQUIRE(r["locations"].size() == 1);
    const json& loc = r["locations"][0]["physicalLocation"];
    const std::string uri = loc["artifactLocation"]["uri"];
    CHECK(!uri.empty());
    CHECK(uri[0] != '/');
    CHECK(uri.find("://") == std::string::npos);
    CHECK(uri.find(' ') == std::string::npos);
    CHECK(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK(loc["region"]["startLine"].get<int>() >= 1);
    if (loc["region"].contains("startColumn")) CHECK(loc["region"]["startColumn"].get<int>() >= 1);
  }
  return run;
}

}  // namespace

TEST_CASE("sarif: a checked project's diagnostics") {
  auto l = testing::load({{"cls.yaml", testing::manifest()},
                          {"actors/all.yaml", testing::actors()},
                          {"actions/écrans é.yaml", "id: A\ntitle: Écrans\nobjective: obx\nstatus: planed\n"
                                                    "due: 2020-01-01\n"}});
  REQUIRE(l.diags.errors() >= 2);
  const json run = checked_run(format_sarif(l.diags, l.project.files, "0.1.0"));
  CHECK(run["columnKind"] == "unicodeCodePoints");
  REQUIRE(run["results"].size() == l.diags.all().size());
  bool found = false;
  for (const auto& r : run["results"]) {
    if (r["ruleId"] != "ref/unknown") continue;
    found = true;
    const json& loc = r["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "actions/%C3%A9crans%20%C3%A9.yaml");
    CHECK(loc["region"]["startLine"] == 3);
    CHECK(loc["region"]["startColumn"] == 12);
  }
  CHECK(found);
}

TEST_CASE("sarif: whole-file problems, the repository prefix, no diagnostics") {
  Diagnostics diags;
  diags.error("yaml/syntax", Loc{0, 0, 0}, "cannot read the file");
  diags.warning("action/late", Loc{1, 4, 3}, "due 2020-01-01 has passed");
  diags.error("custom/rule", Loc{}, "a rule this version does not describe");
  const std::vector<std::string> files = {"actions/a.yaml", "actions/b.yaml"};
  const json run = checked_run(format_sarif(diags, files, "0.1.0", "plans/cls/"));
  const auto& results = run["results"];
  REQUIRE(results.size() == 3);
  CHECK(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plans/cls/actions/a.yaml");
  CHECK(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1);
  CHECK(!results[0]["locations"][0]["physicalLocation"]["region"].contains("startColumn"));
  CHECK(results[1]["level"] == "warning");
  CHECK(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plans/cls/cls.yaml");

  // The rules: every rule of SPEC §2, §8.2 and §11 in its order, whatever fired,
  // with its own severity; then a rule this version does not describe.
  const json rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 34);
  CHECK(rules[0]["id"] == "yaml/syntax");
  CHECK(rules[0]["defaultConfiguration"]["level"] == "error");
  CHECK(rules[14]["id"] == "action/late");
  CHECK(rules[14]["name"] == "ActionLate");
  CHECK(rules[14]["defaultConfiguration"]["level"] == "warning");
  CHECK(results[1]["ruleIndex"] == 14);
  CHECK(rules[24]["id"] == "meeting/outcome");
  CHECK(rules[25]["id"] == "meeting/no-quorum");
  CHECK(rules[28]["id"] == "actor/address");
  CHECK(rules[28]["defaultConfiguration"]["level"] == "warning");
  CHECK(rules[29]["id"] == "ref/file");
  CHECK(rules[30]["id"] == "action/history");
  CHECK(rules[31]["id"] == "indicator/stale");
  CHECK(rules[32]["id"] == "region/project");
  CHECK(rules[33]["id"] == "custom/rule");
  CHECK(rules[33]["shortDescription"]["text"] == "custom/rule");
  CHECK(results[2]["ruleIndex"] == 33);

  // No diagnostics: still a valid log, with the same rules and no result.
  const json empty = checked_run(format_sarif(Diagnostics{}, {}, "0.1.0"));
  CHECK(empty["results"].empty());
  CHECK(empty["tool"]["driver"]["rules"].size() == 33);
}
