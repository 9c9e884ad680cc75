// SPDX-License-Identifier: EUPL-1.2
#include "cls/report.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_project.h"

using namespace cls;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Project load(std::vector<SourceFile> files) {
  testing::Loaded l = testing::load(std::move(files), "2026-11-25", /*check=*/false);
  INFO(l.messages());
  REQUIRE_FALSE(l.diags.has_errors());
  return std::move(l.project);
}

const char* kManifest = R"(id: t
title: Test
lang: fr
axes:
  - id: a
    title: Axe A
    objectives:
      - {id: a.1, title: Un}
      - {id: a.2, title: Deux}
bodies:
  - {id: copil, title: Comité, members: [x, y, z], quorum: 1/2}
)";

const char* kActors = "- {id: x, name: X}\n- {id: y, name: Y}\n- {id: z, name: Z}\n"
                      "- {id: f, kind: organisation, name: Financeur}\n";

// Two actions: one with readings across three years, one with no progress.
const char* kActions = R"yaml(
- id: A1
  title: "Titre ; avec \"guillemets\""
  objective: a.1
  status: in-progress
  lead: x
  due: 2026-06-30
  budget: {planned: 1200.5, spent: 300.25, funding: [{funder: f, amount: 1000}]}
  indicators:
    - id: i
      label: Indicateur
      target: 10
      values:
        - {date: 2026-03-01, value: 4, note: mars}
        - {date: 2025-12-31, value: 2}
        - {date: 2026-01-15, value: 3}
        - {date: 2027-01-01, value: 9}
- id: A2
  title: "=SOMME(A1:A9)"
  objective: a.2
  indicators:
    # target equal to the baseline (an error `cls check` reports): 0/0 must
    # not turn into NaN
    - {id: j, label: J, baseline: 5, target: 5, values: [{date: 2025-06-01, value: 5}]}
)yaml";

// Meetings out of date order in the files; one not held, one of another year.
const char* kMeetings = R"(
- id: m-06
  body: copil
  date: 2026-06-12
  agenda:
    - title: Point un
      decisions:
        - {text: Adoptée à l'unanimité, vote: {for: 2, against: 0, abstain: 0}}
        - {text: Rejetée à la voix de la présidence, vote: {for: 1, against: 1, abstain: 0}, outcome: rejected}
  attendance: {present: [x, y]}
- id: m-02
  body: copil
  date: 2026-02-01
  attendance: {present: [x, y, z]}
- id: m-12
  body: copil
  date: 2026-12-03
  agenda:
    - title: Pas encore tenue
      decisions: [{text: Prévue}]
- id: m-2025
  body: copil
  date: 2025-12-11
  attendance: {present: [x]}
)";

Project example() {
  return load({{"cls.yaml", kManifest},
               {"actors/a.yaml", kActors},
               {"actions/a.yaml", kActions},
               {"meetings/m.yaml", kMeetings}});
}

}  // namespace

TEST_CASE("the bilan annuel: meetings held in the year with their decisions, readings of the year") {
  const Project p = example();
  const YearReview y = compute_year_review(p, 2026);
  CHECK(y.year == 2026);
  REQUIRE(y.meetings.size() == 2);  // m-12 is not held, m-2025 is of another year
  CHECK(y.meetings[0].meeting->id == "m-02");  // by date, not file order
  CHECK(y.meetings[0].decisions.empty());
  CHECK(y.meetings[1].meeting->id == "m-06");
  REQUIRE(y.meetings[1].decisions.size() == 2);
  CHECK(y.meetings[1].decisions[0].result.outcome == Outcome::adopted);
  CHECK(y.meetings[1].decisions[0].result.unanimous);  // 2 for out of 2 present
  CHECK(y.meetings[1].decisions[1].result.outcome == Outcome::rejected);
  CHECK(y.meetings[1].count.quorum_reached());

  REQUIRE(y.readings.size() == 2);  // 2025-12-31 and 2027-01-01 are of other years
  CHECK(*y.readings[0].reading->date == d("2026-01-15"));
  CHECK(*y.readings[1].reading->date == d("2026-03-01"));
  CHECK(y.readings[1].action->id == "A1");

  CHECK(y.start.as_of == d("2025-12-31"));
  CHECK(*y.start.progress == doctest::Approx(0.2));

  // A1 was already measured on 2025-12-31: the change over 2026 is a change.
  const Rollup end = compute_rollup(p, d("2026-12-31"));
  CHECK(comparable_axis(y.start, end, 0));
  CHECK(comparable_plan(y.start, end));
  // Over 2025, A1 got its first reading: 0.2 against unknown is no change.
  const YearReview y2025 = compute_year_review(p, 2025);
  const Rollup end2025 = compute_rollup(p, d("2025-12-31"));
  CHECK_FALSE(y2025.start.progress.has_value());
  CHECK_FALSE(comparable_axis(y2025.start, end2025, 0));
  CHECK_FALSE(comparable_plan(y2025.start, end2025));
  CHECK_FALSE(comparable_axis(y2025.start, end2025, 7));  // no such axis

  CHECK(compute_year_review(p, 2024).meetings.empty());
  CHECK(compute_year_review(p, 2024).readings.empty());
}

TEST_CASE("the JSON report: the keys of the contract, null for unknown, no NaN") {
  const Project p = example();
  ReportOptions o;
  o.format = ReportFormat::json;
  o.as_of = d("2026-12-31");
  o.year = 2026;
  const std::string text = render_report(p, o);
  CHECK(text.find("NaN") == std::string::npos);
  CHECK(text.find(": nan") == std::string::npos);
  CHECK(text.find("Infinity") == std::string::npos);
  const auto j = nlohmann::json::parse(text);

  CHECK(j["as_of"] == "2026-12-31");
  CHECK(j["year"] == 2026);
  CHECK(j["progress"] == 0.4);  // A1 at 4/10; a.2 unknown; one axis
  CHECK(j["coverage"]["known"] == 1);
  CHECK(j["coverage"]["total"] == 1);
  const auto& axis = j["axes"][0];
  for (const char* key : {"id", "title", "progress", "coverage", "status_counts", "objectives"}) {
    CHECK_MESSAGE(axis.contains(key), key);
  }
  CHECK(axis["status_counts"]["planned"] == 1);
  CHECK(axis["status_counts"]["in-progress"] == 1);
  CHECK(axis["objectives"][1]["progress"].is_null());  // a.2: A2 has no known progress
  CHECK(axis["objectives"][1]["coverage"]["known"] == 0);
  CHECK(axis["objectives"][1]["coverage"]["total"] == 1);
  CHECK(axis["objectives"][0]["actions"] == nlohmann::json::array({"A1"}));

  const auto& a1 = j["actions"][0];
  for (const char* key :
       {"id", "title", "objective", "axis", "status", "lead", "due", "late", "progress", "indicators"}) {
    CHECK_MESSAGE(a1.contains(key), key);
  }
  CHECK(a1["late"] == true);  // due 2026-06-30, in progress, as of 2026-12-31
  CHECK(a1["axis"] == "a");
  CHECK(a1["indicators"][0]["current"] == 4);  // the 2027 reading does not count yet
  CHECK(a1["indicators"][0]["progress"] == 0.4);
  CHECK(j["actions"][1]["progress"].is_null());
  CHECK(j["actions"][1]["indicators"][0]["current"] == 5);
  CHECK(j["actions"][1]["indicators"][0]["progress"].is_null());
  CHECK(j["actions"][1]["lead"].is_null());

  CHECK(j["budget"]["planned"] == 1200.5);
  CHECK(j["budget"]["spent"] == 300.25);
  CHECK(j["budget"]["by_funder"]["f"] == 1000);
  CHECK(j["late"] == nlohmann::json::array({"A1"}));

  // Where the year began: as of 2025-12-31, A1 stood at 2/10.
  CHECK(j["year_start"]["as_of"] == "2025-12-31");
  CHECK(j["year_start"]["progress"] == 0.2);
  CHECK(j["year_start"]["axes"][0]["progress"] == 0.2);
  CHECK(j["year_start"]["axes"][0]["coverage"]["known"] == 1);
  CHECK(j["year_start"]["axes"][0]["comparable"] == true);
  CHECK(j["year_start"]["comparable"] == true);

  REQUIRE(j["meetings"].size() == 2);
  CHECK(j["meetings"][1]["decisions"][1]["outcome"] == "rejected");
  CHECK(j["readings"].size() == 2);
}

TEST_CASE("the JSON report without a year has no meetings nor readings") {
  const Project p = example();
  ReportOptions o;
  o.format = ReportFormat::json;
  o.as_of = d("2025-06-30");
  const auto j = nlohmann::json::parse(render_report(p, o));
  CHECK_FALSE(j.contains("year"));
  CHECK_FALSE(j.contains("meetings"));
  CHECK_FALSE(j.contains("year_start"));
  CHECK(j["progress"].is_null());  // no reading yet anywhere
  CHECK(j["coverage"]["known"] == 0);
  CHECK(j["actions"][0]["indicators"][0]["current"].is_null());
}

TEST_CASE("CSV: the French spreadsheet dialect and RFC 4180") {
  CsvWriter fr(CsvDialect::french);
  fr.text("a;b").text("dit \"oui\"").text("deux\nlignes").number(0.4375, 4).money(Money{450050}).text("plain");
  fr.end_row();
  CHECK(fr.str() == "\xEF\xBB\xBF\"a;b\";\"dit \"\"oui\"\"\";\"deux\nlignes\";0,4375;4500,50;plain\r\n");

  CsvWriter rfc(CsvDialect::rfc4180);
  rfc.text("a,b").text("a;b").number(0.4375, 4).money(Money{1200000}).empty().text("x");
  rfc.end_row();
  CHECK(rfc.str() == "\"a,b\",\"a;b\",0.4375,12000,,x\r\n");

  // A spreadsheet must not read a text as a formula; a number stays a number.
  CsvWriter guard(CsvDialect::rfc4180);
  guard.text("=1+1").text("+33 6").text("@x").text("-2 bureaux").number(-2.5, 2);
  guard.end_row();
  CHECK(guard.str() == "'=1+1,'+33 6,'@x,'-2 bureaux,-2.5\r\n");
  // The first character that is not a blank counts (SPEC §13).
  CsvWriter blank(CsvDialect::rfc4180);
  blank.text("  =1+1").text(" \n@x").text("\xC2\xA0-2").text("\t1").text(" 2 bureaux");
  blank.end_row();
  CHECK(blank.str() == "'  =1+1,\"' \n@x\",'\xC2\xA0-2,'\t1, 2 bureaux\r\n");

  CsvWriter trim(CsvDialect::french);
  trim.number(2.0, 4).number(0.1, 4).number(-0.00001, 4);
  trim.end_row();
  CHECK(trim.str() == "\xEF\xBB\xBF" "2;0,1;0\r\n");
}

TEST_CASE("the CSV report: one row per action, the dialect of the language") {
  const Project p = example();
  CHECK(default_csv_dialect(Lang::fr) == CsvDialect::french);
  CHECK(default_csv_dialect(Lang::en) == CsvDialect::rfc4180);
  ReportOptions o;
  o.format = ReportFormat::csv;
  o.as_of = d("2026-12-31");
  o.csv = CsvDialect::french;
  const std::string fr = render_report(p, o);
  CHECK(fr.starts_with("\xEF\xBB\xBFid;title;axis;"));
  CHECK(fr.find("\r\nA1;\"Titre ; avec \"\"guillemets\"\"\";a;Axe A;a.1;Un;in-progress;en cours;x;X;;2026-06-30;1;0,4;1;1;1200,50;300,25;1000\r\n") !=
        std::string::npos);
  CHECK(fr.find("\r\nA2;'=SOMME(A1:A9);a;Axe A;a.2;Deux;planned;prévue;;;;;0;;0;1;;;\r\n") != std::string::npos);
  std::size_t rows = 0;
  for (std::size_t i = fr.find("\r\n"); i != std::string::npos; i = fr.find("\r\n", i + 2)) ++rows;
  CHECK(rows == 3);  // header and one row per action

  o.csv = CsvDialect::rfc4180;
  const std::string rfc = render_report(p, o);
  CHECK(rfc.starts_with("id,title,axis,"));
  CHECK(rfc.find(",0.4,1,1,1200.50,300.25,1000\r\n") != std::string::npos);
}

namespace {

// A1 measured by I (and K when given), A2 done with a reading of 2026.
Project measured_by(const std::string& more_indicators) {
  return load({{"cls.yaml", kManifest},
               {"actions/a.yaml", R"(
- id: A2
  title: Deux
  objective: a.2
  status: done
  indicators:
    - {id: i, label: I, target: 10, values: [{date: 2026-06-01, value: 3}]}
- id: A1
  title: Un
  objective: a.1
  indicators:
    - {id: i, label: I, target: 10, values: [{date: 2025-06-01, value: 2}, {date: 2026-06-01, value: 4}]}
)" + more_indicators}});
}

}  // namespace

TEST_CASE("a change over the year needs the same indicators known at both ends") {
  const Project p = measured_by("    - {id: k, label: K, target: 10, values: [{date: 2026-06-01, value: 10}]}\n");
  const Rollup end = compute_rollup(p, d("2026-12-31"));
  const YearReview y = compute_year_review(p, 2026);
  // Objective and axis coverages are the same (A1 known at both ends), but
  // A1 went from 1 indicator of 2 to 2 of 2: 0.2 → 0.7 is mostly K's first
  // reading, not progress.
  CHECK(y.start.axes[0].coverage.known == end.axes[0].coverage.known);
  CHECK(y.start.axes[0].objectives[0].coverage.known == end.axes[0].objectives[0].coverage.known);
  CHECK_FALSE(comparable_axis(y.start, end, 0));

  // Without K, A1 is measured by I alone at both ends: comparable; A2 is done,
  // so its new reading changes nothing.
  const Project q = measured_by("");
  const Rollup end_q = compute_rollup(q, d("2026-12-31"));
  const YearReview yq = compute_year_review(q, 2026);
  CHECK(comparable_axis(yq.start, end_q, 0));
  CHECK(*yq.start.axes[0].progress == doctest::Approx((0.2 + 1.0) / 2));
  CHECK(*end_q.axes[0].progress == doctest::Approx((0.4 + 1.0) / 2));
}
