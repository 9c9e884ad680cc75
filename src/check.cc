// SPDX-License-Identifier: EUPL-1.2
#include "cls/check.h"

#include <algorithm>
#include <filesystem>
#include <optional>
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
    history_rules();
    stale_indicators();
    themes();
    for (const auto& b : p_.manifest.bodies) composition(b);
    for (const auto& m : p_.meetings) meeting_rules(m);
    for (const auto& m : p_.meetings) mandates(m);
    addresses(nullptr);
    absences();
  }

  // The rules that concern one meeting, as its documents repeat them: its
  // own rules, its body's composition, and its convened.
  void run_meeting(const Meeting& m) {
    if (const Body* body = m.body ? p_.body(m.body->id) : nullptr) composition(*body);
    meeting_rules(m);
    mandates(m);
    addresses(&m);
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
    unique(p_.manifest.themes, "theme");
    for (const auto& a : p_.actions) unique(a.indicators, "indicator");
  }

  std::string where(const Loc& l) const {
    std::string s = l.file < p_.files.size() ? p_.files[l.file] : "?";
    if (l.line) s += ":" + std::to_string(l.line) + ":" + std::to_string(l.col);
    return s;
  }

  // --- ref/unknown --------------------------------------------------------
  enum class Kind { actor, action, body, objective, meeting };

  const std::vector<std::string_view>& ids(Kind k) {
    auto& v = id_lists_[static_cast<int>(k)];
    if (!v.empty()) return v;
    switch (k) {
      case Kind::actor: for (const auto& a : p_.actors) v.push_back(a.id); break;
      case Kind::action: for (const auto& a : p_.actions) v.push_back(a.id); break;
      case Kind::body: for (const auto& b : p_.manifest.bodies) v.push_back(b.id); break;
      case Kind::meeting: for (const auto& m : p_.meetings) v.push_back(m.id); break;
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
      case Kind::meeting: return p_.meeting(id) != nullptr;
    }
    return false;
  }

  void ref(const Ref& r, Kind k, std::string_view role) {
    if (exists(k, r.id)) return;
    static const char* names[] = {"actor", "action", "body", "objective", "meeting"};
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
      ref(m.first_call, Kind::meeting, "second call of");
      ref(m.chair, Kind::actor, "chair");
      ref(m.secretary, Kind::actor, "secretary");
      ref(m.minutes_approved, Kind::meeting, "minutes approved at");
      for (const auto& item : m.agenda) {
        ref(item.presenter, Kind::actor, "presenter");
        refs(item.actions, Kind::action, "linked action");
        for (const auto& f : item.followups) ref(f.owner, Kind::actor, "owner");
        for (const auto& d : item.decisions) {
          refs(d.recused, Kind::actor, "recused");
          for (const auto& x : d.dissent) {
            if (!x.member.id.empty()) ref(x.member, Kind::actor, "dissenting member");
          }
        }
      }
      if (m.attendance) {
        refs(m.attendance->present, Kind::actor, "present");
        refs(m.attendance->excused, Kind::actor, "excused");
        refs(m.attendance->remote, Kind::actor, "remote");
        for (const auto& px : m.attendance->proxies) {
          ref(px.giver, Kind::actor, "proxy giver");
          ref(px.holder, Kind::actor, "proxy holder");
        }
        for (const auto& rp : m.attendance->representatives) {
          ref(rp.organisation, Kind::actor, "represented organisation");
          ref(rp.person, Kind::actor, "representative");
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
      order(m.opened, m.closed, "meeting " + quote(m.id) + " is closed before it is opened");
      if (const Meeting* later = m.minutes_approved ? p_.meeting(m.minutes_approved->id) : nullptr;
          later && later->date && m.date && *later->date <= *m.date) {
        d_.error("date/order", m.minutes_approved->loc,
                 "the minutes of " + quote(m.id) + " are approved at " + quote(later->id) + " (" +
                     later->date->iso() + "), which is not after it (" + m.date->iso() + ")");
      }
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

  // --- action/history (SPEC §11.1) -----------------------------------------
  void history_rules() {
    for (const auto& a : p_.actions) {
      const HistoryEntry* previous = nullptr;
      for (const auto& c : a.history) {
        if (!c.date) continue;
        if (previous && *c.date < *previous->date) {
          d_.warning("action/history", c.date.loc,
                     "history of " + quote(a.id) + ": entry dated " + c.date->iso() + " after one dated " +
                         previous->date->iso() + "; keep the history in date order");
        }
        previous = &c;
      }
      if (a.history.empty()) continue;
      const HistoryEntry& last = a.history.back();
      if (last.status && *last.status != a.current_status()) {
        d_.warning("action/history", last.status.loc,
                   "the last history entry of " + quote(a.id) + " says " + std::string(to_string(*last.status)) +
                       " but its status is " + std::string(to_string(a.current_status())) +
                       "; add an entry for the change");
      }
    }
  }

  // --- indicator/stale (SPEC §11.1) ----------------------------------------
  void stale_indicators() {
    const int months = p_.manifest.stale_months.value_or(12);
    const Date since = opt_.today.minus_months(months);
    for (const auto& a : p_.actions) {
      if (a.status_as_of(opt_.today) != Status::in_progress) continue;
      for (const auto& ind : a.indicators) {
        bool recent = false;
        for (const auto& v : ind.values) {
          if (v.date && *v.date > since && *v.date <= opt_.today) recent = true;
        }
        if (!recent) {
          d_.warning("indicator/stale", ind.loc,
                     "indicator " + quote(ind.id) + " of " + quote(a.id) + ", in progress, has no reading since " +
                         since.iso() + " (" + std::to_string(months) + " months before " + opt_.today.iso() + ")");
        }
      }
    }
  }

  // --- ref/unknown for themes (SPEC §11) -----------------------------------
  void themes() {
    const std::vector<Theme>* known =
        opt_.region_themes && !opt_.region_themes->empty() ? opt_.region_themes : &p_.manifest.themes;
    if (!opt_.region_themes && known->empty()) return;  // alone: the region checks them
    std::vector<std::string_view> names;
    for (const auto& t : *known) names.push_back(t.id);
    for (const auto& a : p_.actions) {
      for (const auto& t : a.themes) {
        if (std::find(names.begin(), names.end(), t.id) != names.end()) continue;
        std::string msg = "theme " + quote(t.id) + " is not a known theme" +
                          (opt_.region_themes && !opt_.region_themes->empty() ? " of the region" : "");
        if (auto near = nearest(t.id, names); !near.empty()) msg += "; did you mean " + quote(near) + "?";
        d_.error("ref/unknown", t.loc, msg);
      }
    }
  }

  // --- meeting/* ----------------------------------------------------------
  void meeting_rules(const Meeting& m) {
    const Body* body = m.body ? p_.body(m.body->id) : nullptr;
    notice(m, body);
    duration(m);
    attachments(m);
    second_call(m);
    if (!m.attendance) {
      outcomes(m, nullptr);
      return;
    }
    const MeetingCount count = count_meeting(p_, m);
    attendance(m, body);
    // meeting/quorum; not for a séance a later meeting reconvenes (its
    // `second_call`): the failure is recorded and acted upon.
    if (body && !count.quorum_reached() && !reconvened(m)) {
      d_.warning("meeting/quorum", m.attendance->loc,
                 "quorum not reached: " + std::to_string(count.present_or_represented()) +
                     " members present or represented, " + std::to_string(*count.quorum_needed) +
                     " needed (" + body->quorum->text + " of " + std::to_string(count.total) + ")");
    }
    no_quorum(m, count);
    outcomes(m, &count);
  }

  // meeting/attendance, meeting/proxies, meeting/uninvited: who is listed
  // where, against the body (R133-9, R133-10 CRPA).
  void attendance(const Meeting& m, const Body* body) {
    const Attendance& att = *m.attendance;
    std::unordered_set<std::string_view> members, present, substitutes, guests, substituted, representing;
    if (body) {
      for (const auto& r : body->members) members.insert(r.id);
    }
    for (const auto& r : att.present) present.insert(r.id);
    for (const auto& r : m.guests) guests.insert(r.id);
    if (body) {
      for (const auto& r : body->members) {
        const Actor* a = p_.actor(r.id);
        const Ref* sub = a ? sitting_substitute(*body, *a) : nullptr;
        if (!sub) continue;
        substitutes.insert(sub->id);
        if (!present.count(r.id) && present.count(sub->id)) substituted.insert(r.id);
      }
    }
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
      } else if (substituted.count(px.giver.id)) {
        d_.error("meeting/attendance", px.giver.loc,
                 quote(px.giver.id) + " gives a proxy but their substitute sits in their place (R133-9 CRPA)");
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
    for (const auto& r : att.remote) {
      if (!present.count(r.id)) {
        d_.error("meeting/attendance", r.loc,
                 quote(r.id) + " is listed remote but not present: list them in `present` too");
      }
    }
    for (const auto& rp : att.representatives) {
      const Actor* org = p_.actor(rp.organisation.id);
      const Actor* person = p_.actor(rp.person.id);
      if (org && !org->is_organisation()) {
        d_.error("meeting/attendance", rp.organisation.loc,
                 quote(rp.organisation.id) + " is a person: representatives names who sat for an organisation");
      } else if (org && !present.count(org->id)) {
        d_.error("meeting/attendance", rp.organisation.loc,
                 "a representative of " + quote(org->id) + " is named, but " + quote(org->id) + " is not present");
      }
      if (person && person->is_organisation()) {
        d_.error("meeting/attendance", rp.person.loc,
                 "the representative " + quote(person->id) + " is an organisation, not a person");
      }
      representing.insert(rp.person.id);
    }
    for (const auto* who : {&m.chair, &m.secretary}) {
      if (*who && p_.actor((*who)->id) && !present.count((*who)->id)) {
        d_.error("meeting/attendance", (*who)->loc,
                 std::string(who == &m.chair ? "the chair " : "the secretary ") + quote((*who)->id) +
                     " is not listed present");
      }
    }
    for (const auto& item : m.agenda) {
      for (const auto& d : item.decisions) {
        for (const auto& r : d.recused) {
          if (p_.actor(r.id) && !present.count(r.id)) {
            d_.error("meeting/attendance", r.loc, quote(r.id) + " is recused but did not sit (not present)");
          }
        }
        for (const auto& x : d.dissent) {
          if (p_.actor(x.member.id) && !present.count(x.member.id)) {
            d_.error("meeting/attendance", x.member.loc,
                     quote(x.member.id) + " has a dissent recorded but did not sit (not present)");
          }
        }
      }
    }
    // meeting/uninvited
    for (const auto& r : att.present) {
      if (body && !members.count(r.id) && !substitutes.count(r.id) && !guests.count(r.id) &&
          !representing.count(r.id)) {
        d_.warning("meeting/uninvited", r.loc,
                   quote(r.id) + " is present but is neither a member of " + quote(body->id) +
                       ", a member's substitute, nor a guest");
      }
    }
  }

  bool reconvened(const Meeting& m) {
    if (!first_calls_) {
      first_calls_.emplace();
      for (const auto& x : p_.meetings) {
        if (x.first_call) first_calls_->insert(x.first_call->id);
      }
    }
    return first_calls_->count(m.id) > 0;
  }

  // meeting/no-quorum: a séance without quorum cannot deliberate (R133-10
  // CRPA); what it decided is void, and a second call is needed.
  void no_quorum(const Meeting& m, const MeetingCount& count) {
    if (count.quorum_reached()) return;
    for (const auto& item : m.agenda) {
      if (item.decisions.empty()) continue;
      d_.error("meeting/no-quorum", item.decisions.front().loc,
               "decisions recorded at " + quote(m.id) + ", whose quorum was not reached (" +
                   std::to_string(count.present_or_represented()) + " present or represented, " +
                   std::to_string(*count.quorum_needed) + " needed): the body could not deliberate; convene it again with `second_call: " + m.id + "`");
      return;
    }
  }

  // meeting/second-call: a second call follows a held séance of the same
  // body whose quorum failed, on the same agenda (R133-10 CRPA).
  void second_call(const Meeting& m) {
    if (!m.second_call.value_or(false)) return;
    if (!m.first_call) {
      d_.warning("meeting/second-call", m.second_call.loc,
                 "second_call: true: write the id of the séance whose quorum failed (second_call: ID), "
                 "so that the letters and minutes can name it");
      return;
    }
    const Meeting* first = p_.meeting(m.first_call->id);
    if (!first) return;  // ref/unknown
    const Loc at = m.first_call->loc;
    const std::string name = quote(first->id);
    if (!first->body || !m.body || first->body->id != m.body->id) {
      d_.error("meeting/second-call", at,
               name + " is a meeting of " + (first->body ? quote(first->body->id) : std::string("no body")) +
                   ", not of " + (m.body ? quote(m.body->id) : std::string("this meeting's body")));
      return;
    }
    if (!first->date || !m.date || !(*first->date < *m.date)) {
      d_.error("meeting/second-call", at, name + " is not dated before this meeting");
      return;
    }
    if (!first->held()) {
      d_.error("meeting/second-call", at, name + " has no attendance: it was not held, so its quorum did not fail");
      return;
    }
    const MeetingCount count = count_meeting(p_, *first);
    if (count.quorum_reached()) {
      d_.error("meeting/second-call", at,
               name + (count.quorum_needed ? " reached its quorum" : " needed no quorum") +
                   ": a second call follows a séance whose quorum failed");
      return;
    }
    const std::size_t n = std::max(first->agenda.size(), m.agenda.size());
    for (std::size_t i = 0; i < n; ++i) {
      const std::string here = i < m.agenda.size() ? m.agenda[i].title.value_or("") : "";
      const std::string there = i < first->agenda.size() ? first->agenda[i].title.value_or("") : "";
      if (here == there) continue;
      d_.warning("meeting/second-call", at,
                 "the agenda differs from that of " + name + " (a second call is on the same agenda): item " +
                     std::to_string(i + 1) + " is " + (here.empty() ? "missing" : quote_value(here)) +
                     " here, " + (there.empty() ? "missing" : quote_value(there)) + " there");
      return;
    }
  }

  // meeting/vote and meeting/outcome: `count` is null before the meeting.
  void outcomes(const Meeting& m, const MeetingCount* count) {
    const Body* body = m.body ? p_.body(m.body->id) : nullptr;
    for (const auto& item : m.agenda) {
      for (const auto& d : item.decisions) {
        VoteBasis basis;
        if (body) basis.majority = body->majority_rule();
        if (count) {
          basis = vote_basis(p_, m, *count, d);
          if (d.vote) {
            const long long cast = 0LL + d.vote->for_ + d.vote->against + d.vote->abstain;
            if (cast > basis.voters) {
              const bool recused = basis.voters < count->present_or_represented();
              d_.error("meeting/vote", d.vote->loc,
                       std::to_string(cast) + " votes cast, but only " + std::to_string(basis.voters) +
                           " members present or represented" + (recused ? " who were not recused" : ""));
            }
          }
        }
        const DecisionResult r = decide(d, basis);
        const std::string majority = basis.majority == Majority::present ? " under majority: present" : "";
        if (r.tie && !r.outcome) {
          d_.error("meeting/outcome", d.vote->loc,
                   "tied vote: write the outcome (adopted or rejected) decided by the chair");
        } else if (r.casting_vote && count && !basis.chair_decides && presiding(p_, m)) {
          // A chair is known (the meeting's or the body's) and did not sit:
          // who else could have had the casting vote? Without any chair
          // known, nothing says who presided.
          d_.error("meeting/outcome", d.outcome.loc,
                   "tied vote decided by `outcome`, but the séance's chair " +
                       std::string(chair_sat(p_, m) ? "was recused" : "did not sit") +
                       ": only the chair has a casting vote (R133-11 CRPA)");
        } else if (r.contradicts_vote && (count || basis.majority == Majority::cast)) {
          // Under `present`, a meeting not held yet has no voters to count.
          d_.error("meeting/outcome", d.outcome.loc,
                   "outcome '" + std::string(to_string(*d.outcome)) + "' contradicts the vote (" +
                       std::to_string(d.vote->for_) + " for, " + std::to_string(d.vote->against) + " against" +
                       (basis.majority == Majority::present
                            ? ", " + std::to_string(basis.voters) + " present or represented"
                            : std::string()) +
                       ")" + majority);
        }
      }
    }
  }

  void notice(const Meeting& m, const Body* body) {
    if (m.urgent.value_or(false)) return;  // R133-8 CRPA: "sauf urgence"
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

  // --- ref/file -------------------------------------------------------------
  // An attachment is a file of the project: a relative path that stays inside
  // it (no "..", no link out) and exists. A project read from memory (a git
  // revision) has no root: only the path is checked.
  void attachments(const Meeting& m) {
    namespace fs = std::filesystem;
    for (const auto& item : m.agenda) {
      for (const auto& a : item.attachments) {
        if (!a.file) continue;
        const fs::path rel = fs::path(*a.file).lexically_normal();
        const bool escapes = rel.is_absolute() || rel.has_root_name() || rel.empty() ||
                             (!rel.empty() && *rel.begin() == "..");
        if (escapes) {
          d_.error("ref/file", a.file.loc,
                   "attachment " + quote_value(*a.file) + " lies outside the project: give its path from the "
                   "project root, e.g. documents/avis.pdf");
          continue;
        }
        if (p_.root.empty()) continue;
        std::error_code ec;
        const fs::path full = p_.root / rel;
        if (!fs::is_regular_file(full, ec)) {
          d_.error("ref/file", a.file.loc, "attachment " + quote_value(*a.file) + " does not exist in the project");
          continue;
        }
        const fs::path real = fs::weakly_canonical(full, ec), root = fs::weakly_canonical(p_.root, ec);
        const auto [r_end, _] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
        if (r_end != root.end()) {
          d_.error("ref/file", a.file.loc,
                   "attachment " + quote_value(*a.file) + " is a link to a file outside the project");
        }
      }
    }
  }

  // --- body/composition -----------------------------------------------------
  // The bounds of a body and of its collèges (R1434-33 CSP for a CTS), each
  // member's collège, and no substitute in a collège that has none.
  void composition(const Body& b) {
    if (!composed_.insert(&b).second) return;
    auto bounds = [&](const Bounds& size, std::size_t n, Loc at, const std::string& what) {
      const int count = static_cast<int>(n);
      const std::string has = what + " has " + std::to_string(count) + (count == 1 ? " member" : " members");
      if (size.min && size.max && *size.max < *size.min) {
        d_.warning("body/composition", size.max.loc,
                   what + ": max " + std::to_string(*size.max) + " is less than min " + std::to_string(*size.min));
      } else if (size.min && count < *size.min) {
        d_.warning("body/composition", at, has + ", fewer than the " + std::to_string(*size.min) + " of its min");
      } else if (size.max && count > *size.max) {
        d_.warning("body/composition", at, has + ", more than the " + std::to_string(*size.max) + " of its max");
      }
    };
    if (b.size) bounds(*b.size, b.members.size(), b.members_loc, quote(b.id));
    if (b.colleges.empty()) return;
    std::unordered_map<std::string_view, std::size_t> in;
    std::string ids;
    for (const College& c : b.colleges) ids += (ids.empty() ? "" : ", ") + c.id;
    for (const Ref& r : b.members) {
      const Actor* a = p_.actor(r.id);
      if (!a) continue;
      const College* c = college_of(b, *a);
      if (!c) {
        d_.warning("body/composition", r.loc,
                   quote(a->id) + (a->college ? " is of collège " + quote_value(*a->college) : " has no college") +
                       ", not one of the collèges of " + quote(b.id) + " (" + ids + ")");
        continue;
      }
      ++in[c->id];
      if (!c->has_substitutes() && a->substitute) {
        d_.warning("body/composition", a->substitute->loc,
                   quote(a->id) + " has a substitute, but the members of collège " + quote(c->id) + " of " +
                       quote(b.id) + " have none (substitutes: false)");
      }
    }
    for (const College& c : b.colleges) bounds(c.size, in[c.id], c.loc, "collège " + quote(c.id));
  }

  // --- actor/mandate ------------------------------------------------------
  void mandates(const Meeting& m) {
    if (!m.date || !m.body) return;
    const Body* body = p_.body(m.body->id);
    if (!body) return;
    for (const auto& r : body->members) {
      const Actor* a = p_.actor(r.id);
      if (a && a->mandate && a->mandate->end && *a->mandate->end < *m.date) {
        d_.warning("actor/mandate", m.date.loc,
                   quote(a->id) + " is convened to " + quote(m.id) + " but their mandate ended on " +
                       a->mandate->end->iso());
      }
    }
  }

  // --- actor/address --------------------------------------------------------
  // A letter reaches someone by post (their address or their organisation's)
  // or by e-mail. For the meetings to come (not held: their letters are still
  // to send); reported once per actor, at the actor, naming the first such
  // meeting they are convened to (or `only`'s).
  void addresses(const Meeting* only) {
    std::unordered_set<std::string_view> done;
    auto each = [&](const Meeting& m) {
      if (m.held()) return;
      for (const std::string& id : convened(p_, m)) {
        const Actor* a = p_.actor(id);
        if (!a || !done.insert(a->id).second) continue;
        if ((a->email && !a->email->empty()) || !postal(*a).empty()) continue;
        d_.warning("actor/address", a->loc,
                   quote(a->id) + " is convened to " + quote(m.id) +
                       " but has no postal address (own or organisation's) and no email: the letter cannot reach them");
      }
    };
    if (only) {
      each(*only);
    } else {
      for (const auto& m : p_.meetings) each(m);
    }
  }

  std::string_view postal(const Actor& a) const {
    if (a.address && !a.address->empty()) return *a.address;
    if (!a.is_organisation() && a.organisation) {
      if (const Actor* org = p_.actor(a.organisation->id); org && org->address) return *org->address;
    }
    return {};
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
  std::vector<std::string_view> id_lists_[5];
  std::unordered_set<const Body*> composed_;
  std::optional<std::unordered_set<std::string_view>> first_calls_;  // meetings named by a second_call
  int suggestions_ = 0;
};

}  // namespace

void check_project(const Project& project, const CheckOptions& options, Diagnostics& diags) {
  Checker(project, options, diags).run();
}

void check_meeting(const Project& project, const Meeting& meeting, const CheckOptions& options, Diagnostics& diags) {
  Checker(project, options, diags).run_meeting(meeting);
}

}  // namespace cls
