// SPDX-License-Identifier: EUPL-1.2
#include "cls/diagnostic.h"

#include <cstdio>
#include <cstdlib>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace cls;

TEST_CASE("text diagnostics are FILE:LINE:COL: severity: MESSAGE [RULE]") {
  const std::vector<std::string> files = {"actions/a.yaml"};
  Diagnostic d{Severity::error, "schema/unknown-key", Loc{0, 7, 3}, "unknown key 'x'"};
  CHECK(format_text(d, files, false) == "actions/a.yaml:7:3: error: unknown key 'x' [schema/unknown-key]");
  d.severity = Severity::warning;
  CHECK(format_text(d, files, false) == "actions/a.yaml:7:3: warning: unknown key 'x' [schema/unknown-key]");
  CHECK(format_text(d, files, true).find("\033[") != std::string::npos);
}

TEST_CASE("text diagnostics carry no control character from the files") {
  // An escape sequence in a key, a C1 CSI (U+009B) and a line break in a file
  // name reach the terminal as visible \xHH, on one line.
  const std::vector<std::string> files = {"actions/a\nb.yaml"};
  Diagnostic d{Severity::error, "schema/unknown-key", Loc{0, 1, 1},
               "unknown key '\033[31mred\xC2\x9B" "2J\x7F' in action"};
  CHECK(format_text(d, files, false) ==
        "actions/a\\x0ab.yaml:1:1: error: unknown key '\\x1b[31mred\\x9b2J\\x7f' in action [schema/unknown-key]");
  // Other text, accents and typographic marks included, is kept as is.
  d.message = "clé inconnue « é » ’";
  CHECK(format_text(d, {"actions/é.yaml"}, false) == "actions/é.yaml:1:1: error: clé inconnue « é » ’ [schema/unknown-key]");
}

TEST_CASE("quoted values are cut at a character boundary") {
  CHECK(quote_value("court") == "'court'");
  CHECK(quote_value(std::string(41, 'a')) == "'" + std::string(40, 'a') + "…'");
  // "é" is two bytes: the cut never splits it.
  CHECK(quote_value(std::string(39, 'a') + "éé") == "'" + std::string(39, 'a') + "…'");
  CHECK(quote_value(std::string(100, 'x'), 64).size() == 64 + 2 + 3);
}

TEST_CASE("diagnostics sort by file path, then position") {
  const std::vector<std::string> files = {"meetings/m.yaml", "actions/a.yaml"};
  Diagnostics ds;
  ds.error("r", Loc{0, 1, 1}, "m");
  ds.warning("r", Loc{1, 9, 1}, "a9");
  ds.error("r", Loc{1, 2, 5}, "a2");
  ds.sort(files);
  CHECK(ds.all()[0].message == "a2");
  CHECK(ds.all()[1].message == "a9");
  CHECK(ds.all()[2].message == "m");
  CHECK(ds.errors() == 2);
  CHECK(ds.warnings() == 1);
}

TEST_CASE("JSON output has the keys of SPEC §2") {
  const std::vector<std::string> files = {"cls.yaml"};
  Diagnostics ds;
  ds.warning("action/late", Loc{0, 3, 4}, "late");
  const auto j = nlohmann::json::parse(format_json(ds, files));
  CHECK(j["errors"] == 0);
  CHECK(j["warnings"] == 1);
  CHECK(j["diagnostics"][0]["severity"] == "warning");
  CHECK(j["diagnostics"][0]["rule"] == "action/late");
  CHECK(j["diagnostics"][0]["file"] == "cls.yaml");
  CHECK(j["diagnostics"][0]["line"] == 3);
  CHECK(j["diagnostics"][0]["column"] == 4);
  CHECK(j["diagnostics"][0]["message"] == "late");
}

TEST_CASE("nearest suggests plausible misspellings only") {
  const std::vector<std::string_view> keys = {"partners", "title", "name", "objective"};
  CHECK(nearest("partenrs", keys) == "partners");
  CHECK(nearest("nmae", keys) == "name");  // a transposition is one edit
  CHECK(nearest("titel", keys) == "title");
  CHECK(nearest("budget", keys) == "");
  CHECK(nearest("x", keys) == "");
}

TEST_CASE("the same rule on the same file is kept 100 times, then one line \"and N more\"") {
  Diagnostics ds;
  const std::vector<std::string> files{"actions/a.yaml", "actions/b.yaml"};
  for (std::uint32_t i = 1; i <= 1000; ++i) ds.error("ref/unknown", Loc{0, i, 3}, "unknown id");
  for (std::uint32_t i = 1; i <= 5; ++i) ds.error("schema/type", Loc{0, i, 1}, "bad type");
  for (std::uint32_t i = 1; i <= 150; ++i) ds.warning("action/late", Loc{1, i, 1}, "late");
  CHECK(ds.errors() == 1005);
  CHECK(ds.warnings() == 150);
  ds.sort(files);
  ds.sort(files);  // twice: still one "and N more" per rule and file
  REQUIRE(ds.all().size() == 100 + 1 + 5 + 100 + 1);
  // File a: its diagnostics by line, then its "and N more".
  CHECK(ds.all()[0].loc.line == 1);
  const Diagnostic& more_a = ds.all()[105];
  CHECK(more_a.rule == "ref/unknown");
  CHECK(more_a.more == 900);
  CHECK(more_a.message == "and 900 more");
  CHECK(ds.all().back().rule == "action/late");
  CHECK(ds.all().back().more == 50);
  CHECK(format_text(more_a, files, false) == "actions/a.yaml: error: and 900 more [ref/unknown]");
  // The first 100 reported are the ones kept.
  CHECK(ds.all()[104].loc.line == 100);  // lines 1 to 5 hold two rules each
  const auto j = nlohmann::json::parse(format_json(ds, files));
  CHECK(j["errors"] == 1005);
  CHECK(j["diagnostics"].size() == 207);
  // Moved into another sink (load_checked does so): the counts follow.
  Diagnostics copy;
  for (const auto& d : ds.all()) copy.add(d);
  CHECK(copy.errors() == 1005);
  CHECK(copy.warnings() == 150);
  copy.sort(files);
  CHECK(copy.all().size() == ds.all().size());
  Diagnostics merged;
  merged.warning("action/late", Loc{1, 999, 1}, "late");
  merged.append(std::move(ds));
  CHECK(merged.warnings() == 151);
  CHECK(merged.errors() == 1005);
}

TEST_CASE("JSON and SARIF are streamed: the same text as a string or into a stream") {
  Diagnostics ds;
  const std::vector<std::string> files{"cls.yaml"};
  ds.error("schema/type", Loc{0, 2, 1}, "bad \xff byte");
  ds.sort(files);
  for (int sarif = 0; sarif < 2; ++sarif) {
    char* buffer = nullptr;
    std::size_t size = 0;
    std::FILE* f = open_memstream(&buffer, &size);
    if (sarif) {
      write_sarif(f, ds, files, "1.0");
    } else {
      write_json(f, ds, files);
    }
    std::fclose(f);
    const std::string streamed(buffer, size);
    std::free(buffer);
    CHECK(streamed == (sarif ? format_sarif(ds, files, "1.0") : format_json(ds, files)));
    CHECK(nlohmann::json::accept(streamed));  // valid UTF-8: the bad byte replaced
  }
}
