// SPDX-License-Identifier: EUPL-1.2
#include "cls/minutes.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "cls/markdown.h"
#include "cls/templates.h"
#include "cls/text.h"

namespace cls {

namespace mus = kainjow::mustache;

namespace {

mus::data text_or_false(const std::string& s) { return s.empty() ? mus::data(false) : mus::data(s); }

std::string name_of(const Project& project, Lang lang, std::string_view id) {
  const Actor* a = project.actor(id);
  return a ? short_name(lang, *a) : std::string(id);
}

std::string name_and_org_of(const Project& project, Lang lang, std::string_view id) {
  const Actor* a = project.actor(id);
  return a ? name_and_organisation(project, lang, *a) : std::string(id);
}

mus::data named(const std::string& name) { return mus::data("name", name); }

// A decision's text inside one table cell of a Markdown document: one line,
// with the cell separator escaped.
std::string markdown_cell(std::string_view markdown) {
  const std::string block = markdown_to_markdown(markdown, 0);
  std::string out;
  bool space = false;
  for (char c : block) {
    if (c == '\n' || c == '\r' || c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c == '|') {
      out += "\\|";
    } else {
      out += c;
    }
  }
  return out;
}

std::string count_label(Lang lang, std::string_view fr, std::string_view en) {
  return std::string(lang == Lang::fr ? fr : en);
}

// The compte rendu is signed by the body's chair, when they sat: {title, name},
// the title being their `role` as on the convocations, else "Le président du
// comité de pilotage"; false otherwise (who chaired in their place is not
// recorded).
mus::data chair_signature(const Project& project, const Meeting& meeting) {
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  const Actor* chair = body && body->chair ? project.actor(body->chair->id) : nullptr;
  if (!chair || chair->is_organisation() || !meeting.attendance) return mus::data(false);
  const auto& present = meeting.attendance->present;
  if (std::none_of(present.begin(), present.end(), [&](const Ref& r) { return r.id == chair->id; })) {
    return mus::data(false);
  }
  mus::data s;
  s.set("title", chair->role && !chair->role->empty() ? *chair->role
                                                       : chair_title(project.lang(), *body, *chair));
  s.set("name", chair->name.value_or(chair->id));
  return s;
}

}  // namespace

std::string quorum_share(Lang lang, const Quorum& q) {
  struct Named {
    std::int64_t num, den;
    std::string_view fr, en;
  };
  static constexpr Named kNamed[] = {
      {1, 2, "à la moitié", "at half"},       {1, 3, "au tiers", "at one third"},
      {2, 3, "aux deux tiers", "at two thirds"}, {1, 4, "au quart", "at one quarter"},
      {3, 4, "aux trois quarts", "at three quarters"}, {1, 1, "à la totalité", "at all"},
  };
  for (const Named& n : kNamed) {
    if (q.num == n.num && q.den == n.den) return std::string(lang == Lang::fr ? n.fr : n.en);
  }
  const std::string prefix = lang == Lang::fr ? "à " : "at ";
  // A fraction stays one ("3/5"); a decimal or a percentage reads as a
  // percentage ("0.6" → "60 %").
  if (q.text.find('/') != std::string::npos) {
    return prefix + std::to_string(q.num) + "/" + std::to_string(q.den);
  }
  std::string pct = format_number(lang, static_cast<double>(q.num) * 100.0 / static_cast<double>(q.den), 2);
  if (lang == Lang::fr) pct += kNbsp;
  return prefix + pct + "%";
}

namespace {

// The words of the quorum sentence; French and English build it alike.
struct QuorumWords {
  std::string_view member, members, out_of, is_one, are_many, no_quorum, the_quorum, set, of_members,
      that_is, reached, not_reached, colon;
};
constexpr QuorumWords kQuorumFr{"membre", "membres", " sur ", " est présent ou représenté",
                                " sont présents ou représentés",
                                "Aucun quorum n’est fixé pour cette instance", "Le quorum", ", fixé ",
                                " des membres,", " soit ", "est atteint", "n’est pas atteint", "\u00A0: "};
constexpr QuorumWords kQuorumEn{"member", "members", " of ", " is present or represented",
                                " are present or represented", "No quorum is set for this body",
                                "The quorum", ", set ", " of the members,", " that is ", "is reached",
                                "is not reached", ": "};

}  // namespace

std::string quorum_sentence(const Project& project, const Meeting& meeting, const MeetingCount& count) {
  if (count.second_call) return second_call_sentence(project, meeting);
  const Lang lang = project.lang();
  const QuorumWords& w = lang == Lang::fr ? kQuorumFr : kQuorumEn;
  const int n = count.present_or_represented();
  // "16 membres sur 20 sont présents…"; "16 of 20 members are present…".
  const std::string total = format_integer(lang, count.total);
  std::string who = lang == Lang::fr ? plural(lang, n, w.member, w.members) + std::string(w.out_of) + total
                                     : format_integer(lang, n) + std::string(w.out_of) +
                                           plural(lang, count.total, w.member, w.members);
  who += is_singular(lang, n) ? w.is_one : w.are_many;
  if (!count.quorum_needed) return std::string(w.no_quorum) + std::string(w.colon) + who + ".";
  std::string out(w.the_quorum);
  if (count.quorum) out += std::string(w.set) + quorum_share(lang, *count.quorum) + std::string(w.of_members);
  out += std::string(w.that_is) + plural(lang, *count.quorum_needed, w.member, w.members) + ", ";
  out += count.quorum_reached() ? w.reached : w.not_reached;
  return out + std::string(w.colon) + who + ".";
}

std::string decision_result(Lang lang, const Decision& decision, int present_or_represented) {
  const DecisionResult r = decide(decision, present_or_represented);
  // A tie without a written outcome is an error of `cls check` (meeting/outcome),
  // which stops the command before rendering.
  return vote_sentence(lang, r.outcome.value_or(Outcome::adopted), decision.vote, r.unanimous);
}

const Meeting* next_meeting(const Project& project, const Meeting& meeting) {
  if (!meeting.body || !meeting.date) return nullptr;
  const Meeting* best = nullptr;
  for (const Meeting& m : project.meetings) {
    if (!m.body || m.body->id != meeting.body->id || !m.date || *m.date <= *meeting.date) continue;
    if (!best || *m.date < *best->date) best = &m;
  }
  return best;
}

std::string render_minutes(const Project& project, const Meeting& meeting, DocFormat format,
                           const MinutesOptions& options) {
  if (!meeting.held()) {
    throw std::invalid_argument("meeting " + meeting.id + " has no attendance: it is not held yet");
  }
  const Lang lang = project.lang();
  auto ctx = document_context(project, meeting, format);
  ctx.set("public", options.public_version);
  const MeetingCount count = count_meeting(project, meeting);
  const int voters = count.present_or_represented();

  // --- Attendance -----------------------------------------------------------------
  mus::data present{mus::data::type::list}, substituted{mus::data::type::list},
      proxies{mus::data::type::list}, excused{mus::data::type::list}, absent{mus::data::type::list},
      guests{mus::data::type::list}, guests_excused{mus::data::type::list};
  std::unordered_set<std::string_view> members;
  for (const MemberPresence& mp : count.members) {
    members.insert(mp.id);
    switch (mp.presence) {
      case Presence::present:
        present.push_back(named(name_and_org_of(project, lang, mp.id)));
        break;
      case Presence::substituted: {
        mus::data d;
        d.set("name", name_of(project, lang, mp.id));
        d.set("by", name_of(project, lang, mp.by));
        d.set("text", name_of(project, lang, mp.id) +
                          (lang == Lang::fr ? " (suppléance assurée par " : " (substitute: ") +
                          name_of(project, lang, mp.by) + ")");
        substituted.push_back(d);
        break;
      }
      case Presence::proxy: {
        mus::data d;
        d.set("name", name_of(project, lang, mp.id));
        d.set("holder", name_of(project, lang, mp.by));
        d.set("text", name_of(project, lang, mp.id) +
                          (lang == Lang::fr ? " (pouvoir donné à " : " (proxy given to ") +
                          name_of(project, lang, mp.by) + ")");
        proxies.push_back(d);
        break;
      }
      case Presence::excused:
        excused.push_back(named(name_and_org_of(project, lang, mp.id)));
        break;
      case Presence::absent:
        absent.push_back(named(name_and_org_of(project, lang, mp.id)));
        break;
    }
  }
  for (const std::string& id : count.guests_present) guests.push_back(named(name_and_org_of(project, lang, id)));
  for (const Ref& r : meeting.attendance->excused) {
    if (!members.count(r.id)) guests_excused.push_back(named(name_and_org_of(project, lang, r.id)));
  }
  auto set_list = [&ctx](const std::string& key, const mus::data& list) {
    ctx.set("has_" + key, !list.is_empty_list());
    ctx.set(key, list);
  };
  set_list("present", present);
  set_list("substituted", substituted);
  set_list("proxies", proxies);
  set_list("excused", excused);
  set_list("absent", absent);
  set_list("guests", guests);
  set_list("guests_excused", guests_excused);

  mus::data counts;
  counts.set("members", format_integer(lang, count.total));
  counts.set("present", format_integer(lang, count.present));
  counts.set("substituted", format_integer(lang, count.substituted));
  counts.set("by_proxy", format_integer(lang, count.by_proxy));
  counts.set("excused", format_integer(lang, count.excused));
  counts.set("absent", format_integer(lang, count.absent));
  counts.set("present_or_represented", format_integer(lang, voters));
  counts.set("quorum", count.quorum_needed ? mus::data(format_integer(lang, *count.quorum_needed))
                                           : mus::data(false));
  counts.set("quorum_reached", count.quorum_reached());
  mus::data count_labels;
  count_labels.set("members", count_label(lang, "Membres", "Members"));
  count_labels.set("present", count_label(lang, "Présents", "Present"));
  count_labels.set("substituted", count_label(lang, "Représentés par leur suppléant", "Represented by their substitute"));
  count_labels.set("by_proxy", count_label(lang, "Représentés par un pouvoir", "Represented by proxy"));
  count_labels.set("excused", count_label(lang, "Excusés", "Excused"));
  count_labels.set("absent", count_label(lang, "Absents", "Absent"));
  counts.set("t", count_labels);
  ctx.set("counts", counts);
  ctx.set("quorum_sentence", quorum_sentence(project, meeting, count));

  // --- Items, decisions, follow-ups -------------------------------------------------
  const auto agenda = agenda_items_context(project, meeting, format, false);
  mus::data items{mus::data::type::list}, all_decisions{mus::data::type::list},
      all_followups{mus::data::type::list};
  for (std::size_t i = 0; i < meeting.agenda.size(); ++i) {
    const AgendaItem& item = meeting.agenda[i];
    mus::data it = agenda.list_value()[i];
    const std::string number = std::to_string(i + 1);
    it.set("summary", item.summary && !item.summary->empty()
                          ? mus::data(markdown_block(*item.summary, format, 0))
                          : mus::data(false));
    mus::data decisions{mus::data::type::list};
    for (const Decision& d : item.decisions) {
      const std::string text = d.text.value_or("");
      const std::string result = decision_result(lang, d, voters);
      mus::data dd;
      dd.set("item", number);
      dd.set("item_title", item.title.value_or(""));
      dd.set("text", markdown_block(text, format, 0));
      dd.set("text_item", markdown_block(text, format, 2));
      dd.set("text_inline", format == DocFormat::html ? markdown_block(text, format, 0) : markdown_cell(text));
      dd.set("result", result);
      dd.set("result_sentence", upper_first(result) + ".");
      const DecisionResult r = decide(d, voters);
      dd.set("adopted", r.outcome.value_or(Outcome::adopted) == Outcome::adopted);
      decisions.push_back(dd);
      all_decisions.push_back(dd);
    }
    it.set("has_decisions", !decisions.is_empty_list());
    it.set("decisions", decisions);
    mus::data followups{mus::data::type::list};
    for (const Followup& f : item.followups) {
      mus::data fd;
      fd.set("item", number);
      fd.set("task", f.task.value_or(""));
      fd.set("owner", f.owner ? mus::data(name_of(project, lang, f.owner->id)) : mus::data(false));
      fd.set("due", f.due ? mus::data(format_date(lang, *f.due)) : mus::data(false));
      fd.set("done", f.done ? mus::data(format_date(lang, *f.done)) : mus::data(false));
      followups.push_back(fd);
      all_followups.push_back(fd);
    }
    it.set("has_followups", !followups.is_empty_list());
    it.set("followups", followups);
    items.push_back(it);
  }
  ctx.set("has_items", !items.is_empty_list());
  ctx.set("items", items);
  set_list("decisions", all_decisions);
  set_list("followups", all_followups);

  // --- Next meeting ------------------------------------------------------------------
  if (const Meeting* next = next_meeting(project, meeting)) {
    mus::data n;
    n.set("id", next->id);
    n.set("title", meeting_title(project, *next));
    // After "Prochaine réunion :", French goes on in lower case.
    std::string when = format_date_long(lang, *next->date);
    if (const std::string times = meeting_times(lang, *next); !times.empty()) when += ", " + times;
    n.set("when", when);
    n.set("place", next->place && !next->place->empty() ? mus::data(*next->place) : mus::data(false));
    ctx.set("next", n);
  } else {
    ctx.set("next", false);
  }

  // --- Contact details (left out of the public version) -------------------------------
  mus::data contacts{mus::data::type::list};
  if (!options.public_version) {
    for (const Ref& r : meeting.attendance->present) {
      const Actor* a = project.actor(r.id);
      // The annex gives emails and phones: a row with neither is of no use.
      if (!a || (!a->email && !a->phone)) continue;
      mus::data c;
      c.set("name", short_name(lang, *a));
      c.set("organisation", text_or_false(organisation_name(project, *a)));
      c.set("email", text_or_false(a->email.value_or("")));
      c.set("phone", text_or_false(a->phone.value_or("")));
      contacts.push_back(c);
    }
  }
  set_list("contacts", contacts);
  ctx.set("signature", chair_signature(project, meeting));
  return render_document(project, "minutes", format, ctx);
}

}  // namespace cls
