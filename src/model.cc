// SPDX-License-Identifier: EUPL-1.2
#include "cls/model.h"

#include <numeric>

namespace cls {

namespace {

// A decimal number without sign or exponent ("12", "0.5", "33.25") as
// num/den. At most 9 digits, so that num and den stay below 10^9 and the
// products of two of them fit in 64 bits.
bool parse_decimal(std::string_view t, std::int64_t& num, std::int64_t& den) {
  num = 0;
  den = 1;
  bool point = false;
  int digits = 0;
  for (char c : t) {
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9' || ++digits > 9) return false;
    num = num * 10 + (c - '0');
    if (point) den *= 10;
  }
  return digits > 0;
}

std::string_view trim(std::string_view t) {
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  return t;
}

}  // namespace

std::optional<Quorum> parse_quorum(std::string_view text) {
  const std::string_view t = trim(text);
  std::int64_t num = 0, den = 1;
  if (const auto slash = t.find('/'); slash != std::string_view::npos) {
    // (an/ad) / (bn/bd) = (an × bd) / (ad × bn), each product below 10^18.
    std::int64_t an = 0, ad = 1, bn = 0, bd = 1;
    if (!parse_decimal(trim(t.substr(0, slash)), an, ad) ||
        !parse_decimal(trim(t.substr(slash + 1)), bn, bd)) {
      return std::nullopt;
    }
    num = an * bd;
    den = ad * bn;
  } else {
    std::string_view number = t;
    const bool percent = !number.empty() && number.back() == '%';
    if (percent) number = trim(number.substr(0, number.size() - 1));
    if (!parse_decimal(number, num, den)) return std::nullopt;
    if (percent) den *= 100;
  }
  if (num <= 0 || den <= 0 || num > den) return std::nullopt;
  const std::int64_t g = std::gcd(num, den);
  // No body needs a finer quorum; the bound keeps num × members exact.
  if (den / g > 1000000000) return std::nullopt;
  return Quorum{num / g, den / g, std::string(text)};
}

const Field<std::string>& Reading::note() const {
  static const Field<std::string> none;
  return note_ ? *note_ : none;
}

void Reading::set_note(Field<std::string> note) {
  // Absent and without a position is what none() says: nothing to keep.
  if (note.has() || note.loc.known()) {
    note_ = std::make_unique<const Field<std::string>>(std::move(note));
  } else {
    note_.reset();
  }
}

std::string_view to_string(Status s) {
  switch (s) {
    case Status::planned: return "planned";
    case Status::in_progress: return "in-progress";
    case Status::done: return "done";
    case Status::suspended: return "suspended";
    case Status::abandoned: return "abandoned";
  }
  return "planned";
}

std::optional<Status> parse_status(std::string_view s) {
  for (Status st : {Status::planned, Status::in_progress, Status::done, Status::suspended,
                    Status::abandoned}) {
    if (to_string(st) == s) return st;
  }
  return std::nullopt;
}

std::string_view to_string(ItemKind k) {
  switch (k) {
    case ItemKind::information: return "information";
    case ItemKind::discussion: return "discussion";
    case ItemKind::decision: return "decision";
  }
  return "information";
}

std::string_view to_string(Outcome o) { return o == Outcome::adopted ? "adopted" : "rejected"; }

template <class T>
static const T* lookup(const std::unordered_map<std::string_view, std::size_t>& ix,
                       const std::vector<T>& v, std::string_view id) {
  auto it = ix.find(id);
  return it == ix.end() ? nullptr : &v[it->second];
}

const Actor* Project::actor(std::string_view id) const { return lookup(actor_ix_, actors, id); }
const Action* Project::action(std::string_view id) const { return lookup(action_ix_, actions, id); }
const Meeting* Project::meeting(std::string_view id) const {
  return lookup(meeting_ix_, meetings, id);
}
const Body* Project::body(std::string_view id) const {
  return lookup(body_ix_, manifest.bodies, id);
}
const Axis* Project::axis(std::string_view id) const { return lookup(axis_ix_, manifest.axes, id); }

const Objective* Project::objective(std::string_view id) const {
  auto it = objective_ix_.find(id);
  if (it == objective_ix_.end()) return nullptr;
  return &manifest.axes[it->second.first].objectives[it->second.second];
}

template <class T>
static void build(std::unordered_map<std::string_view, std::size_t>& ix, const std::vector<T>& v) {
  ix.clear();
  ix.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].id.empty()) ix.emplace(v[i].id, i);  // the first of duplicates wins
  }
}

void Project::index() {
  build(actor_ix_, actors);
  build(action_ix_, actions);
  build(meeting_ix_, meetings);
  build(body_ix_, manifest.bodies);
  build(axis_ix_, manifest.axes);
  objective_ix_.clear();
  for (std::size_t a = 0; a < manifest.axes.size(); ++a) {
    auto& objectives = manifest.axes[a].objectives;
    for (std::size_t o = 0; o < objectives.size(); ++o) {
      objectives[o].axis = a;
      if (!objectives[o].id.empty()) objective_ix_.emplace(objectives[o].id, std::make_pair(a, o));
    }
  }
}

}  // namespace cls

namespace cls {

Status Action::status_as_of(Date d) const {
  const HistoryEntry* best = nullptr;
  const HistoryEntry* last = nullptr;
  for (const HistoryEntry& c : history) {
    if (!c.date || !c.status) continue;
    if (!last || *c.date >= *last->date) last = &c;
    if (*c.date <= d && (!best || *c.date >= *best->date)) best = &c;
  }
  if (!last || *last->date <= d) return current_status();
  return best ? *best->status : Status::planned;
}

}  // namespace cls
