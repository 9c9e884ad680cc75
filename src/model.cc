#include "cls/model.h"

namespace cls {

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
