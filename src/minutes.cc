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

// The compte rendu is signed by who presided, when they sat: {title, name},
// the title being the chair's as on the convocations (their `role`, else
// "Le président du comité de pilotage…"), or, for someone presiding in the
// chair's place, their `role`, else "Le président de séance"; then by the
// secrétaire de séance when there is one. False when nobody signs.
std::string presiding_title(const Project& project, const Meeting& meeting, const Actor& chair) {
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  const bool body_chair = body && body->chair && body->chair->id == chair.id;
  if (chair.role && !chair.role->empty() && !body_chair) return *chair.role;
  if (body_chair) return chair_title(project, *body, chair);
  if (project.lang() == Lang::en) return "Chair of the meeting";
  return chair.civility.value_or(Civility::none) == Civility::mme ? "La présidente de séance"
                                                                   : "Le président de séance";
}

mus::data signatures(const Project& project, const Meeting& meeting) {
  mus::data list{mus::data::type::list};
  const Actor* chair = presiding(project, meeting);
  if (chair && !chair->is_organisation() && chair_sat(project, meeting)) {
    const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
    const bool body_chair = body && body->chair && body->chair->id == chair->id;
    mus::data s;
    s.set("title", body_chair && chair->role && !chair->role->empty() ? *chair->role
                                                                       : presiding_title(project, meeting, *chair));
    s.set("name", chair->name.value_or(chair->id));
    list.push_back(s);
  }
  if (const Actor* sec = meeting.secretary ? project.actor(meeting.secretary->id) : nullptr) {
    mus::data s;
    const bool fem = sec->civility.value_or(Civility::none) == Civility::mme;
    s.set("title", project.lang() == Lang::en ? "Secretary of the meeting"
                                              : fem ? "La secrétaire de séance" : "Le secrétaire de séance");
    s.set("name", sec->name.value_or(sec->id));
    list.push_back(s);
  }
  return list;
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
  if (count.remote > 0) {
    who += lang == Lang::fr ? ", dont " + format_integer(lang, count.remote) + " par visioconférence"
                            : ", " + format_integer(lang, count.remote) + " of them by videoconference";
  }
  if (!count.quorum_needed) return std::string(w.no_quorum) + std::string(w.colon) + who + ".";
  std::string out(w.the_quorum);
  if (count.quorum) out += std::string(w.set) + quorum_share(lang, *count.quorum) + std::string(w.of_members);
  out += std::string(w.that_is) + plural(lang, *count.quorum_needed, w.member, w.members) + ", ";
  out += count.quorum_reached() ? w.reached : w.not_reached;
  return out + std::string(w.colon) + who + ".";
}

std::string decision_result(const Project& project, const Meeting& meeting, const MeetingCount& count,
                            const Decision& decision) {
  return decision_result(project.lang(), decision, vote_basis(project, meeting, count, decision));
}

std::string decision_result(Lang lang, const Decision& decision, const VoteBasis& basis) {
  const DecisionResult r = decide(decision, basis);
  // A tie without a written outcome is an error of `cls check` (meeting/outcome),
  // which stops the command before rendering.
  const Outcome outcome = r.outcome.value_or(Outcome::adopted);
  std::string out = vote_sentence(lang, outcome, decision.vote, r.unanimous, r.casting_vote);
  // Under `majority: present`, more for than against is not enough: say why
  // it is rejected (R133-11 CRPA).
  if (basis.majority == Majority::present && outcome == Outcome::rejected && decision.vote && !r.casting_vote &&
      decision.vote->for_ >= decision.vote->against && decision.vote->for_ > 0) {
    const int needed = basis.voters / 2 + 1;
    out += lang == Lang::fr ? ", la majorité des membres présents ou représentés (" + plural(lang, needed, "voix", "voix") +
                                  " sur " + format_integer(lang, basis.voters) + ") n’étant pas atteinte"
                            : ", short of a majority of the members present or represented (" +
                                  format_integer(lang, needed) + " of " + format_integer(lang, basis.voters) + ")";
  }
  return out;
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

namespace {

// "Caisse primaire…, représentée par M. Jean Dupont": the participle agrees
// with the organisation's article; without one, "en la personne de".
std::string represented_by(const Project& project, Lang lang, const Actor& org, const Actor& person) {
  const std::string who = short_name(lang, person);
  if (lang == Lang::en) return ", represented by " + who;
  (void)project;
  switch (org.article.value_or(Article::none)) {
    case Article::la: return ", représentée par " + who;
    case Article::le: return ", représenté par " + who;
    case Article::les: return ", représentés par " + who;
    case Article::elided:
    case Article::none: break;
  }
  return ", en la personne de " + who;
}

// The sentence of a held séance whose quorum failed (SPEC §8.3, R133-10
// CRPA): it could not deliberate, and will be convened again.
std::string failure_sentence(const Project& project, const Meeting& meeting) {
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  const Lang lang = project.lang();
  const std::string name = body && body->title ? *body->title : std::string(lang == Lang::fr ? "instance" : "body");
  const std::string law = crpa_article(project, "R133-10");
  if (lang == Lang::en) {
    return "As the quorum is not reached, " + the_phrase(lang, name) +
           " cannot validly deliberate. The members will be convened again on the same agenda; " +
           the_phrase(lang, name) + " will then deliberate validly whatever the number of members present" + law + ".";
  }
  // "elle délibérera" for an assemblée, a commission; "il" for a comité.
  const std::string np = the_phrase(lang, name);
  const bool fem = is_feminine(name);
  return "Le quorum n’étant pas atteint, " + np +
         " ne peut valablement délibérer. Les membres seront convoqués à nouveau sur le même ordre du jour\u202F; " +
         std::string(fem ? "elle" : "il") + " délibérera alors valablement sans condition de quorum" + law + ".";
}

// The meeting that is the second call of `meeting`, if the project has one.
const Meeting* second_call_for(const Project& project, const Meeting& meeting) {
  for (const Meeting& m : project.meetings) {
    if (m.first_call && m.first_call->id == meeting.id) return &m;
  }
  return nullptr;
}

// "Compte rendu approuvé lors de la séance du …" (minutes_approved), else
// "Projet de compte rendu soumis à l’approbation de …".
std::string approval_sentence(const Project& project, const Meeting& meeting) {
  const Lang lang = project.lang();
  const bool fr = lang == Lang::fr;
  const std::string_view word = meeting_word(project);
  if (const Meeting* at = meeting.minutes_approved ? project.meeting(meeting.minutes_approved->id) : nullptr;
      at && at->date) {
    const bool same_body = at->body && meeting.body && at->body->id == meeting.body->id;
    std::string out = fr ? "Compte rendu approuvé lors de la " + std::string(word) + " du " +
                               format_date_long(lang, *at->date)
                         : "Minutes approved at the meeting of " + format_date_long(lang, *at->date);
    if (!same_body) out += " (" + meeting_title(project, *at) + ")";
    return out + ".";
  }
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  const std::string name = body && body->title ? *body->title : std::string();
  if (const Meeting* next = next_meeting(project, meeting); next && next->date) {
    return fr ? "Projet de compte rendu soumis à l’approbation de la " + std::string(word) + " du " +
                    format_date_long(lang, *next->date) + "."
              : "Draft minutes, to be approved at the meeting of " + format_date_long(lang, *next->date) + ".";
  }
  if (name.empty()) return fr ? "Projet de compte rendu." : "Draft minutes.";
  return fr ? "Projet de compte rendu soumis à l’approbation " + of_phrase(lang, name) + " lors de sa prochaine " +
                  std::string(word) + "."
            : "Draft minutes, to be approved by " + the_phrase(lang, name) + " at its next meeting.";
}

std::string joined(Lang lang, const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? (lang == Lang::fr ? " et " : " and ") : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace

std::string render_minutes(const Project& project, const Meeting& meeting, DocFormat format,
                           const MinutesOptions& options) {
  if (!meeting.held()) {
    throw std::invalid_argument("meeting " + meeting.id + " has no attendance: it is not held yet");
  }
  const Lang lang = project.lang();
  const bool fr = lang == Lang::fr;
  auto ctx = document_context(project, meeting, format);
  ctx.set("public", options.public_version);
  const MeetingCount count = count_meeting(project, meeting);
  const int voters = count.present_or_represented();
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  const Attendance& att = *meeting.attendance;
  const std::string remote_mark = std::string(" (") + std::string(label(lang, "remote")) + ")";
  std::unordered_set<std::string_view> remote;
  for (const Ref& r : att.remote) remote.insert(r.id);
  auto sits_remotely = [&](std::string_view id) { return remote.count(id) ? remote_mark : std::string(); };

  // --- Attendance -----------------------------------------------------------------
  mus::data present{mus::data::type::list}, substituted{mus::data::type::list},
      proxies{mus::data::type::list}, excused{mus::data::type::list}, absent{mus::data::type::list},
      guests{mus::data::type::list}, guests_excused{mus::data::type::list};
  // Members present, by collège when the body has collèges (SPEC §8.3).
  std::vector<std::pair<const College*, mus::data>> groups;
  if (body) {
    for (const College& c : body->colleges) groups.emplace_back(&c, mus::data{mus::data::type::list});
  }
  groups.emplace_back(nullptr, mus::data{mus::data::type::list});  // no collège (or none declared)
  std::unordered_set<std::string_view> members;
  for (const MemberPresence& mp : count.members) {
    members.insert(mp.id);
    const Actor* a = project.actor(mp.id);
    switch (mp.presence) {
      case Presence::present: {
        std::string name = name_and_org_of(project, lang, mp.id);
        for (const Representative& rp : att.representatives) {
          const Actor* person = project.actor(rp.person.id);
          if (rp.organisation.id == mp.id && a && person) {
            name += represented_by(project, lang, *a, *person) + sits_remotely(person->id);
          }
        }
        name += sits_remotely(mp.id);
        present.push_back(named(name));
        const College* c = a && body ? college_of(*body, *a) : nullptr;
        for (auto& [college, list] : groups) {
          if (college == c) {
            list.push_back(named(name));
            break;
          }
        }
        break;
      }
      case Presence::substituted: {
        mus::data d;
        d.set("name", name_of(project, lang, mp.id));
        d.set("by", name_of(project, lang, mp.by));
        const Actor* by = project.actor(mp.by);
        d.set("text", name_of(project, lang, mp.id) + (fr ? " (suppléance assurée " : " (substitute: ") +
                          (by ? (fr ? with_preposition(lang, *by, "par") : short_name(lang, *by)) : mp.by) +
                          sits_remotely(mp.by) + ")");
        substituted.push_back(d);
        break;
      }
      case Presence::proxy: {
        mus::data d;
        const Actor* holder = project.actor(mp.by);
        d.set("name", name_of(project, lang, mp.id));
        d.set("holder", name_of(project, lang, mp.by));
        d.set("text", name_of(project, lang, mp.id) + " (" + (fr ? "pouvoir donné " : "proxy given ") +
                          (holder ? with_preposition(lang, *holder, fr ? "à" : "to") : std::string(mp.by)) + ")");
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
  for (const std::string& id : count.guests_present) {
    guests.push_back(named(name_and_org_of(project, lang, id) + sits_remotely(id)));
  }
  for (const Ref& r : att.excused) {
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
  mus::data college_groups{mus::data::type::list};
  if (body && !body->colleges.empty()) {
    for (auto& [college, list] : groups) {
      if (list.is_empty_list()) continue;
      mus::data g;
      g.set("title", college ? college->title.value_or(college->id)
                             : std::string(fr ? "Hors collège" : "No collège"));
      g.set("members", list);
      college_groups.push_back(g);
    }
  }
  ctx.set("by_college", !college_groups.is_empty_list());
  ctx.set("present_groups", college_groups);

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

  // --- How the séance went (SPEC §8.3) ------------------------------------------------
  const std::string_view word = meeting_word(project);
  const Actor* chair = presiding(project, meeting);
  if (chair && chair_sat(project, meeting)) {
    // "Sous la présidence de M. Olivier Vautrin, président du conseil…": the
    // title without its article; none when the civility does not say it.
    std::string title = presiding_title(project, meeting, *chair);
    std::string text = fr ? "Sous la présidence " + with_preposition(lang, *chair, "de")
                          : "Chaired by " + short_name(lang, *chair);
    for (std::string_view article : {"Le ", "La ", "The "}) {
      if (title.rfind(article, 0) == 0) {
        title = title.substr(article.size());
        if (title.rfind("présidence", 0) == 0) title.clear();  // no civility: "La présidence du…"
        break;
      }
    }
    if (lang == Lang::en && title.rfind("Chair", 0) == 0) title = "chair" + title.substr(5);
    if (!title.empty()) text += ", " + title;
    ctx.set("presided", text);
  } else {
    ctx.set("presided", false);
  }
  const Actor* secretary = meeting.secretary ? project.actor(meeting.secretary->id) : nullptr;
  ctx.set("secretary", secretary ? mus::data(short_name(lang, *secretary)) : mus::data(false));
  ctx.set("convened_on", meeting.convocation && meeting.convocation->date
                             ? mus::data((fr ? "Convocation adressée le " : "Notice sent on ") +
                                         format_date(lang, *meeting.convocation->date) + ".")
                             : mus::data(false));
  ctx.set("opened", meeting.opened ? mus::data(fr ? "La " + std::string(word) + " est ouverte à " +
                                                        format_time(lang, *meeting.opened) + "."
                                                  : "The meeting opened at " + format_time(lang, *meeting.opened) + ".")
                                   : mus::data(false));
  ctx.set("closed", meeting.closed ? mus::data(fr ? "La " + std::string(word) + " est levée à " +
                                                        format_time(lang, *meeting.closed) + "."
                                                  : "The meeting closed at " + format_time(lang, *meeting.closed) + ".")
                                   : mus::data(false));
  ctx.set("approval", approval_sentence(project, meeting));
  const bool failed = !count.quorum_reached();
  ctx.set("failed", failed);
  ctx.set("failure", failed ? mus::data(failure_sentence(project, meeting)) : mus::data(false));
  if (const Meeting* again = failed ? second_call_for(project, meeting) : nullptr; again && again->date) {
    std::string when = format_date_long(lang, *again->date);
    if (const std::string times = meeting_times(lang, *again); !times.empty()) when += " " + times;
    ctx.set("second_call_on", (fr ? "Une seconde convocation est adressée pour la " + std::string(word) + " du "
                                  : "A second notice is sent for the meeting of ") +
                                  when + ".");
  } else {
    ctx.set("second_call_on", false);
  }

  // --- Items, decisions, follow-ups -------------------------------------------------
  const auto agenda = agenda_items_context(project, meeting, format, false);
  const std::string number_label = decision_label(project);
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
      const std::string result = decision_result(project, meeting, count, d);
      mus::data dd;
      dd.set("item", number);
      dd.set("item_title", item.title.value_or(""));
      dd.set("text", markdown_block(text, format, 0));
      dd.set("text_item", markdown_block(text, format, 2));
      dd.set("text_inline", format == DocFormat::html ? markdown_block(text, format, 0) : markdown_cell(text));
      dd.set("result", result);
      dd.set("result_sentence", upper_first(result) + ".");
      const DecisionResult r = decide(project, meeting, count, d);
      dd.set("adopted", r.outcome.value_or(Outcome::adopted) == Outcome::adopted);
      // "Avis n° 2026-03" (SPEC §8.1); "n°" keeps its number on the line.
      dd.set("label", d.number && !d.number->empty()
                          ? number_label + (fr ? " n°\u00A0" : " No.\u00A0") + *d.number
                          : std::string(label(lang, "decision")));
      dd.set("number", d.number && !d.number->empty() ? mus::data(*d.number) : mus::data(false));
      std::vector<std::string> recused;
      for (const Ref& r2 : d.recused) {
        const Actor* a = project.actor(r2.id);
        recused.push_back(a ? (recused.empty() ? subject_name(lang, *a) : with_preposition(lang, *a, "").substr(1))
                            : r2.id);
      }
      if (!recused.empty()) {
        const bool one = recused.size() == 1;
        dd.set("recused", fr ? joined(lang, recused) + ", ayant un intérêt personnel à l’affaire, " +
                                   (one ? "n’a" : "n’ont") + " pas pris part à la délibération" +
                                   crpa_article(project, "R133-12") + "."
                             : joined(lang, recused) + ", having a personal interest in the matter, took no part" +
                                   crpa_article(project, "R133-12") + ".");
      } else {
        dd.set("recused", false);
      }
      mus::data dissent{mus::data::type::list};
      for (const Dissent& x : d.dissent) {
        const Actor* member = project.actor(x.member.id);
        const std::string who = member ? subject_name(lang, *member) : x.member.id;
        mus::data xd;
        xd.set("text", fr ? who + " a demandé que soit mentionné son désaccord\u00A0: «\u00A0" + x.text.value_or("") +
                                "\u00A0»"
                          : who + " asked that their disagreement be recorded: “" + x.text.value_or("") + "”");
        dissent.push_back(xd);
      }
      dd.set("has_dissent", !dissent.is_empty_list());
      dd.set("dissent", dissent);
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
    for (const Ref& r : att.present) {
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
  const mus::data signs = signatures(project, meeting);
  ctx.set("signature", signs.is_empty_list() ? mus::data(false) : signs.list_value()[0]);
  set_list("signatures", signs);
  return render_document(project, "minutes", format, ctx);
}

}  // namespace cls
