// SPDX-License-Identifier: EUPL-1.2
// The body of the fuzz target, shared by the libFuzzer binary (fuzz_load.cc)
// and by the unit test that replays every finding kept in fuzz/regressions/,
// so that a finding stays fixed in the normal and the sanitizer builds too.
//
// One input is a whole project in memory, written like the output of
// `head -n 1000 cls.yaml actions/a.yaml …`: a line `==> PATH <==` opens each
// file; bytes before the first such line are cls.yaml. It goes through what
// `cls check` and `cls report` do: load, check, format the diagnostics, and
// roll the indicators up (on a project without errors, as report does).
#pragma once
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cls/calendar.h"
#include "cls/check.h"
#include "cls/diagnostic.h"
#include "cls/load.h"
#include "cls/rollup.h"

namespace cls::fuzz {

// At most this many files per input: more only slows the fuzzer down.
inline constexpr std::size_t kMaxFiles = 16;

// The project's limits with fewer nodes: an input of a few kilobytes has a
// few thousand nodes, so only an alias bomb or a parser that loops (yaml-cpp
// 0.7 on a lone ",") reaches them, and it then costs the fuzzer a fraction
// of a second instead of the 20 s that a million nodes take under ASan.
inline constexpr YamlLimits kFuzzLimits{.max_depth = kProjectFileLimits.max_depth,
                                        .max_nodes = 20'000,
                                        .max_alias_nodes = 10'000,
                                        .max_bytes = kProjectFileLimits.max_bytes};

inline std::vector<SourceFile> split_input(std::string_view in) {
  std::vector<SourceFile> files;
  SourceFile current{"cls.yaml", {}};
  std::size_t pos = 0;
  while (pos <= in.size()) {
    std::size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) eol = in.size();
    const std::string_view line = in.substr(pos, eol - pos);
    if (line.starts_with("==> ") && line.ends_with(" <==") && line.size() >= 8 &&
        files.size() + 1 < kMaxFiles) {
      if (!current.bytes.empty() || current.path != "cls.yaml") files.push_back(std::move(current));
      current = SourceFile{std::string(line.substr(4, line.size() - 8)), {}};
    } else {
      current.bytes.append(line);
      if (eol < in.size()) current.bytes.push_back('\n');
    }
    pos = eol + 1;
  }
  files.push_back(std::move(current));
  return files;
}

// Stops the run loudly: libFuzzer (and the unit test, under the sanitizers)
// report an abort with the input that caused it.
inline void expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
  }
}

inline bool is_progress(const std::optional<double>& p) {
  return !p || (std::isfinite(*p) && *p >= 0 && *p <= 1);
}

inline void run_one(std::string_view input) {
  const Date today = *Date::parse("2026-11-25");
  Diagnostics diags;
  Project p = load_project(split_input(input), diags, kFuzzLimits);
  check_project(p, CheckOptions{today}, diags);
  diags.sort(p.files);
  // The cap (SPEC §13): each listed diagnostic counts once, each "and N
  // more" N times, and together they are all the errors and warnings.
  std::size_t counted = 0;
  for (const auto& d : diags.all()) {
    expect(!d.rule.empty() && !d.message.empty(), "a diagnostic without rule or message");
    (void)format_text(d, p.files, false);
    counted += d.more > 0 ? d.more : 1;
  }
  expect(counted == diags.errors() + diags.warnings(), "the diagnostics listed miscount the total");
  // The JSON of `cls check --format json` must parse back, as strict JSON.
  const std::string json = format_json(diags, p.files);
  const auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  expect(!parsed.is_discarded(), "format_json wrote invalid JSON");
  expect(parsed["errors"] == diags.errors(), "format_json miscounted the errors");
  (void)format_sarif(diags, p.files, "fuzz");

  if (diags.has_errors()) return;  // report refuses such a project
  const Rollup r = compute_rollup(p, today);
  expect(is_progress(r.progress), "plan progress outside [0, 1]");
  for (const auto& a : r.axes) {
    expect(is_progress(a.progress), "axis progress outside [0, 1]");
    for (const auto& o : a.objectives) expect(is_progress(o.progress), "objective progress outside [0, 1]");
  }
  for (const auto& a : r.actions) {
    expect(is_progress(a.progress), "action progress outside [0, 1]");
    for (const auto& i : rollup_indicators(*a.action, r.as_of)) {
      expect(is_progress(i.progress), "indicator progress outside [0, 1]");
    }
  }
}

}  // namespace cls::fuzz
