// SPDX-License-Identifier: EUPL-1.2
#include "load_reader.h"

#include "cls/mail.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

#include "cls/french_words.h"

namespace cls::load {

namespace {

// Text from a file, quoted for a message: long values are cut (diagnostic.h).
std::string quote_text(std::string_view text) { return quote_value(text); }

// Far beyond any indicator value or weight, and small enough that sums of
// millions of them stay finite and each is exact to the unit (below 2^53).
constexpr double kMaxNumber = 1e15;

}  // namespace

std::string describe(const YamlNode& n) {
  switch (n.kind) {
    case YamlNode::Kind::map: return "a mapping";
    case YamlNode::Kind::seq: return "a list";
    case YamlNode::Kind::null: return "nothing";
    case YamlNode::Kind::scalar: return quote_text(n.text);
  }
  return "a value";
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  auto alnum = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  };
  if (!alnum(id[0])) return false;
  return std::all_of(id.begin(), id.end(),
                     [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

// --- Map --------------------------------------------------------------------

Reader::Map::Map(Reader& r, const YamlNode& node, const keys::MapDef& def, std::string_view what)
    : r_(r), node_(node), def_(def), what_(what.empty() ? def.name : what) {
  if (def.keys.size() > kMaxKeys) throw std::logic_error("more keys than Map::kMaxKeys in " + std::string(def.name));
  for (std::size_t i = 0; i < node.map_size(); ++i) {
    const YamlNode& k = node.key(i);
    if (!k.is_scalar()) {
      r.diags_.error("schema/type", r.loc(k), "a key must be a word, not " + describe(k));
      continue;
    }
    const keys::KeyDef* known = def.find(k.text);
    if (!known) {
      std::string msg = "unknown key " + quote_text(k.text) + " in " + std::string(what_);
      std::vector<std::string_view> names;
      names.reserve(def.keys.size());
      for (const keys::KeyDef& kd : def.keys) names.push_back(kd.name);
      // The key meant: a misspelling, or the French word for it
      // (`partenaires` → `partners`); else every key the mapping may have.
      if (std::string near = words::suggest(k.text, names); !near.empty()) {
        msg += "; did you mean '" + near + "'?";
      } else {
        msg += "; allowed keys: ";
        for (std::size_t i = 0; i < names.size(); ++i) msg += (i ? ", " : "") + std::string(names[i]);
      }
      r.diags_.error("schema/unknown-key", r.loc(k), msg);
      continue;
    }
    const auto s = static_cast<std::size_t>(known - def.keys.data());
    if (!values_[s]) {  // a duplicate key was reported by the parser; keep the first
      values_[s] = &node.value(i);
      key_nodes_[s] = &k;
    }
  }
  for (std::size_t s = 0; s < def.keys.size(); ++s) {
    const keys::KeyDef& kd = def.keys[s];
    if (kd.required && (!values_[s] || values_[s]->is_null())) {
      r.diags_.error("schema/missing-key", r.loc(key_nodes_[s] ? *key_nodes_[s] : node_),
                     "missing required key '" + std::string(kd.name) + "' in " + std::string(what_));
    }
  }
}

std::size_t Reader::Map::slot(std::string_view key) const {
  const keys::KeyDef* k = def_.find(key);
  if (!k) throw std::logic_error("the loader reads '" + std::string(key) + "', not a key of " + std::string(def_.name));
  return static_cast<std::size_t>(k - def_.keys.data());
}

// --- typed values -----------------------------------------------------------

bool Reader::expect_map(const YamlNode& n, std::string_view what) {
  if (n.is_map()) return true;
  type_error(n, "a mapping (key: value) for " + std::string(what));
  return false;
}

void Reader::type_error(const YamlNode& n, const std::string& expected) {
  diags_.error("schema/type", loc(n), "expected " + expected + ", found " + describe(n));
}

Field<std::string> Reader::text(const YamlNode* n) {
  Field<std::string> f;
  if (!n) return f;
  f.loc = loc(*n);
  if (n->is_scalar()) {
    f.set(n->text);
  } else {
    type_error(*n, "text");
  }
  return f;
}

Field<std::string> Reader::email(const YamlNode* n) {
  Field<std::string> f = text(n);
  if (f && !is_email_address(*f)) {
    // Not a message later: an error now (SPEC §10), before anything is sent.
    diags_.error("schema/type", f.loc,
                 "expected an e-mail address (name@example.org), found " + quote_value(*f));
    return Field<std::string>();
  }
  return f;
}

Field<double> Reader::number(const YamlNode* n) {
  Field<double> f;
  if (!n) return f;
  f.loc = loc(*n);
  double v = 0;
  if (!n->is_scalar() || !parse_number(n->text, v)) {
    type_error(*n, "a number");
  } else if (std::fabs(v) > kMaxNumber) {
    diags_.error("schema/type", f.loc,
                 "the number " + quote_text(n->text) + " is too large: at most 10^15 (a million billion)");
  } else {
    f.set(v);
  }
  return f;
}

Field<double> Reader::weight(const YamlNode* n) {
  Field<double> f = number(n);
  if (f && *f < 0) {
    diags_.error("schema/type", f.loc, "a weight must be 0 or more");
    f.reset();
  }
  return f;
}

Field<int> Reader::integer(const YamlNode* n, int min) {
  Field<int> f;
  if (!n) return f;
  f.loc = loc(*n);
  int v = 0;
  const std::string& t = n->text;
  if (n->is_scalar() && !t.empty() &&
      std::from_chars(t.data(), t.data() + t.size(), v).ptr == t.data() + t.size() &&
      std::from_chars(t.data(), t.data() + t.size(), v).ec == std::errc() && v >= min) {
    f.set(v);
  } else {
    type_error(*n, min == 0 ? "a whole number (0 or more)" : "a whole number of at least " + std::to_string(min));
  }
  return f;
}

Field<bool> Reader::boolean(const YamlNode* n) {
  Field<bool> f;
  if (!n) return f;
  f.loc = loc(*n);
  if (n->is_scalar() && n->plain) {
    if (n->text == "true" || n->text == "True" || n->text == "TRUE") f.set(true);
    if (n->text == "false" || n->text == "False" || n->text == "FALSE") f.set(false);
  }
  if (!f && n->is_scalar() && !n->plain && (n->text == "true" || n->text == "false")) {
    // "true" in quotes (or with a tag) is text to YAML: say so, rather
    // than the puzzling "expected true or false, found 'true'".
    diags_.error("schema/type", f.loc,
                 "expected true or false, found the text " + quote_text(n->text) +
                     " (quoted or tagged); write it without quotes or tag");
  } else if (!f) {
    type_error(*n, "true or false");
  }
  return f;
}

Field<Date> Reader::date(const YamlNode* n) {
  Field<Date> f;
  if (!n) return f;
  f.loc = loc(*n);
  if (!n->is_scalar()) {
    type_error(*n, "a date (YYYY-MM-DD)");
  } else if (auto d = Date::parse(n->text)) {
    if (d->year() >= 3000) {
      // iCalendar and the documents have no use for them, and a typo
      // (3026 for 2026) is likelier than a plan of the fourth millennium.
      diags_.error("date/invalid", f.loc,
                   quote_text(n->text) + " is past the year 2999: cls refuses dates of the year 3000 and later "
                                         "(a typo for 20xx?)");
    } else {
      f.set(*d);
    }
  } else {
    diags_.error("date/invalid", f.loc, quote_text(n->text) + " is not a date; write YYYY-MM-DD, e.g. 2026-12-03");
  }
  return f;
}

Field<TimeOfDay> Reader::time(const YamlNode* n) {
  Field<TimeOfDay> f;
  if (!n) return f;
  f.loc = loc(*n);
  if (!n->is_scalar()) {
    type_error(*n, "a time (HH:MM)");
  } else if (auto t = TimeOfDay::parse(n->text)) {
    f.set(*t);
  } else {
    diags_.error("date/invalid", f.loc, quote_text(n->text) + " is not a time; write HH:MM (24 h), e.g. \"14:00\"");
  }
  return f;
}

Field<Money> Reader::money(const YamlNode* n) {
  Field<Money> f;
  if (!n) return f;
  f.loc = loc(*n);
  std::optional<Money> m;
  if (n->is_scalar()) m = Money::parse(n->text);
  if (m && m->cents >= 0) {
    f.set(*m);
  } else {
    type_error(*n, "an amount in euros (0 or more, at most two decimals, e.g. 4500.50)");
  }
  return f;
}

Field<Quorum> Reader::quorum(const YamlNode* n) {
  Field<Quorum> f;
  if (!n) return f;
  f.loc = loc(*n);
  if (n->is_scalar()) f.set_or_reset(parse_quorum(std::string_view(n->text)));
  if (!f) type_error(*n, "a quorum between 0 and 1: \"1/2\", \"0.5\" or \"50%\"");
  return f;
}

void Reader::second_call(const YamlNode* n, Field<bool>& called, std::optional<Ref>& first_call) {
  if (!n) return;
  called.loc = loc(*n);
  if (n->is_scalar() && n->plain) {
    for (std::string_view t : {"true", "True", "TRUE"}) {
      if (n->text == t) return called.set(true);
    }
    for (std::string_view f : {"false", "False", "FALSE"}) {
      if (n->text == f) return called.set(false);
    }
  }
  if (!n->is_scalar()) {
    type_error(*n, "true, false or the id of the meeting whose quorum failed");
    return;
  }
  called.set(true);
  first_call = Ref{n->text, loc(*n)};
}

std::string Reader::id(const YamlNode* n, Loc& at) {
  if (!n) return {};
  at = loc(*n);
  if (!n->is_scalar()) {
    type_error(*n, "an id");
    return {};
  }
  if (!is_valid_id(n->text)) {
    bad_id(*n);
    return {};
  }
  return n->text;
}

void Reader::bad_id(const YamlNode& n) {
  diags_.error("schema/id", loc(n),
               "invalid id " + describe(n) +
                   ": use letters, digits, '.', '_' and '-', starting with a letter or digit, "
                   "at most 64 characters");
}

std::optional<Ref> Reader::ref(const YamlNode* n) {
  if (!n) return std::nullopt;
  if (!n->is_scalar()) {
    type_error(*n, "an id");
    return std::nullopt;
  }
  return Ref{n->text, loc(*n)};
}

std::vector<Ref> Reader::refs(const YamlNode* n) {
  std::vector<Ref> out;
  if (!n) return out;
  if (!n->is_seq()) {
    type_error(*n, "a list of ids, e.g. [a, b]");
    return out;
  }
  out.reserve(n->children.size());
  for (const auto& item : n->children) {
    if (auto r = ref(&item)) out.push_back(std::move(*r));
  }
  return out;
}

std::vector<Ref> Reader::communes(const YamlNode* n) {
  std::vector<Ref> out;
  if (!n) return out;
  if (!n->is_seq()) {
    type_error(*n, "a list of INSEE codes, e.g. [\"54528\", \"2A004\"]");
    return out;
  }
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (const auto& item : n->children) {
    const std::string& t = item.text;
    const bool ok = item.is_scalar() && t.size() == 5 && digit(t[0]) &&
                    (digit(t[1]) || (t[0] == '2' && (t[1] == 'A' || t[1] == 'B'))) && digit(t[2]) && digit(t[3]) &&
                    digit(t[4]);
    if (ok) {
      out.push_back(Ref{t, loc(item)});
    } else {
      type_error(item, "an INSEE commune code: 5 characters, digits (2A or 2B then 3 digits in Corsica), quoted "
                       "so that a leading 0 stays, e.g. \"08105\"");
    }
  }
  return out;
}

std::vector<Theme> Reader::themes(const YamlNode* n) {
  std::vector<Theme> out;
  each_map(n, "themes", out, [&](const YamlNode& t) {
    Map tm(*this, t, keys::theme);
    Theme theme;
    theme.loc = tm.loc();
    theme.id = id(tm.get("id"), theme.loc);
    theme.title = text(tm.get("title"));
    out.push_back(std::move(theme));
  });
  return out;
}

std::vector<std::pair<Ref, Ref>> Reader::ref_map(const YamlNode* n, std::string_view example) {
  std::vector<std::pair<Ref, Ref>> out;
  if (!n) return out;
  if (!n->is_map()) {
    type_error(*n, std::string(example));
    return out;
  }
  for (std::size_t i = 0; i < n->map_size(); ++i) {
    auto from = ref(&n->key(i));
    auto to = ref(&n->value(i));
    if (from && to) out.emplace_back(std::move(*from), std::move(*to));
  }
  return out;
}

std::optional<std::size_t> Reader::choice_index(const YamlNode& n, std::span<const std::string_view> names,
                                                std::string_view what) {
  if (n.is_scalar()) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (n.text == names[i]) return i;
    }
  }
  std::string allowed;
  for (std::string_view name : names) {
    if (!allowed.empty()) allowed += ", ";
    allowed += name;
  }
  std::string msg = "invalid " + std::string(what) + " " + describe(n) + "; expected one of: " + allowed;
  if (n.is_scalar()) {
    std::vector<std::string_view> candidates(names.begin(), names.end());
    if (auto near = words::suggest(n.text, candidates); !near.empty()) msg += " (did you mean '" + near + "'?)";
  }
  diags_.error("schema/enum", loc(n), msg);
  return std::nullopt;
}

std::optional<Period> Reader::period(const YamlNode* n, std::string_view what) {
  if (!n || !expect_map(*n, what)) return std::nullopt;
  Map m(*this, *n, keys::period, what);
  Period p;
  p.start = date(m.get("start"));
  p.end = date(m.get("end"));
  if (!p.start.has()) p.start.loc = m.loc();
  if (!p.end.has()) p.end.loc = m.loc();
  return p;
}

bool Reader::parse_number(const std::string& t, double& v) {
  if (t.empty() || t.size() > 64) return false;
  // Decimal notation only: from_chars would also take "inf" and "nan".
  for (char c : t) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
      return false;
    }
  }
  const char* b = t.data();
  if (*b == '+') ++b;
  auto [p, ec] = std::from_chars(b, t.data() + t.size(), v);
  return ec == std::errc() && p == t.data() + t.size() && std::isfinite(v);
}

}  // namespace cls::load
