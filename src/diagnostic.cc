#include "cls/diagnostic.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace cls {

void Diagnostics::error(std::string_view rule, Loc loc, std::string message) {
  all_.push_back({Severity::error, std::string(rule), loc, std::move(message)});
}

void Diagnostics::warning(std::string_view rule, Loc loc, std::string message) {
  all_.push_back({Severity::warning, std::string(rule), loc, std::move(message)});
}

void Diagnostics::append(Diagnostics&& other) {
  if (all_.empty()) {
    all_ = std::move(other.all_);
  } else {
    all_.insert(all_.end(), std::make_move_iterator(other.all_.begin()),
                std::make_move_iterator(other.all_.end()));
  }
  other.all_.clear();
}

std::size_t Diagnostics::errors() const {
  return std::count_if(all_.begin(), all_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t Diagnostics::warnings() const { return all_.size() - errors(); }

void Diagnostics::sort(const std::vector<std::string>& files) {
  auto path = [&](const Loc& l) -> std::string_view {
    return l.file < files.size() ? std::string_view(files[l.file]) : std::string_view();
  };
  std::stable_sort(all_.begin(), all_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    if (a.loc.file != b.loc.file) return path(a.loc) < path(b.loc);
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    if (a.loc.col != b.loc.col) return a.loc.col < b.loc.col;
    return a.rule < b.rule;
  });
}

static std::string file_of(const Loc& loc, const std::vector<std::string>& files) {
  return loc.file < files.size() ? files[loc.file] : std::string("cls.yaml");
}

std::string format_text(const Diagnostic& d, const std::vector<std::string>& files, bool color) {
  const bool err = d.severity == Severity::error;
  std::string out;
  if (color) out += "\033[1m";
  out += file_of(d.loc, files);
  if (d.loc.line > 0) {
    out += ':' + std::to_string(d.loc.line) + ':' + std::to_string(d.loc.col);
  }
  out += ": ";
  if (color) out += err ? "\033[31m" : "\033[35m";
  out += err ? "error" : "warning";
  if (color) out += "\033[0m";
  out += ": " + d.message + " [" + d.rule + "]";
  return out;
}

std::string format_json(const Diagnostics& diags, const std::vector<std::string>& files) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : diags.all()) {
    list.push_back({{"severity", d.severity == Severity::error ? "error" : "warning"},
                    {"rule", d.rule},
                    {"file", file_of(d.loc, files)},
                    {"line", d.loc.line},
                    {"column", d.loc.col},
                    {"message", d.message}});
  }
  nlohmann::ordered_json doc = {
      {"errors", diags.errors()}, {"warnings", diags.warnings()}, {"diagnostics", list}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// SARIF 2.1.0, the subset forges read: one run, the rules that fired, and one
// result per diagnostic with a physical location relative to the project root.
std::string format_sarif(const Diagnostics& diags, const std::vector<std::string>& files,
                         std::string_view tool_version) {
  using json = nlohmann::ordered_json;
  std::vector<std::string> rule_ids;
  for (const auto& d : diags.all()) rule_ids.push_back(d.rule);
  std::sort(rule_ids.begin(), rule_ids.end());
  rule_ids.erase(std::unique(rule_ids.begin(), rule_ids.end()), rule_ids.end());
  json rules = json::array();
  for (const auto& id : rule_ids) {
    rules.push_back({{"id", id}, {"name", id}, {"shortDescription", {{"text", id}}}});
  }
  json results = json::array();
  for (const auto& d : diags.all()) {
    json region = json::object();
    if (d.loc.line > 0) {
      region = {{"startLine", d.loc.line}, {"startColumn", std::max<std::uint32_t>(d.loc.col, 1)}};
    }
    json physical = {{"artifactLocation", {{"uri", file_of(d.loc, files)}, {"uriBaseId", "%SRCROOT%"}}}};
    if (!region.empty()) physical["region"] = region;
    const auto idx = std::lower_bound(rule_ids.begin(), rule_ids.end(), d.rule) - rule_ids.begin();
    results.push_back({{"ruleId", d.rule},
                       {"ruleIndex", idx},
                       {"level", d.severity == Severity::error ? "error" : "warning"},
                       {"message", {{"text", d.message}}},
                       {"locations", json::array({{{"physicalLocation", physical}}})}});
  }
  json doc = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::array({{{"tool", {{"driver", {{"name", "cls"},
                                                    {"version", std::string(tool_version)},
                                                    {"informationUri", "https://example.org/cls"},
                                                    {"rules", rules}}}}},
                             {"results", results}}})}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// Optimal string alignment distance: Levenshtein plus the transposition of
// two neighbours ("nmae" is one edit from "name"), the commonest typo.
static std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t w = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * w);
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t v = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, d[(i - 2) * w + j - 2] + 1);
      }
      d[i * w + j] = v;
    }
  }
  return d[a.size() * w + b.size()];
}

std::string nearest(std::string_view word, const std::vector<std::string_view>& candidates) {
  // A misspelling is a few edits away: at most a third of the word, at least 1,
  // at most 3. Words of very different length are skipped cheaply, which keeps
  // a lookup over many ids fast.
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::string_view best;
  std::size_t best_d = limit + 1;
  for (auto c : candidates) {
    const std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap >= best_d || word.size() > 64 || c.size() > 64) continue;
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return std::string(best);
}

}  // namespace cls
