// SPDX-License-Identifier: EUPL-1.2
#include "cls/attendance.h"

#include <algorithm>
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

const College* college_of(const Body& body, const Actor& member) {
  if (body.colleges.empty() || !member.college) return nullptr;
  return body.college(*member.college);
}

const Ref* sitting_substitute(const Body& body, const Actor& member) {
  if (!member.substitute || !body.has_substitutes()) return nullptr;
  if (const College* c = college_of(body, member); c && !c->has_substitutes()) return nullptr;
  return &*member.substitute;
}

const Actor* presiding(const Project& project, const Meeting& meeting) {
  if (meeting.chair) return project.actor(meeting.chair->id);
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  return body && body->chair ? project.actor(body->chair->id) : nullptr;
}

bool chair_sat(const Project& project, const Meeting& meeting) {
  const Actor* chair = presiding(project, meeting);
  if (!chair || !meeting.attendance) return false;
  const auto& present = meeting.attendance->present;
  return std::any_of(present.begin(), present.end(), [&](const Ref& r) { return r.id == chair->id; });
}

MeetingCount count_meeting(const Project& project, const Meeting& meeting) {
  MeetingCount c;
  c.second_call = meeting.second_call.value_or(false);
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  const Attendance empty;
  const Attendance& att = meeting.attendance ? *meeting.attendance : empty;

  std::unordered_set<std::string_view> present, excused, remote;
  for (const auto& r : att.present) present.insert(r.id);
  for (const auto& r : att.remote) remote.insert(r.id);
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
      const Ref* substitute = actor ? sitting_substitute(*body, *actor) : nullptr;
      if (present.count(m.id)) {
        mp.presence = Presence::present;
        mp.remote = remote.count(m.id) > 0;
        ++c.present;
        c.remote += mp.remote;
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

VoteBasis vote_basis(const Project& project, const Meeting& meeting, const MeetingCount& count,
                     const Decision& decision) {
  VoteBasis b;
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  if (body) b.majority = body->majority_rule();
  b.voters = count.present_or_represented();
  // Who sits with a vote: the members present, and the substitutes sitting
  // for theirs. Each recused one of them takes a voter away, once.
  std::unordered_set<std::string_view> sitting, recused;
  for (const MemberPresence& mp : count.members) {
    if (mp.presence == Presence::present) sitting.insert(mp.id);
    if (mp.presence == Presence::substituted) sitting.insert(mp.by);
  }
  for (const Ref& r : decision.recused) {
    if (sitting.count(r.id) && recused.insert(r.id).second) --b.voters;
  }
  const Actor* chair = presiding(project, meeting);
  b.chair_decides = chair && chair_sat(project, meeting) &&
                    std::none_of(decision.recused.begin(), decision.recused.end(),
                                 [&](const Ref& r) { return r.id == chair->id; });
  return b;
}

DecisionResult decide(const Decision& d, const VoteBasis& basis) {
  DecisionResult r;
  const std::optional<Outcome> written = d.outcome.get();
  if (!d.vote) {
    r.outcome = written.value_or(Outcome::adopted);
    return r;
  }
  const Vote& v = *d.vote;
  // In 64 bits: counts come from files.
  const std::int64_t yes = v.for_, no = v.against;
  if (basis.majority == Majority::cast) {
    if (yes > no) {
      r.outcome = Outcome::adopted;
    } else if (no > yes) {
      r.outcome = Outcome::rejected;
    } else {
      r.tie = true;
    }
  } else if (2 * yes > basis.voters) {
    r.outcome = Outcome::adopted;
  } else if (yes == no && yes + no == basis.voters) {
    r.tie = true;
  } else {
    r.outcome = Outcome::rejected;
  }
  if (r.tie) {
    r.outcome = written;  // the chair's casting vote, or nothing
    r.casting_vote = written.has_value();
  } else if (written && *written != *r.outcome) {
    r.contradicts_vote = true;
  }
  r.unanimous = v.for_ > 0 && v.against == 0 && v.abstain == 0 && v.for_ == basis.voters;
  return r;
}

DecisionResult decide(const Project& project, const Meeting& meeting, const MeetingCount& count,
                      const Decision& decision) {
  return decide(decision, vote_basis(project, meeting, count, decision));
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

std::optional<double> AttendanceTally::rate() const {
  if (meetings <= 0) return std::nullopt;
  return static_cast<double>(represented()) / meetings;
}

std::optional<double> AttendanceTally::presence_rate() const {
  if (meetings <= 0) return std::nullopt;
  return static_cast<double>(present) / meetings;
}

void AttendanceTally::add(Presence p) {
  ++meetings;
  switch (p) {
    case Presence::present: ++present; break;
    case Presence::substituted: ++substituted; break;
    case Presence::proxy: ++by_proxy; break;
    case Presence::excused: ++excused; break;
    case Presence::absent: ++absent; break;
  }
}

void AttendanceTally::add(const AttendanceTally& o) {
  meetings += o.meetings;
  present += o.present;
  substituted += o.substituted;
  by_proxy += o.by_proxy;
  excused += o.excused;
  absent += o.absent;
}

std::vector<MemberTally> tally_attendance(const Project& project, const Body& body,
                                          const std::vector<const Meeting*>& meetings) {
  std::vector<MemberTally> out;
  std::unordered_map<std::string_view, std::size_t> at;
  for (const Ref& m : body.members) {
    if (at.emplace(m.id, out.size()).second) out.push_back({m.id, {}});
  }
  for (const Meeting* meeting : meetings) {
    if (!meeting || !meeting->held() || !meeting->body || meeting->body->id != body.id) continue;
    const MeetingCount count = count_meeting(project, *meeting);
    std::unordered_set<std::string_view> seen;  // a member listed twice counts once
    for (const MemberPresence& mp : count.members) {
      auto it = at.find(mp.id);
      if (it != at.end() && seen.insert(mp.id).second) out[it->second].tally.add(mp.presence);
    }
  }
  return out;
}

std::vector<CollegeTally> tally_by_college(const Project& project, const Body& body,
                                           const std::vector<MemberTally>& members) {
  std::vector<CollegeTally> out;
  for (const College& c : body.colleges) out.push_back({&c, {}, {}});
  CollegeTally outside;
  for (const MemberTally& m : members) {
    const Actor* a = project.actor(m.id);
    const College* c = a ? college_of(body, *a) : nullptr;
    CollegeTally* g = &outside;
    for (CollegeTally& candidate : out) {
      if (c && candidate.college == c) g = &candidate;
    }
    g->members.push_back(m);
    g->total.add(m.tally);
  }
  std::erase_if(out, [](const CollegeTally& g) { return g.members.empty(); });
  if (!outside.members.empty()) out.push_back(std::move(outside));
  return out;
}

}  // namespace cls
