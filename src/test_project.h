// SPDX-License-Identifier: EUPL-1.2
// Test support: a project built from YAML texts in memory, and lookups of the
// diagnostics a rule produced. Included by the *_test.cc files only.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cls/check.h"
#include "cls/load.h"

// Lists of positions ("line:col") print as such when a check fails.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "{";
    for (const auto& x : v) s += (s.size() > 1 ? ", " : "") + x;
    return String((s + "}").c_str());
  }
};
}  // namespace doctest

namespace cls::testing {

// A valid minimal manifest with one axis/objective and a 4-member body.
inline std::string manifest(const std::string& extra_body = "") {
  return "id: t\ntitle: Test\nperiod: {start: 2024-01-01, end: 2027-12-31}\n"
         "axes:\n  - id: ax\n    title: Axe\n    objectives:\n      - {id: ob, title: Objectif}\n"
         "bodies:\n  - id: copil\n    title: Comité\n    members: [a, b, c, d]\n    quorum: 1/2\n"
         "    notice_days: 10\n" + extra_body;
}

inline std::string actors() {
  return "- {id: a, name: A, substitute: sa}\n- {id: b, name: B}\n- {id: c, name: C}\n"
         "- {id: d, name: D}\n- {id: sa, name: Suppléant de A}\n- {id: g, name: Invité}\n";
}

struct Loaded {
  Project project;
  Diagnostics diags;

  // Diagnostics of one rule, as "line:col" strings, in report order.
  std::vector<std::string> at(const std::string& rule) const {
    std::vector<std::string> out;
    for (const auto& d : diags.all()) {
      if (d.rule == rule) out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col));
    }
    return out;
  }
  std::size_t count(const std::string& rule) const { return at(rule).size(); }
  std::string messages() const {
    std::string s;
    for (const auto& d : diags.all()) s += format_text(d, project.files, false) + "\n";
    return s;
  }
};

// Loads the files (path → text) and, unless `check` is false, checks them as
// of `today`.
inline Loaded load(std::vector<SourceFile> files, const std::string& today = "2026-11-25",
                   bool check = true) {
  Loaded l;
  l.project = load_project(std::move(files), l.diags);
  if (check) check_project(l.project, CheckOptions{*Date::parse(today)}, l.diags);
  l.diags.sort(l.project.files);
  return l;
}

// A project of the minimal manifest and actors plus one more file.
inline Loaded with(const std::string& path, const std::string& text, const std::string& today = "2026-11-25",
                   const std::string& extra_body = "") {
  return load({{"cls.yaml", manifest(extra_body)}, {"actors/all.yaml", actors()}, {path, text}}, today);
}

}  // namespace cls::testing
