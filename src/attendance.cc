// SPDX-License-Identifier: EUPL-1.2
#include "cls/attendance.h"

#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace cls {

int quorum_needed(const Quorum& quorum, int members) {
  if (members <= 0 || quorum.den <= 0) return 0;
  // num ≤ den ≤ 10^9 (parse_quorum) and members is a count of people: the
  // product stays far below 2^63.
  const std::int64_t product = quorum.num * members;
  return static_cast<int>((product + quorum.den - 1) / quorum.den);
}

MeetingCount count_meeting(const Project& project, const Meeting& meeting) {
  MeetingCount c;
  c.second_call = meeting.second_call.value_or(false);
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  const Attendance empty;
  const Attendance& att = meeting.attendance ? *meeting.attendance : empty;

  std::unordered_set<std::string_view> present, excused;
  for (const auto& r : att.present) present.insert(r.id);
  for (const auto& r : att.excused) excused.insert(r.id);
  std::unordered_map<std::string_view, std::string_view> proxy_of;  // giver → holder
  for (const auto& p : att.proxies) proxy_of.emplace(p.giver.id, p.holder.id);

  std::unordered_set<std::string_view> members, sitting;
  if (body) {
    c.total = static_cast<int>(body->members.size());
    for (const auto& m : body->members) {
      members.insert(m.id);
      MemberPresence mp;
      mp.id = m.id;
      mp.excused = excused.count(m.id) > 0;
      const Actor* actor = project.actor(m.id);
      const Ref* substitute = actor && actor->substitute ? &*actor->substitute : nullptr;
      if (present.count(m.id)) {
        mp.presence = Presence::present;
        ++c.present;
      } else if (substitute && present.count(substitute->id)) {
        mp.presence = Presence::substituted;
        mp.by = substitute->id;
        sitting.insert(substitute->id);
        c.substitutes_sitting.push_back(substitute->id);
        ++c.substituted;
      } else if (auto it = proxy_of.find(m.id); it != proxy_of.end() && present.count(it->second)) {
        mp.presence = Presence::proxy;
        mp.by = it->second;
        ++c.by_proxy;
      } else if (mp.excused) {
        mp.presence = Presence::excused;
        ++c.excused;
      } else {
        ++c.absent;
      }
      c.members.push_back(std::move(mp));
    }
    if (body->quorum && !c.second_call) {
      c.quorum = *body->quorum;
      c.quorum_needed = quorum_needed(*body->quorum, c.total);
    }
  }
  for (const auto& r : att.present) {
    if (!members.count(r.id) && !sitting.count(r.id)) c.guests_present.push_back(r.id);
  }
  return c;
}

DecisionResult decide(const Decision& d, int present_or_represented) {
  DecisionResult r;
  const std::optional<Outcome> written = d.outcome.get();
  if (!d.vote) {
    r.outcome = written.value_or(Outcome::adopted);
    return r;
  }
  const Vote& v = *d.vote;
  if (v.for_ > v.against) {
    r.outcome = Outcome::adopted;
  } else if (v.against > v.for_) {
    r.outcome = Outcome::rejected;
  } else {
    r.tie = true;
  }
  if (r.tie) {
    r.outcome = written;  // the chair's casting vote, or nothing
  } else if (written && *written != *r.outcome) {
    r.contradicts_vote = true;
  }
  r.unanimous = v.for_ > 0 && v.against == 0 && v.abstain == 0 && v.for_ == present_or_represented;
  return r;
}

std::vector<std::string> convened(const Project& project, const Meeting& meeting) {
  std::vector<std::string> out;
  std::unordered_set<std::string_view> seen;
  auto add = [&](const std::string& id) {
    if (seen.insert(id).second) out.push_back(id);
  };
  if (const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr) {
    for (const auto& m : body->members) add(m.id);
  }
  for (const auto& g : meeting.guests) add(g.id);
  return out;
}

}  // namespace cls
