// SPDX-License-Identifier: EUPL-1.2
#include "cls/check.h"

#include <unordered_map>
#include <unordered_set>

#include "cls/attendance.h"

namespace cls {

namespace {

// An id as messages quote it: references are any text a file holds, so a
// huge one is cut (a valid id has at most 64 characters, and is whole).
std::string quote(std::string_view s) { return quote_value(s, 64); }

// One checker object per run: it holds the id lists used for suggestions, and
// each rule of SPEC §2 is one member function below.
class Checker {
 public:
  Checker(const Project& p, const CheckOptions& o, Diagnostics& d) : p_(p), opt_(o), d_(d) {}

  void run() {
    duplicate_ids();
    references();
    date_order();
    indicator_rules();
    late_actions();
    for (const auto& m : p_.meetings) meeting_rules(m);
    mandates();
    absences();
  }

 private:
  // --- id/duplicate -------------------------------------------------------
  template <class T>
  void unique(const std::vector<T>& items, std::string_view kind) {
    std::unordered_map<std::string_view, const T*> first;
    first.reserve(items.size());
    for (const auto& it : items) {
      if (it.id.empty()) continue;
      auto [pos, fresh] = first.emplace(it.id, &it);
      if (!fresh) {
        const Loc& f = pos->second->loc;
        d_.error("id/duplicate", it.loc,
                 std::string(kind) + " id " + quote(it.id) + " is already used at " + where(f));
      }
    }
  }

  void duplicate_ids() {
    unique(p_.actors, "actor");
    unique(p_.actions, "action");
    unique(p_.meetings, "meeting");
    unique(p_.manifest.bodies, "body");
    unique(p_.manifest.axes, "axis");
    std::vector<Objective> objectives;
    for (const auto& a : p_.manifest.axes) {
      objectives.insert(objectives.end(), a.objectives.begin(), a.objectives.end());
    }
    unique(objectives, "objective");
    for (const auto& a : p_.actions) unique(a.indicators, "indicator");
  }

  std::string where(const Loc& l) const {
    std::string s = l.file < p_.files.size() ? p_.files[l.file] : "?";
    if (l.line) s += ":" + std::to_string(l.line) + ":" + std::to_string(l.col);
    return s;
  }

  // --- ref/unknown --------------------------------------------------------
  enum class Kind { actor, action, body, objective };

  const std::vector<std::string_view>& ids(Kind k) {
    auto& v = id_lists_[static_cast<int>(k)];
    if (!v.empty()) return v;
    switch (k) {
      case Kind::actor: for (const auto& a : p_.actors) v.push_back(a.id); break;
      case Kind::action: for (const auto& a : p_.actions) v.push_back(a.id); break;
      case Kind::body: for (const auto& b : p_.manifest.bodies) v.push_back(b.id); break;
      case Kind::objective:
        for (const auto& a : p_.manifest.axes)
          for (const auto& o : a.objectives) v.push_back(o.id);
        break;
    }
    return v;
  }

  bool exists(Kind k, std::string_view id) const {
    switch (k) {
      case Kind::actor: return p_.actor(id) != nullptr;
      case Kind::action: return p_.action(id) != nullptr;
      case Kind::body: return p_.body(id) != nullptr;
      case Kind::objective: return p_.objective(id) != nullptr;
    }
    return false;
  }

  void ref(const Ref& r, Kind k, std::string_view role) {
    if (exists(k, r.id)) return;
    static const char* names[] = {"actor", "action", "body", "objective"};
    std::string msg = std::string(role) + " " + quote(r.id) + " is not a known " + names[static_cast<int>(k)];
    // Suggestions cost a scan of the ids; a file full of wrong ids gets them
    // for its first hundred only, which keeps the run linear.
    if (++suggestions_ <= 100) {
      if (auto near = nearest(r.id, ids(k)); !near.empty()) msg += "; did you mean " + quote(near) + "?";
    }
    d_.error("ref/unknown", r.loc, msg);
  }
  void ref(const std::optional<Ref>& r, Kind k, std::string_view role) {
    if (r) ref(*r, k, role);
  }
  void refs(const std::vector<Ref>& rs, Kind k, std::string_view role) {
    for (const auto& r : rs) ref(r, k, role);
  }

  void references() {
    for (const auto& b : p_.manifest.bodies) {
      refs(b.members, Kind::actor, "member");
      ref(b.chair, Kind::actor, "chair");
    }
    for (const auto& a : p_.actors) {
      ref(a.organisation, Kind::actor, "organisation");
      ref(a.substitute, Kind::actor, "substitute");
    }
    for (const auto& a : p_.actions) {
      ref(a.objective, Kind::objective, "objective");
      ref(a.lead, Kind::actor, "lead");
      refs(a.partners, Kind::actor, "partner");
      if (a.budget) {
        for (const auto& f : a.budget->funding) {
          if (!f.funder.id.empty()) ref(f.funder, Kind::actor, "funder");
        }
      }
    }
    for (const auto& m : p_.meetings) {
      ref(m.body, Kind::body, "body");
      refs(m.guests, Kind::actor, "guest");
      if (m.convocation) ref(m.convocation->signatory, Kind::actor, "signatory");
      for (const auto& item : m.agenda) {
        ref(item.presenter, Kind::actor, "presenter");
        refs(item.actions, Kind::action, "linked action");
        for (const auto& f : item.followups) ref(f.owner, Kind::actor, "owner");
      }
      if (m.attendance) {
        refs(m.attendance->present, Kind::actor, "present");
        refs(m.attendance->excused, Kind::actor, "excused");
        for (const auto& px : m.attendance->proxies) {
          ref(px.giver, Kind::actor, "proxy giver");
          ref(px.holder, Kind::actor, "proxy holder");
        }
      }
    }
  }

  // --- date/order ---------------------------------------------------------
  template <class T>
  void order(const Field<T>& first, const Field<T>& then, const std::string& what) {
    if (first && then && *then < *first) d_.error("date/order", then.loc, what);
  }

  void date_order() {
    if (p_.manifest.period) {
      const auto& per = *p_.manifest.period;
      order(per.start, per.end, "the project period ends before it starts");
    }
    for (const auto& a : p_.actors) {
      if (a.mandate) order(a.mandate->start, a.mandate->end, "mandate of " + quote(a.id) + " ends before it starts");
    }
    for (const auto& a : p_.actions) {
      if (a.start && a.due && *a.due < *a.start) {
        d_.error("date/order", a.due.loc,
                 "action " + quote(a.id) + " is due (" + a.due->iso() + ") before it starts (" +
                     a.start->iso() + ")");
      }
    }
    for (const auto& m : p_.meetings) {
      order(m.start, m.end, "meeting " + quote(m.id) + " ends before it starts");
      if (m.convocation && m.convocation->date && m.date && *m.date < *m.convocation->date) {
        d_.error("date/order", m.convocation->date.loc,
                 "convocation dated " + m.convocation->date->iso() + ", after the meeting (" +
                     m.date->iso() + ")");
      }
    }
  }

  // --- indicator/target, indicator/value-date -----------------------------
  void indicator_rules() {
    const auto* period = p_.manifest.period ? &*p_.manifest.period : nullptr;
    for (const auto& a : p_.actions) {
      for (const auto& ind : a.indicators) {
        if (ind.target && *ind.target == ind.baseline.value_or(0)) {
          d_.error("indicator/target", ind.target.loc,
                   "indicator " + quote(ind.id) + ": the target equals the baseline, so progress cannot be measured");
        }
        if (!period) continue;
        for (const auto& v : ind.values) {
          if (!v.date) continue;
          if ((period->start && *v.date < *period->start) || (period->end && *period->end < *v.date)) {
            d_.warning("indicator/value-date", v.date.loc,
                       "value dated " + v.date->iso() + ", outside the project period");
          }
        }
      }
    }
  }

  // --- action/late --------------------------------------------------------
  void late_actions() {
    for (const auto& a : p_.actions) {
      const Status s = a.current_status();
      if (a.due && *a.due < opt_.today && s != Status::done && s != Status::abandoned) {
        d_.warning("action/late", a.due.loc,
                   "action " + quote(a.id) + " was due on " + a.due->iso() + " and is " +
                       std::string(to_string(s)));
      }
    }
  }

  // --- meeting/* ----------------------------------------------------------
  void meeting_rules(const Meeting& m) {
    const Body* body = m.body ? p_.body(m.body->id) : nullptr;
    notice(m, body);
    duration(m);
    if (!m.attendance) {
      outcomes(m, std::nullopt);
      return;
    }
    const Attendance& att = *m.attendance;
    const MeetingCount count = count_meeting(p_, m);
    std::unordered_set<std::string_view> members, present, substitutes, guests;
    if (body) {
      for (const auto& r : body->members) {
        members.insert(r.id);
        const Actor* a = p_.actor(r.id);
        if (a && a->substitute) substitutes.insert(a->substitute->id);
      }
    }
    for (const auto& r : att.present) present.insert(r.id);
    for (const auto& r : m.guests) guests.insert(r.id);

    // meeting/attendance
    for (const auto& r : att.excused) {
      if (present.count(r.id)) {
        d_.error("meeting/attendance", r.loc, quote(r.id) + " is listed both present and excused");
      }
    }
    std::unordered_map<std::string_view, int> held;
    for (const auto& px : att.proxies) {
      if (body && !members.count(px.giver.id)) {
        d_.error("meeting/attendance", px.giver.loc,
                 quote(px.giver.id) + " gives a proxy but is not a member of " + quote(body->id));
      } else if (present.count(px.giver.id)) {
        d_.error("meeting/attendance", px.giver.loc, quote(px.giver.id) + " gives a proxy but is present");
      }
      if (body && !members.count(px.holder.id)) {
        d_.error("meeting/attendance", px.holder.loc,
                 quote(px.holder.id) + " holds a proxy but is not a member of " + quote(body->id));
      } else if (!present.count(px.holder.id)) {
        d_.error("meeting/attendance", px.holder.loc, quote(px.holder.id) + " holds a proxy but is not present");
      }
      // meeting/proxies
      if (body && ++held[px.holder.id] == body->max_proxies() + 1) {
        d_.error("meeting/proxies", px.holder.loc,
                 quote(px.holder.id) + " holds more proxies than the " + std::to_string(body->max_proxies()) +
                     " that " + quote(body->id) + " allows");
      }
    }
    // meeting/uninvited
    for (const auto& r : att.present) {
      if (body && !members.count(r.id) && !substitutes.count(r.id) && !guests.count(r.id)) {
        d_.warning("meeting/uninvited", r.loc,
                   quote(r.id) + " is present but is neither a member of " + quote(body->id) +
                       ", a member's substitute, nor a guest");
      }
    }
    // meeting/quorum
    if (body && !count.quorum_reached()) {
      d_.warning("meeting/quorum", att.loc,
                 "quorum not reached: " + std::to_string(count.present_or_represented()) +
                     " members present or represented, " + std::to_string(*count.quorum_needed) +
                     " needed (" + body->quorum->text + " of " + std::to_string(count.total) + ")");
    }
    outcomes(m, count.present_or_represented());
  }

  // meeting/vote and meeting/outcome: `voters` is empty before the meeting.
  void outcomes(const Meeting& m, std::optional<int> voters) {
    for (const auto& item : m.agenda) {
      for (const auto& d : item.decisions) {
        if (d.vote && voters) {
          const long long cast = 0LL + d.vote->for_ + d.vote->against + d.vote->abstain;
          if (cast > *voters) {
            d_.error("meeting/vote", d.vote->loc,
                     std::to_string(cast) + " votes cast, but only " + std::to_string(*voters) +
                         " members present or represented");
          }
        }
        const DecisionResult r = decide(d, voters.value_or(0));
        if (r.tie && !r.outcome) {
          d_.error("meeting/outcome", d.vote->loc,
                   "tied vote: write the outcome (adopted or rejected) decided by the chair");
        } else if (r.contradicts_vote) {
          d_.error("meeting/outcome", d.outcome.loc,
                   "outcome '" + std::string(to_string(*d.outcome)) + "' contradicts the vote (" +
                       std::to_string(d.vote->for_) + " for, " + std::to_string(d.vote->against) + " against)");
        }
      }
    }
  }

  void notice(const Meeting& m, const Body* body) {
    if (!body || !body->notice_days || !m.convocation || !m.convocation->date || !m.date) return;
    const int days = m.date->days() - m.convocation->date->days();
    if (days >= 0 && days < *body->notice_days) {
      d_.warning("meeting/notice", m.convocation->date.loc,
                 "convocation sent " + std::to_string(days) + " days before the meeting; " + quote(body->id) +
                     " requires " + std::to_string(*body->notice_days));
    }
  }

  void duration(const Meeting& m) {
    if (!m.start || !m.end) return;
    long long total = 0;  // durations are ints: their sum may not be
    for (const auto& item : m.agenda) total += item.duration.value_or(0);
    const int available = m.end->minutes - m.start->minutes;
    if (available >= 0 && total > available) {
      d_.warning("meeting/duration", m.end.loc,
                 "the agenda lasts " + std::to_string(total) + " minutes, but the meeting has " +
                     std::to_string(available) + " (" + m.start->hhmm() + "–" + m.end->hhmm() + ")");
    }
  }

  // --- actor/mandate ------------------------------------------------------
  void mandates() {
    for (const auto& m : p_.meetings) {
      if (!m.date || !m.body) continue;
      const Body* body = p_.body(m.body->id);
      if (!body) continue;
      for (const auto& r : body->members) {
        const Actor* a = p_.actor(r.id);
        if (a && a->mandate && a->mandate->end && *a->mandate->end < *m.date) {
          d_.warning("actor/mandate", m.date.loc,
                     quote(a->id) + " is convened to " + quote(m.id) + " but their mandate ended on " +
                         a->mandate->end->iso());
        }
      }
    }
  }

  // --- actor/absence ------------------------------------------------------
  void absences() {
    const Date since = opt_.today.minus_months(12);
    std::unordered_map<std::string_view, std::vector<const Meeting*>> recent;  // body → held meetings
    for (const auto& m : p_.meetings) {
      if (m.held() && m.body && m.date && since < *m.date && *m.date <= opt_.today) {
        recent[m.body->id].push_back(&m);
      }
    }
    for (const auto& body : p_.manifest.bodies) {
      auto it = recent.find(body.id);
      if (it == recent.end() || it->second.size() < 2) continue;
      // member → meetings absent with no word (keys owned here: each count
      // is a temporary)
      std::unordered_map<std::string, int> silent;
      for (const Meeting* m : it->second) {
        for (auto& mp : count_meeting(p_, *m).members) {
          if (mp.presence == Presence::absent) ++silent[std::move(mp.id)];
        }
      }
      const int n = static_cast<int>(it->second.size());
      for (const auto& r : body.members) {
        if (auto s = silent.find(r.id); s != silent.end() && s->second == n) {
          d_.warning("actor/absence", r.loc,
                     quote(r.id) + " was absent with no word from all " + std::to_string(n) + " meetings of " +
                         quote(body.id) + " in the last twelve months");
        }
      }
    }
  }

  const Project& p_;
  const CheckOptions& opt_;
  Diagnostics& d_;
  std::vector<std::string_view> id_lists_[4];
  int suggestions_ = 0;
};

}  // namespace

void check_project(const Project& project, const CheckOptions& options, Diagnostics& diags) {
  Checker(project, options, diags).run();
}

}  // namespace cls
