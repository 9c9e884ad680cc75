// SPDX-License-Identifier: EUPL-1.2
#include "cls/diagnostic.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cls/utf8.h"

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

std::string quote_value(std::string_view text, std::size_t max_bytes) {
  const bool cut = text.size() > max_bytes;
  std::string out = "'";
  out.append(text.substr(0, utf8_prefix(text, max_bytes)));
  out.append(cut ? "…'" : "'");
  return out;
}

// Text from the files as the terminal gets it: control characters (C0, DEL,
// C1) written as \xHH, so that a file cannot move the cursor, recolour or
// retitle the terminal of whoever runs `cls check`, and a line break in a
// file name cannot split a diagnostic in two.
static std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const Utf8Char c = decode_utf8(s, i);
    const char32_t code = c.code_point;
    if (c.valid && (code < 0x20 || (code >= 0x7F && code <= 0x9F))) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[code >> 4];
      out += kHex[code & 15];
    } else {
      out.append(s.substr(i, c.size));  // ill-formed bytes as they are: a name on disk may hold them
    }
    i += c.size;
  }
  return out;
}

static std::string file_of(const Loc& loc, const std::vector<std::string>& files) {
  return loc.file < files.size() ? files[loc.file] : std::string("cls.yaml");
}

std::string format_text(const Diagnostic& d, const std::vector<std::string>& files, bool color) {
  const bool err = d.severity == Severity::error;
  std::string out;
  if (color) out += "\033[1m";
  out += printable(file_of(d.loc, files));
  if (d.loc.line > 0) {
    out += ':' + std::to_string(d.loc.line) + ':' + std::to_string(d.loc.col);
  }
  out += ": ";
  if (color) out += err ? "\033[31m" : "\033[35m";
  out += err ? "error" : "warning";
  if (color) out += "\033[0m";
  out += ": " + printable(d.message) + " [" + d.rule + "]";
  return out;
}

std::string format_json(const Diagnostics& diags, const std::vector<std::string>& files) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : diags.all()) {
    list.push_back({{"severity", d.severity == Severity::error ? "error" : "warning"},
                    {"rule", d.rule},
                    {"file", file_of(d.loc, files)},
                    {"line", static_cast<std::uint32_t>(d.loc.line)},
                    {"column", static_cast<std::uint32_t>(d.loc.col)},
                    {"message", d.message}});
  }
  nlohmann::ordered_json doc = {
      {"errors", diags.errors()}, {"warnings", diags.warnings()}, {"diagnostics", list}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// SARIF 2.1.0 (OASIS), as GitHub code scanning (github/codeql-action/upload-sarif)
// and other SARIF viewers read it: one run whose driver describes every rule
// of SPEC §2 (id, name, descriptions, help, default level), so that the rule
// list and indexes do not depend on what fired; one result per diagnostic
// with a physical location. Forges name files from the top of the
// repository, so `uri_prefix` (the project's path in the repository, "plan/")
// goes before every path; uris are relative references to %SRCROOT%,
// percent-encoded as RFC 3986 asks. Columns count Unicode characters
// (yaml_tree.cc), hence columnKind. A problem of a whole file is put on its
// first line, with no column: code scanning wants a line for every result.
namespace {

struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view text;
};

// The rules of SPEC §2, with their severity and in the words of its table.
constexpr RuleInfo kRuleInfo[] = {
    {"yaml/syntax", Severity::error, "The file is not valid YAML."},
    {"yaml/encoding", Severity::error, "The file is not valid UTF-8."},
    {"yaml/duplicate-key", Severity::error, "The same key appears twice in one mapping."},
    {"schema/missing-key", Severity::error, "A required key is absent."},
    {"schema/unknown-key", Severity::error, "A key the file format does not know."},
    {"schema/type", Severity::error, "A value of the wrong type."},
    {"schema/enum", Severity::error, "A value outside its list of allowed values."},
    {"schema/id", Severity::error,
     "An id that breaks the id rules: [A-Za-z0-9][A-Za-z0-9._-]*, at most 64 characters."},
    {"id/duplicate", Severity::error, "The same id twice in one kind of entity."},
    {"ref/unknown", Severity::error, "A reference to an id that does not exist."},
    {"date/invalid", Severity::error, "A date or time that does not exist or is malformed."},
    {"date/order", Severity::error,
     "Dates in the wrong order (start after due, end before start, convocation after the meeting)."},
    {"indicator/target", Severity::error, "An indicator whose target equals its baseline."},
    {"indicator/value-date", Severity::warning, "An indicator value dated outside the project period."},
    {"action/late", Severity::warning, "An action past its due date that is neither done nor abandoned."},
    {"meeting/attendance", Severity::error,
     "Inconsistent attendance: present and excused; a proxy given by or to a non-member, to someone absent, or by "
     "a member whose substitute sat; remote but not present; a representative who is not a person; a chair, "
     "secretary, recused or dissenting member who did not sit."},
    {"meeting/proxies", Severity::error, "A member holds more proxies than the body allows."},
    {"meeting/vote", Severity::error, "More votes than members present or represented, less the recused."},
    {"meeting/quorum", Severity::warning, "A held meeting where the body's quorum was not reached."},
    {"meeting/notice", Severity::warning,
     "Convocations sent later than the body's notice period (not for an urgent meeting)."},
    {"meeting/uninvited", Severity::warning,
     "Someone present who is neither a member, a member's substitute nor a guest."},
    {"meeting/duration", Severity::warning, "Agenda durations run past the meeting's end."},
    {"actor/mandate", Severity::warning, "A member convened after the end of their mandate."},
    {"actor/absence", Severity::warning,
     "A member absent with no word from every meeting of a body in the last twelve months."},
    {"meeting/outcome", Severity::error,
     "A tied vote with no outcome, a tie decided by outcome when the séance's chair did not sit, or an outcome "
     "that contradicts the vote under the body's majority."},
    {"meeting/no-quorum", Severity::error,
     "Decisions recorded at a held meeting whose quorum was not reached and that is not a second call."},
    {"meeting/second-call", Severity::error,
     "A second call that names no earlier held meeting of the same body whose quorum failed; warning: another "
     "agenda, or second_call: true without an id."},
    {"body/composition", Severity::warning,
     "Members outside the body's size, a collège outside its bounds, a member outside the body's collèges, or a "
     "substitute in a collège that has none."},
    {"actor/address", Severity::warning,
     "Someone convened to a meeting to come who has no postal address and no email."},
    {"ref/file", Severity::error, "An attachment that does not exist or lies outside the project."},
    {"action/history", Severity::warning,
     "An action whose history is not in date order, or whose last history entry is not its status."},
    {"indicator/stale", Severity::warning,
     "An indicator of an action in progress with no reading in the stale_months (default 12) before today."},
    {"region/project", Severity::error, "A project listed in region.yaml that is missing or is not a project."},
};

std::string_view level_of(Severity s) { return s == Severity::error ? "error" : "warning"; }

// "schema/unknown-key" → "SchemaUnknownKey": SARIF wants a rule name that is
// an identifier distinct from the id.
std::string rule_name(std::string_view id) {
  std::string out;
  bool upper = true;
  for (const char c : id) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// A relative path as a URI reference: unreserved characters and '/' stay,
// every other byte (spaces, accents, '%', '#', '?') is percent-encoded.
std::string uri_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    }
  }
  return out;
}

// The reportingDescriptor of a rule. Code scanning shows shortDescription as
// the alert's title and help.text under it.
nlohmann::ordered_json rule_descriptor(std::string_view id, std::string_view text, Severity severity) {
  const std::string description = text.empty() ? std::string(id) : std::string(text);
  return {{"id", id},
          {"name", rule_name(id)},
          {"shortDescription", {{"text", description}}},
          {"fullDescription", {{"text", description}}},
          {"help", {{"text", description + " The rule " + std::string(id) +
                                 " is described in cls-check(1) (man cls-check), section RULES."}}},
          {"defaultConfiguration", {{"level", level_of(severity)}}}};
}

}  // namespace

std::string format_sarif(const Diagnostics& diags, const std::vector<std::string>& files,
                         std::string_view tool_version, std::string_view uri_prefix) {
  using json = nlohmann::ordered_json;
  // Every rule of SPEC §2 in its order, then any other id that fired (a
  // newer rule this table does not describe yet), once each.
  std::vector<std::string> rule_ids;
  json rules = json::array();
  for (const auto& r : kRuleInfo) {
    rule_ids.emplace_back(r.id);
    rules.push_back(rule_descriptor(r.id, r.text, r.severity));
  }
  for (const auto& d : diags.all()) {
    if (std::find(rule_ids.begin(), rule_ids.end(), d.rule) != rule_ids.end()) continue;
    rule_ids.push_back(d.rule);
    rules.push_back(rule_descriptor(d.rule, {}, d.severity));
  }
  json results = json::array();
  for (const auto& d : diags.all()) {
    json region = {{"startLine", std::max<std::uint32_t>(d.loc.line, 1)}};
    if (d.loc.line > 0) region["startColumn"] = std::max<std::uint32_t>(d.loc.col, 1);
    const std::string uri = uri_path(std::string(uri_prefix) + file_of(d.loc, files));
    json physical = {{"artifactLocation", {{"uri", uri}, {"uriBaseId", "%SRCROOT%"}}}, {"region", region}};
    const auto idx = std::find(rule_ids.begin(), rule_ids.end(), d.rule) - rule_ids.begin();
    results.push_back({{"ruleId", d.rule},
                       {"ruleIndex", idx},
                       {"level", level_of(d.severity)},
                       {"message", {{"text", d.message}}},
                       {"locations", json::array({{{"physicalLocation", physical}}})}});
  }
  json run = {{"tool", {{"driver", {{"name", "cls"}, {"version", std::string(tool_version)}, {"rules", rules}}}}},
              {"columnKind", "unicodeCodePoints"},
              {"results", results}};
  json doc = {{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({run})}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

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
