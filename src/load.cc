// SPDX-License-Identifier: EUPL-1.2
#include "cls/load.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cls {

namespace fs = std::filesystem;

std::optional<fs::path> find_project_root(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  dir = dir.lexically_normal();
  while (true) {
    if (fs::is_regular_file(dir / "cls.yaml", ec)) return dir;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

namespace {

// Text from a file, quoted for a message: long values are cut (diagnostic.h).
std::string quote_text(std::string_view text) { return quote_value(text); }

// What a YAML node is, in words for a schema/type message.
std::string describe(const YamlNode& n) {
  switch (n.kind) {
    case YamlNode::Kind::map: return "a mapping";
    case YamlNode::Kind::seq: return "a list";
    case YamlNode::Kind::null: return "nothing";
    case YamlNode::Kind::scalar: return quote_text(n.text);
  }
  return "a value";
}

// Far beyond any indicator value or weight, and small enough that sums of
// millions of them stay finite and each is exact to the unit (below 2^53).
constexpr double kMaxNumber = 1e15;

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  auto alnum = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  };
  if (!alnum(id[0])) return false;
  return std::all_of(id.begin(), id.end(),
                     [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

// Reads the values of one file into the model, reporting schema problems.
// Each key of the format is read in exactly one place, through these typed
// accessors, so each schema rule has one implementation.
class Reader {
 public:
  Reader(std::uint32_t file, Diagnostics& diags) : file_(file), diags_(diags) {}

  Loc loc(const YamlNode& n) const { return Loc{file_, n.line, n.col}; }
  Diagnostics& diags() { return diags_; }

  // A mapping's keys, checked against the keys the format knows. Kept on
  // the stack (a fiche action has a dozen keys, and there are tens of
  // thousands of mappings in a national project).
  class Map {
   public:
    static constexpr std::size_t kMaxKeys = 16;

    template <std::size_t N>
    Map(Reader& r, const YamlNode& node, const std::string_view (&keys)[N], std::string_view what)
        : r_(r), node_(node), count_(N) {
      static_assert(N <= kMaxKeys, "more keys than Map::kMaxKeys");
      std::copy(keys, keys + N, keys_.begin());
      for (std::size_t i = 0; i < node.map_size(); ++i) {
        const YamlNode& k = node.key(i);
        if (!k.is_scalar()) {
          r.diags_.error("schema/type", r.loc(k), "a key must be a word, not " + describe(k));
          continue;
        }
        const std::size_t slot = find(k.text);
        if (slot == count_) {
          std::string msg = "unknown key " + quote_text(k.text) + " in " + std::string(what);
          std::string near = nearest(k.text, std::vector<std::string_view>(keys, keys + N));
          if (!near.empty()) msg += "; did you mean '" + near + "'?";
          r.diags_.error("schema/unknown-key", r.loc(k), msg);
          continue;
        }
        if (!values_[slot]) {  // a duplicate key was reported by the parser; keep the first
          values_[slot] = &node.value(i);
          key_nodes_[slot] = &k;
        }
      }
    }

    // The value of `key`, or nullptr when absent or null.
    const YamlNode* get(std::string_view key) const {
      const YamlNode* v = values_[slot(key)];
      return v && !v->is_null() ? v : nullptr;
    }
    // Position of the key itself (or of the mapping when absent).
    Loc key_loc(std::string_view key) const {
      const YamlNode* k = key_nodes_[slot(key)];
      return r_.loc(k ? *k : node_);
    }
    Loc loc() const { return r_.loc(node_); }
    // Whether the key is written at all (even with an empty value).
    bool has(std::string_view key) const { return key_nodes_[slot(key)] != nullptr; }

    // Reports schema/missing-key when `key` has no value.
    const YamlNode* require(std::string_view key, std::string_view what) const {
      const YamlNode* v = get(key);
      if (!v) {
        r_.diags_.error("schema/missing-key", key_nodes_[slot(key)] ? key_loc(key) : loc(),
                        "missing required key '" + std::string(key) + "' in " + std::string(what));
      }
      return v;
    }

   private:
    std::size_t find(std::string_view key) const {
      return static_cast<std::size_t>(std::find(keys_.begin(), keys_.begin() + count_, key) - keys_.begin());
    }
    // The slot of a key the format knows (a key the reader asks for).
    std::size_t slot(std::string_view key) const { return find(key); }

    Reader& r_;
    const YamlNode& node_;
    std::size_t count_;
    std::array<std::string_view, kMaxKeys> keys_{};
    std::array<const YamlNode*, kMaxKeys> values_{};
    std::array<const YamlNode*, kMaxKeys> key_nodes_{};
  };

  bool expect_map(const YamlNode& n, std::string_view what) {
    if (n.is_map()) return true;
    type_error(n, "a mapping (key: value) for " + std::string(what));
    return false;
  }

  void type_error(const YamlNode& n, const std::string& expected) {
    diags_.error("schema/type", loc(n), "expected " + expected + ", found " + describe(n));
  }

  Field<std::string> text(const YamlNode* n) {
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

  // A number: finite, decimal notation (no .nan, .inf or 1e400), and at most
  // kMaxNumber in magnitude, so that the sums and differences of the roll-up
  // stay finite (cls-check(1), LIMITS).
  Field<double> number(const YamlNode* n) {
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

  // A weight (§3): a number of 0 or more.
  Field<double> weight(const YamlNode* n) {
    Field<double> f = number(n);
    if (f && *f < 0) {
      diags_.error("schema/type", f.loc, "a weight must be 0 or more");
      f.reset();
    }
    return f;
  }

  Field<int> integer(const YamlNode* n, int min = 0) {
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

  Field<bool> boolean(const YamlNode* n) {
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

  Field<Date> date(const YamlNode* n) {
    Field<Date> f;
    if (!n) return f;
    f.loc = loc(*n);
    if (!n->is_scalar()) {
      type_error(*n, "a date (YYYY-MM-DD)");
    } else if (auto d = Date::parse(n->text)) {
      f.set(*d);
    } else {
      diags_.error("date/invalid", f.loc,
                   quote_text(n->text) + " is not a date; write YYYY-MM-DD, e.g. 2026-12-03");
    }
    return f;
  }

  Field<TimeOfDay> time(const YamlNode* n) {
    Field<TimeOfDay> f;
    if (!n) return f;
    f.loc = loc(*n);
    if (!n->is_scalar()) {
      type_error(*n, "a time (HH:MM)");
    } else if (auto t = TimeOfDay::parse(n->text)) {
      f.set(*t);
    } else {
      diags_.error("date/invalid", f.loc,
                   quote_text(n->text) + " is not a time; write HH:MM (24 h), e.g. \"14:00\"");
    }
    return f;
  }

  Field<Money> money(const YamlNode* n) {
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

  // An entity's own id (schema/id when malformed).
  std::string id(const YamlNode* n, Loc& at) {
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

  void bad_id(const YamlNode& n) {
    diags_.error("schema/id", loc(n),
                 "invalid id " + describe(n) +
                     ": use letters, digits, '.', '_' and '-', starting with a letter or digit, "
                     "at most 64 characters");
  }

  std::optional<Ref> ref(const YamlNode* n) {
    if (!n) return std::nullopt;
    if (!n->is_scalar()) {
      type_error(*n, "an id");
      return std::nullopt;
    }
    return Ref{n->text, loc(*n)};
  }

  std::vector<Ref> refs(const YamlNode* n) {
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

  template <class E>
  Field<E> choice(const YamlNode* n, std::initializer_list<std::pair<std::string_view, E>> options,
                  std::string_view what) {
    Field<E> f;
    if (!n) return f;
    f.loc = loc(*n);
    if (n->is_scalar()) {
      for (const auto& [name, value] : options) {
        if (n->text == name) {
          f.set(value);
          return f;
        }
      }
    }
    std::string allowed;
    std::vector<std::string_view> names;
    for (const auto& [name, value] : options) {
      if (!allowed.empty()) allowed += ", ";
      allowed += name;
      names.push_back(name);
    }
    std::string msg = "invalid " + std::string(what) + " " + describe(*n) + "; expected one of: " + allowed;
    if (n->is_scalar()) {
      if (auto near = nearest(n->text, names); !near.empty()) msg += " (did you mean '" + near + "'?)";
    }
    diags_.error("schema/enum", f.loc, msg);
    return f;
  }

  std::optional<Period> period(const YamlNode* n, std::string_view what) {
    if (!n || !expect_map(*n, what)) return std::nullopt;
    Map m(*this, *n, {"start", "end"}, what);
    Period p;
    p.start = date(m.get("start"));
    p.end = date(m.get("end"));
    if (!p.start.has()) p.start.loc = m.loc();
    if (!p.end.has()) p.end.loc = m.loc();
    return p;
  }

  // Calls `each` for every mapping of a list (reporting items that are not),
  // `out` being the vector that `each` fills: sized once for the list.
  template <class T, class F>
  void each_map(const YamlNode* n, std::string_view what, std::vector<T>& out, F&& each) {
    if (!n) return;
    if (!n->is_seq()) {
      type_error(*n, "a list of " + std::string(what));
      return;
    }
    out.reserve(out.size() + n->children.size());
    for (const auto& item : n->children) {
      if (expect_map(item, what)) each(item);
    }
  }

  static bool parse_number(const std::string& t, double& v) {
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

 private:
  std::uint32_t file_;
  Diagnostics& diags_;
};

// --- cls.yaml -------------------------------------------------------------

std::optional<Quorum> parse_quorum(const YamlNode& n) {
  if (!n.is_scalar()) return std::nullopt;
  return cls::parse_quorum(std::string_view(n.text));
}

void read_manifest(Reader& r, const YamlNode& root, Manifest& m) {
  if (!r.expect_map(root, "cls.yaml")) return;
  Reader::Map top(r, root,
                  {"id", "title", "kind", "lang", "organisation", "territory", "period", "axes",
                   "bodies"},
                  "cls.yaml");
  Loc id_loc = top.loc();
  std::string id = r.id(top.require("id", "cls.yaml"), id_loc);
  if (!id.empty()) m.id = Field<std::string>{id, id_loc};
  m.title = r.text(top.require("title", "cls.yaml"));
  m.kind = r.choice<ProjectKind>(top.get("kind"), {{"cls", ProjectKind::cls}, {"cts", ProjectKind::cts}},
                                 "kind");
  m.lang = r.choice<Lang>(top.get("lang"), {{"fr", Lang::fr}, {"en", Lang::en}}, "lang");
  m.territory = r.text(top.get("territory"));
  if (const YamlNode* o = top.get("organisation"); o && r.expect_map(*o, "organisation")) {
    Reader::Map om(r, *o, {"name", "address", "city", "email", "phone"}, "organisation");
    Organisation org;
    org.name = r.text(om.require("name", "organisation"));
    org.address = r.text(om.get("address"));
    org.city = r.text(om.get("city"));
    org.email = r.text(om.get("email"));
    org.phone = r.text(om.get("phone"));
    m.organisation = std::move(org);
  }
  m.period = r.period(top.get("period"), "period");

  r.each_map(top.get("axes"), "axes", m.axes, [&](const YamlNode& a) {
    Reader::Map am(r, a, {"id", "title", "objectives"}, "axis");
    Axis axis;
    axis.loc = am.loc();
    axis.id = r.id(am.require("id", "axis"), axis.loc);
    axis.title = r.text(am.require("title", "axis"));
    r.each_map(am.get("objectives"), "objectives", axis.objectives, [&](const YamlNode& o) {
      Reader::Map obm(r, o, {"id", "title", "weight"}, "objective");
      Objective obj;
      obj.loc = obm.loc();
      obj.id = r.id(obm.require("id", "objective"), obj.loc);
      obj.title = r.text(obm.require("title", "objective"));
      obj.weight = r.weight(obm.get("weight"));
      axis.objectives.push_back(std::move(obj));
    });
    m.axes.push_back(std::move(axis));
  });

  r.each_map(top.get("bodies"), "bodies", m.bodies, [&](const YamlNode& b) {
    Reader::Map bm(r, b, {"id", "title", "members", "chair", "quorum", "notice_days", "proxies"},
                   "body");
    Body body;
    body.loc = bm.loc();
    body.id = r.id(bm.require("id", "body"), body.loc);
    body.title = r.text(bm.require("title", "body"));
    body.members = r.refs(bm.get("members"));
    body.members_loc = bm.key_loc("members");
    body.chair = r.ref(bm.get("chair"));
    if (const YamlNode* q = bm.get("quorum")) {
      body.quorum.loc = r.loc(*q);
      body.quorum.set_or_reset(parse_quorum(*q));
      if (!body.quorum) r.type_error(*q, "a quorum between 0 and 1: \"1/2\", \"0.5\" or \"50%\"");
    }
    body.notice_days = r.integer(bm.get("notice_days"));
    body.proxies = r.integer(bm.get("proxies"));
    m.bodies.push_back(std::move(body));
  });
}

// --- actors/ ----------------------------------------------------------------

void read_actor(Reader& r, const YamlNode& n, std::vector<Actor>& out) {
  Reader::Map am(r, n,
                 {"id", "kind", "name", "civility", "role", "organisation", "email", "phone",
                  "address", "college", "substitute", "mandate"},
                 "actor");
  Actor a;
  a.loc = am.loc();
  a.id = r.id(am.require("id", "actor"), a.loc);
  a.kind = r.choice<ActorKind>(am.get("kind"),
                               {{"person", ActorKind::person}, {"organisation", ActorKind::organisation}},
                               "actor kind");
  a.name = r.text(am.require("name", "actor"));
  a.civility = r.choice<Civility>(am.get("civility"),
                                  {{"Mme", Civility::mme}, {"M.", Civility::m}},
                                  "civility");
  a.role = r.text(am.get("role"));
  a.organisation = r.ref(am.get("organisation"));
  a.email = r.text(am.get("email"));
  a.phone = r.text(am.get("phone"));
  a.address = r.text(am.get("address"));
  a.college = r.text(am.get("college"));
  a.substitute = r.ref(am.get("substitute"));
  a.mandate = r.period(am.get("mandate"), "mandate");
  out.push_back(std::move(a));
}

// --- actions/ ---------------------------------------------------------------

void read_indicator(Reader& r, const YamlNode& n, std::vector<Indicator>& out) {
  Reader::Map im(r, n,
                 {"id", "label", "type", "unit", "baseline", "target", "accumulate", "weight", "values"},
                 "indicator");
  Indicator ind;
  ind.loc = im.loc();
  ind.id = r.id(im.require("id", "indicator"), ind.loc);
  ind.label = r.text(im.require("label", "indicator"));
  ind.type = r.choice<IndicatorType>(im.get("type"),
                                     {{"process", IndicatorType::process}, {"result", IndicatorType::result}},
                                     "indicator type");
  ind.unit = r.text(im.get("unit"));
  ind.baseline = r.number(im.get("baseline"));
  ind.target = r.number(im.require("target", "indicator"));
  if (!ind.target.has()) ind.target.loc = im.loc();
  ind.accumulate = r.boolean(im.get("accumulate"));
  ind.weight = r.weight(im.get("weight"));
  r.each_map(im.get("values"), "values", ind.values, [&](const YamlNode& v) {
    Reader::Map vm(r, v, {"date", "value", "note"}, "indicator value");
    Reading rd;
    rd.date = r.date(vm.require("date", "indicator value"));
    rd.value = r.number(vm.require("value", "indicator value"));
    rd.set_note(r.text(vm.get("note")));
    ind.values.push_back(std::move(rd));
  });
  out.push_back(std::move(ind));
}

void read_action(Reader& r, const YamlNode& n, std::vector<Action>& out) {
  Reader::Map am(r, n,
                 {"id", "title", "objective", "status", "lead", "partners", "start", "due", "weight",
                  "public", "budget", "description", "indicators"},
                 "action");
  Action a;
  a.loc = am.loc();
  a.id = r.id(am.require("id", "action"), a.loc);
  a.title = r.text(am.require("title", "action"));
  a.objective = r.ref(am.require("objective", "action"));
  a.status = r.choice<Status>(am.get("status"),
                              {{"planned", Status::planned},
                               {"in-progress", Status::in_progress},
                               {"done", Status::done},
                               {"suspended", Status::suspended},
                               {"abandoned", Status::abandoned}},
                              "status");
  a.lead = r.ref(am.get("lead"));
  a.partners = r.refs(am.get("partners"));
  a.start = r.date(am.get("start"));
  a.due = r.date(am.get("due"));
  a.weight = r.weight(am.get("weight"));
  a.public_target = r.text(am.get("public"));
  a.description = r.text(am.get("description"));
  if (const YamlNode* b = am.get("budget"); b && r.expect_map(*b, "budget")) {
    Reader::Map bm(r, *b, {"planned", "spent", "funding"}, "budget");
    Budget budget;
    budget.planned = r.money(bm.get("planned"));
    budget.spent = r.money(bm.get("spent"));
    r.each_map(bm.get("funding"), "funding", budget.funding, [&](const YamlNode& f) {
      Reader::Map fm(r, f, {"funder", "amount"}, "funding");
      Funding fund;
      fund.loc = fm.loc();
      if (auto ref = r.ref(fm.require("funder", "funding"))) fund.funder = std::move(*ref);
      fund.amount = r.money(fm.require("amount", "funding"));
      budget.funding.push_back(std::move(fund));
    });
    a.budget = std::move(budget);
  }
  r.each_map(am.get("indicators"), "indicators", a.indicators,
             [&](const YamlNode& i) { read_indicator(r, i, a.indicators); });
  out.push_back(std::move(a));
}

// --- meetings/ --------------------------------------------------------------

void read_item(Reader& r, const YamlNode& n, std::vector<AgendaItem>& out) {
  Reader::Map im(r, n,
                 {"title", "kind", "presenter", "duration", "actions", "notes", "summary", "decisions",
                  "followups"},
                 "agenda item");
  AgendaItem item;
  item.loc = im.loc();
  item.title = r.text(im.require("title", "agenda item"));
  item.kind = r.choice<ItemKind>(im.get("kind"),
                                 {{"information", ItemKind::information},
                                  {"discussion", ItemKind::discussion},
                                  {"decision", ItemKind::decision}},
                                 "agenda item kind");
  item.presenter = r.ref(im.get("presenter"));
  item.duration = r.integer(im.get("duration"));
  item.actions = r.refs(im.get("actions"));
  item.notes = r.text(im.get("notes"));
  item.summary = r.text(im.get("summary"));
  r.each_map(im.get("decisions"), "decisions", item.decisions, [&](const YamlNode& d) {
    Reader::Map dm(r, d, {"text", "vote", "outcome"}, "decision");
    Decision dec;
    dec.loc = dm.loc();
    dec.text = r.text(dm.require("text", "decision"));
    if (const YamlNode* v = dm.get("vote"); v && r.expect_map(*v, "vote")) {
      Reader::Map vm(r, *v, {"for", "against", "abstain"}, "vote");
      Vote vote;
      vote.loc = vm.loc();
      vote.for_ = r.integer(vm.get("for")).value_or(0);
      vote.against = r.integer(vm.get("against")).value_or(0);
      vote.abstain = r.integer(vm.get("abstain")).value_or(0);
      dec.vote = vote;
    }
    dec.outcome = r.choice<Outcome>(dm.get("outcome"),
                                    {{"adopted", Outcome::adopted}, {"rejected", Outcome::rejected}},
                                    "outcome");
    item.decisions.push_back(std::move(dec));
  });
  r.each_map(im.get("followups"), "followups", item.followups, [&](const YamlNode& f) {
    Reader::Map fm(r, f, {"task", "owner", "due", "done"}, "follow-up");
    Followup fu;
    fu.loc = fm.loc();
    fu.task = r.text(fm.require("task", "follow-up"));
    fu.owner = r.ref(fm.get("owner"));
    fu.due = r.date(fm.get("due"));
    fu.done = r.date(fm.get("done"));
    item.followups.push_back(std::move(fu));
  });
  out.push_back(std::move(item));
}

void read_meeting(Reader& r, const YamlNode& n, std::vector<Meeting>& out) {
  Reader::Map mm(r, n,
                 {"id", "body", "title", "date", "start", "end", "place", "online", "guests",
                  "second_call", "convocation", "agenda", "attendance"},
                 "meeting");
  Meeting m;
  m.loc = mm.loc();
  m.id = r.id(mm.require("id", "meeting"), m.loc);
  m.body = r.ref(mm.require("body", "meeting"));
  m.title = r.text(mm.get("title"));
  m.date = r.date(mm.require("date", "meeting"));
  m.start = r.time(mm.get("start"));
  m.end = r.time(mm.get("end"));
  m.place = r.text(mm.get("place"));
  m.online = r.text(mm.get("online"));
  m.guests = r.refs(mm.get("guests"));
  m.second_call = r.boolean(mm.get("second_call"));
  if (const YamlNode* c = mm.get("convocation"); c && r.expect_map(*c, "convocation")) {
    Reader::Map cm(r, *c, {"date", "signatory"}, "convocation");
    Convocation conv;
    conv.loc = cm.loc();
    conv.date = r.date(cm.get("date"));
    conv.signatory = r.ref(cm.get("signatory"));
    m.convocation = std::move(conv);
  }
  r.each_map(mm.get("agenda"), "agenda items", m.agenda, [&](const YamlNode& i) { read_item(r, i, m.agenda); });
  // `attendance:` written but empty still means the meeting is held.
  const bool has_attendance_key = mm.has("attendance");
  if (const YamlNode* a = mm.get("attendance"); a && r.expect_map(*a, "attendance")) {
    Reader::Map am(r, *a, {"present", "excused", "proxies"}, "attendance");
    Attendance att;
    att.loc = am.loc();
    att.present = r.refs(am.get("present"));
    att.excused = r.refs(am.get("excused"));
    if (const YamlNode* p = am.get("proxies")) {
      if (!p->is_map()) {
        r.type_error(*p, "a mapping of absent member to holder, e.g. {a.dupont: m.martin}");
      } else {
        for (std::size_t i = 0; i < p->map_size(); ++i) {
          auto giver = r.ref(&p->key(i));
          auto holder = r.ref(&p->value(i));
          if (giver && holder) att.proxies.push_back({std::move(*giver), std::move(*holder)});
        }
      }
    }
    m.attendance = std::move(att);
  } else if (!a && has_attendance_key) {
    Attendance att;
    att.loc = mm.key_loc("attendance");
    m.attendance = std::move(att);
  }
  out.push_back(std::move(m));
}

// --- files ------------------------------------------------------------------

enum class Folder { manifest, actors, actions, meetings, other };

Folder folder_of(std::string_view path) {
  if (path == "cls.yaml") return Folder::manifest;
  if (path.starts_with("actors/")) return Folder::actors;
  if (path.starts_with("actions/")) return Folder::actions;
  if (path.starts_with("meetings/")) return Folder::meetings;
  return Folder::other;
}

// What one file contributes, parsed on its own (possibly on another thread).
struct FileResult {
  Diagnostics diags;
  std::optional<Manifest> manifest;
  std::vector<Actor> actors;
  std::vector<Action> actions;
  std::vector<Meeting> meetings;
};

void load_file(std::uint32_t index, std::string_view path, std::string_view bytes,
               const YamlLimits& limits, FileResult& out) {
  std::vector<YamlNode> docs;
  if (!parse_yaml(bytes, index, out.diags, docs, limits)) return;
  Reader r(index, out.diags);
  if (docs.size() > 1) {
    out.diags.error("yaml/syntax", r.loc(docs[1]),
                    "a second YAML document ('---') in one file; keep one document per file");
  }
  const Folder folder = folder_of(path);
  if (folder == Folder::manifest) {
    out.manifest.emplace();
    if (docs.empty()) {
      out.diags.error("schema/missing-key", Loc{index, 1, 1}, "cls.yaml is empty: it needs at least 'id' and 'title'");
    } else {
      read_manifest(r, docs[0], *out.manifest);
    }
    return;
  }
  if (docs.empty() || docs[0].is_null()) return;  // an empty file declares nothing
  const YamlNode& root = docs[0];
  auto each_entity = [&](std::string_view what, auto&& read) {
    if (root.is_map()) {
      read(root);
    } else if (root.is_seq()) {
      for (const auto& item : root.children) {
        if (r.expect_map(item, what)) read(item);
      }
    } else {
      r.type_error(root, "a mapping (one " + std::string(what) + ") or a list of them");
    }
  };
  switch (folder) {
    case Folder::actors: each_entity("actor", [&](const YamlNode& n) { read_actor(r, n, out.actors); }); break;
    case Folder::actions: each_entity("action", [&](const YamlNode& n) { read_action(r, n, out.actions); }); break;
    case Folder::meetings: each_entity("meeting", [&](const YamlNode& n) { read_meeting(r, n, out.meetings); }); break;
    default: break;
  }
}

bool has_yaml_extension(const fs::path& p) {
  const auto ext = p.extension();
  return ext == ".yaml" || ext == ".yml";
}

// Runs `work(i)` for i in [0, n) on all cores.
template <class F>
void parallel_for(std::size_t n, F&& work) {
  const std::size_t threads = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), n);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) work(i);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (auto& t : pool) t.join();
}

// Loads the files in batches: parsed in parallel within a batch (`load(i,
// path, result)` for file i), then moved into the project in path order before the
// next batch starts. Besides the project, only one batch of results is alive,
// and each file's YAML tree only while its file is read.
template <class Load>
Project load_files(std::vector<std::string> paths, Diagnostics& diags, Load&& load) {
  constexpr std::size_t kBatch = 1024;
  Project p;
  if (paths.size() > Loc::kMaxFiles) {
    // A Loc has 20 bits of file index (diagnostic.h). A million files is
    // twenty times a national roll-up of 50,000 fiches: more is a mistake
    // (a folder copied into itself, a checkout of the wrong tree).
    p.files = {"cls.yaml"};
    diags.error("yaml/syntax", Loc{0, 0, 0},
                "the project has " + std::to_string(paths.size()) + " files; cls reads at most " +
                    std::to_string(Loc::kMaxFiles) + " (cls-check(1), LIMITS)");
    return p;
  }
  p.files = std::move(paths);
  // One fiche action and one meeting per file is the habit: reserved, so
  // that the vectors of entities are not moved as they grow.
  std::size_t action_files = 0, meeting_files = 0;
  for (const auto& f : p.files) {
    action_files += folder_of(f) == Folder::actions;
    meeting_files += folder_of(f) == Folder::meetings;
  }
  p.actions.reserve(action_files);
  p.meetings.reserve(meeting_files);
  // A cls.yaml that cannot be read or parsed is there all the same: its own
  // error says what is wrong, not "no cls.yaml" on top of it.
  const bool have_manifest = std::find(p.files.begin(), p.files.end(), "cls.yaml") != p.files.end();
  std::vector<FileResult> results;
  for (std::size_t first = 0; first < p.files.size(); first += kBatch) {
    results.clear();
    results.resize(std::min(kBatch, p.files.size() - first));
    parallel_for(results.size(), [&](std::size_t k) { load(first + k, p.files[first + k], results[k]); });
    for (auto& r : results) {
      diags.append(std::move(r.diags));
      if (r.manifest) p.manifest = std::move(*r.manifest);
      p.actors.insert(p.actors.end(), std::make_move_iterator(r.actors.begin()),
                      std::make_move_iterator(r.actors.end()));
      p.actions.insert(p.actions.end(), std::make_move_iterator(r.actions.begin()),
                       std::make_move_iterator(r.actions.end()));
      p.meetings.insert(p.meetings.end(), std::make_move_iterator(r.meetings.begin()),
                        std::make_move_iterator(r.meetings.end()));
    }
  }
  if (!have_manifest) {
    p.files.push_back("cls.yaml");
    diags.error("schema/missing-key", Loc{static_cast<std::uint32_t>(p.files.size() - 1), 0, 0},
                "no cls.yaml in the project");
  }
  p.index();
  return p;
}

}  // namespace

namespace {

// A file of the project as found on disk, and why it cannot be read, if so:
// such a file is reported with its name rather than silently left out, so
// that CI never passes on a file it did not read.
struct Listed {
  std::string path;  // relative to the root
  std::string problem;
};

bool inside(const fs::path& root, const fs::path& target) {
  auto [r, t] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  return r == root.end();
}

// Classifies one directory entry named *.yaml / *.yml (or cls.yaml).
void consider(const fs::path& root, const fs::path& real_root, const fs::directory_entry& e,
              std::vector<Listed>& out) {
  std::string rel = e.path().lexically_relative(root).generic_string();
  std::error_code ec;
  if (e.is_symlink(ec)) {
    // A link loop or a dangling link fails here; a link to a file outside
    // the project (a secret of the CI machine, say) is refused, since
    // diagnostics quote what they read.
    const fs::path target = fs::canonical(e.path(), ec);
    if (ec) {
      out.push_back({std::move(rel), "cannot read the file: " + ec.message()});
      return;
    }
    if (fs::is_directory(target, ec)) return;  // not followed (see project_files)
    if (!inside(real_root, target)) {
      out.push_back({std::move(rel),
                     "symbolic link to a file outside the project: cls reads only the project's files"});
      return;
    }
  }
  // The type as the directory listing gave it: no stat per file (a national
  // project has tens of thousands), except for a link, followed here.
  const bool is_directory = e.is_directory(ec);
  const bool is_regular = !ec && e.is_regular_file(ec);
  if (ec) {
    out.push_back({std::move(rel), "cannot read the file: " + ec.message()});
  } else if (is_directory) {
    return;  // a folder named x.yaml: its files are walked like any folder's
  } else if (!is_regular) {
    out.push_back({std::move(rel), "not a regular file (a named pipe, a socket or a device)"});
  } else {
    out.push_back({std::move(rel), {}});
  }
}

std::vector<Listed> list_files(const fs::path& root) {
  std::vector<Listed> out;
  std::error_code ec;
  fs::path real_root = fs::canonical(root, ec);
  if (ec) real_root = fs::absolute(root, ec).lexically_normal();
  if (fs::directory_entry manifest(root / "cls.yaml", ec); !ec && manifest.exists(ec)) {
    consider(root, real_root, manifest, out);
  } else if (fs::is_symlink(root / "cls.yaml", ec)) {
    out.push_back({"cls.yaml", "cannot read the file: broken symbolic link"});
  }
  for (const char* folder : {"actors", "actions", "meetings"}) {
    const fs::path dir = root / folder;
    if (!fs::is_directory(dir, ec)) continue;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (has_yaml_extension(it->path())) consider(root, real_root, *it, out);
    }
    if (ec) {
      out.push_back({folder, "cannot read the folder: " + ec.message()});
      ec.clear();
    }
  }
  std::sort(out.begin(), out.end(), [](const Listed& a, const Listed& b) { return a.path < b.path; });
  return out;
}

// Reads a whole regular file. Opened without blocking, so that a named pipe
// put in place of a file cannot hang the run, and refused past the size
// limit before anything is read.
bool read_file(const fs::path& path, const YamlLimits& limits, std::string& out, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    error = "cannot open the file: " + std::generic_category().message(errno);
    return false;
  }
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0;
  if (!ok) {
    error = "cannot read the file: " + std::generic_category().message(errno);
  } else if (!S_ISREG(st.st_mode)) {
    error = "not a regular file (a named pipe, a socket or a device)";
    ok = false;
  } else if (static_cast<std::uint64_t>(st.st_size) > limits.max_bytes) {
    error = file_too_large(static_cast<std::size_t>(st.st_size), limits);
    ok = false;
  } else {
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    while (done < out.size()) {
      const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = "cannot read the file: " + std::generic_category().message(errno);
        ok = false;
        break;
      }
      if (n == 0) break;  // shrank since fstat: keep what is there
      done += static_cast<std::size_t>(n);
    }
    out.resize(done);
  }
  ::close(fd);
  return ok;
}

}  // namespace

std::vector<std::string> project_files(const fs::path& root, Diagnostics& diags) {
  std::vector<std::string> out;
  for (auto& f : list_files(root)) {
    if (!f.problem.empty()) {
      diags.error("yaml/syntax", Loc{static_cast<std::uint32_t>(out.size()), 0, 0}, f.problem);
    }
    out.push_back(std::move(f.path));
  }
  return out;
}

Project load_project(const fs::path& root, Diagnostics& diags, const YamlLimits& limits) {
  std::vector<std::string> paths, problems;
  {
    std::vector<Listed> listed = list_files(root);
    paths.reserve(listed.size());
    for (auto& f : listed) paths.push_back(std::move(f.path));
    // Most files have no problem: keep only the ones that do, and free the
    // listing before the model is built (4 MB at 50,000 files).
    for (std::size_t i = 0; i < listed.size(); ++i) {
      if (!listed[i].problem.empty()) {
        problems.resize(listed.size());
        problems[i] = std::move(listed[i].problem);
      }
    }
  }
  auto load = [&](std::size_t i, const std::string& path, FileResult& result) {
    const auto index = static_cast<std::uint32_t>(i);
    if (i < problems.size() && !problems[i].empty()) {
      result.diags.error("yaml/syntax", Loc{index, 0, 0}, problems[i]);
      return;
    }
    std::string bytes, error;
    if (!read_file(root / path, limits, bytes, error)) {
      result.diags.error("yaml/syntax", Loc{index, 0, 0}, error);
      return;
    }
    load_file(index, path, bytes, limits, result);
  };
  Project p = load_files(std::move(paths), diags, load);
  p.root = root;
  return p;
}

Project load_project(std::vector<SourceFile> files, Diagnostics& diags, const YamlLimits& limits) {
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  std::erase_if(files, [](const SourceFile& f) {
    return f.path != "cls.yaml" && (folder_of(f.path) == Folder::other || !has_yaml_extension(f.path));
  });
  std::vector<std::string> paths;
  paths.reserve(files.size());
  for (const auto& f : files) paths.push_back(f.path);
  return load_files(std::move(paths), diags, [&](std::size_t i, const std::string&, FileResult& result) {
    load_file(static_cast<std::uint32_t>(i), files[i].path, files[i].bytes, limits, result);
    std::string().swap(files[i].bytes);  // read: its model holds what counts
  });
}

}  // namespace cls
