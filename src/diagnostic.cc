// SPDX-License-Identifier: EUPL-1.2
#include "cls/diagnostic.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cls/json_writer.h"
#include "cls/utf8.h"

namespace cls {

void Diagnostics::error(std::string_view rule, Loc loc, std::string message) {
  add({Severity::error, std::string(rule), loc, std::move(message)});
}

void Diagnostics::warning(std::string_view rule, Loc loc, std::string message) {
  add({Severity::warning, std::string(rule), loc, std::move(message)});
}

Diagnostics::Count& Diagnostics::count_of(std::uint32_t file, std::string_view rule, Severity severity) {
  std::string key(reinterpret_cast<const char*>(&file), sizeof file);
  key += severity == Severity::error ? 'e' : 'w';
  key += rule;
  auto [it, fresh] = index_.try_emplace(std::move(key), counts_.size());
  if (fresh) counts_.push_back({file, std::string(rule), severity});
  return counts_[it->second];
}

void Diagnostics::add(Diagnostic d) {
  const std::uint32_t file = d.loc.file;
  Count& c = count_of(file, d.rule, d.severity);
  const std::size_t n = d.more > 0 ? d.more : 1;  // an "and N more" line of another sink: N diagnostics
  (d.severity == Severity::error ? errors_ : warnings_) += n;
  if (d.more > 0 || c.kept >= kMaxPerRuleAndFile) {
    c.dropped += n;
    return;
  }
  ++c.kept;
  all_.push_back(std::move(d));
}

void Diagnostics::append(Diagnostics&& other) {
  if (all_.empty() && counts_.empty()) {
    *this = std::move(other);
  } else {
    for (Diagnostic& d : other.all_) {
      if (d.more == 0) add(std::move(d));  // the lines "and N more" come from the counts below
    }
    for (const Count& c : other.counts_) {
      if (c.dropped == 0) continue;
      Count& mine = count_of(c.file, c.rule, c.severity);
      mine.dropped += c.dropped;
      (c.severity == Severity::error ? errors_ : warnings_) += c.dropped;
    }
  }
  other = Diagnostics();
}

std::string more_message(std::size_t more) {
  return "and " + std::to_string(more) + " more";
}

void Diagnostics::sort(const std::vector<std::string>& files) {
  std::erase_if(all_, [](const Diagnostic& d) { return d.more > 0; });
  for (const Count& c : counts_) {
    if (c.dropped == 0) continue;
    Diagnostic d{c.severity, c.rule, Loc{c.file, 0, 0}, more_message(c.dropped), c.dropped};
    d.loc.file = c.file;  // kNoFile stays kNoFile
    all_.push_back(std::move(d));
  }
  auto path = [&](const Loc& l) -> std::string_view {
    return l.file < files.size() ? std::string_view(files[l.file]) : std::string_view();
  };
  std::stable_sort(all_.begin(), all_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    if (a.loc.file != b.loc.file) return path(a.loc) < path(b.loc);
    if ((a.more > 0) != (b.more > 0)) return b.more > 0;
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

namespace {

std::string_view valid_text(std::string_view text, std::string& storage) {
  if (is_valid_utf8(text)) return text;
  storage = sanitize_utf8(text);
  return storage;
}

void json_document(JsonWriter& w, const Diagnostics& diags, const std::vector<std::string>& files) {
  w.begin_object();
  w.key("errors").value(static_cast<std::uint64_t>(diags.errors()));
  w.key("warnings").value(static_cast<std::uint64_t>(diags.warnings()));
  w.key("diagnostics").begin_array();
  std::string storage;
  for (const auto& d : diags.all()) {
    w.begin_object();
    w.key("severity").value(d.severity == Severity::error ? "error" : "warning");
    w.key("rule").value(valid_text(d.rule, storage));
    w.key("file").value(valid_text(file_of(d.loc, files), storage));
    w.key("line").value(static_cast<std::uint64_t>(d.loc.line));
    w.key("column").value(static_cast<std::uint64_t>(d.loc.col));
    w.key("message").value(valid_text(d.message, storage));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

std::string format_json(const Diagnostics& diags, const std::vector<std::string>& files) {
  JsonWriter w;
  json_document(w, diags, files);
  return w.finish();
}

void write_json(std::FILE* out, const Diagnostics& diags, const std::vector<std::string>& files) {
  JsonWriter w(out);
  json_document(w, diags, files);
  w.finish();
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

namespace {

void sarif_document(JsonWriter& w, const Diagnostics& diags, const std::vector<std::string>& files,
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
  const json driver = {{"name", "cls"}, {"version", std::string(tool_version)}, {"rules", rules}};
  w.begin_object();
  w.key("$schema").value("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
  w.key("version").value("2.1.0");
  w.key("runs").begin_array().begin_object();
  w.key("tool").begin_object().key("driver").tree(driver).end_object();
  w.key("columnKind").value("unicodeCodePoints");
  w.key("results").begin_array();
  // One result at a time, straight to the stream.
  std::string storage;
  for (const auto& d : diags.all()) {
    const std::string uri = uri_path(std::string(uri_prefix) + file_of(d.loc, files));
    const auto idx = std::find(rule_ids.begin(), rule_ids.end(), d.rule) - rule_ids.begin();
    w.begin_object();
    w.key("ruleId").value(valid_text(d.rule, storage));
    w.key("ruleIndex").value(static_cast<std::int64_t>(idx));
    w.key("level").value(level_of(d.severity));
    w.key("message").begin_object().key("text").value(valid_text(d.message, storage)).end_object();
    w.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object().key("uri").value(uri).key("uriBaseId").value("%SRCROOT%").end_object();
    w.key("region").begin_object().key("startLine").value(static_cast<std::uint64_t>(std::max<std::uint32_t>(d.loc.line, 1)));
    if (d.loc.line > 0) w.key("startColumn").value(static_cast<std::uint64_t>(std::max<std::uint32_t>(d.loc.col, 1)));
    w.end_object();
    w.end_object().end_object().end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object().end_array();
  w.end_object();
}

}  // namespace

std::string format_sarif(const Diagnostics& diags, const std::vector<std::string>& files,
                         std::string_view tool_version, std::string_view uri_prefix) {
  JsonWriter w;
  sarif_document(w, diags, files, tool_version, uri_prefix);
  return w.finish();
}

void write_sarif(std::FILE* out, const Diagnostics& diags, const std::vector<std::string>& files,
                 std::string_view tool_version, std::string_view uri_prefix) {
  JsonWriter w(out);
  sarif_document(w, diags, files, tool_version, uri_prefix);
  w.finish();
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
