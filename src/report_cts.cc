// SPDX-License-Identifier: EUPL-1.2
#include "cls/report_cts.h"

#include <kainjow/mustache.hpp>

#include "cls/attendance.h"
#include "cls/documents.h"
#include "cls/markdown.h"
#include "cls/templates.h"
#include "cls/text.h"

namespace cls {

namespace mus = kainjow::mustache;

namespace {

struct Label {
  std::string_view key, fr, en;
};

constexpr Label kLabels[] = {
    {"annual_review", "Bilan annuel", "Annual review"},
    {"meetings_held", "Séances tenues en", "Meetings held in"},
    {"no_meeting", "Aucune séance tenue cette année.", "No meeting held this year."},
    {"date", "Date", "Date"},
    {"meeting", "Séance", "Meeting"},
    {"members", "Membres", "Members"},
    {"present", "Présents", "Present"},
    {"substituted", "Suppléés", "Substituted"},
    {"by_proxy", "Pouvoirs", "Proxies"},
    {"excused", "Excusés", "Excused"},
    {"absent", "Absents", "Absent"},
    {"represented", "Présents ou représentés", "Present or represented"},
    {"quorum", "Quorum", "Quorum"},
    {"attendance", "Assiduité des membres", "Members' attendance"},
    {"attendance_note",
     "Séances\u00A0: séances de l’instance tenues dans l’année\u202F; participation\u00A0: présent, "
     "suppléé ou représenté par un pouvoir, rapporté aux séances.",
     "Meetings: meetings held in the year; participation: present, substituted or represented by proxy, over the "
     "meetings."},
    {"member", "Membre", "Member"},
    {"meetings", "Séances", "Meetings"},
    {"rate", "Participation", "Participation"},
    {"total", "Total", "Total"},
    {"by_college", "Par collège", "By collège"},
    {"college", "Collège", "Collège"},
    {"decisions", "Avis et décisions", "Opinions and decisions"},
    {"no_decision", "Aucun avis ni décision cette année.", "No opinion or decision this year."},
    {"followups", "Suites à donner", "Follow-ups"},
    {"followups_done", "Réalisées", "Done"},
    {"followups_open", "En cours", "Open"},
    {"no_followup", "Aucune suite à donner.", "No follow-up."},
    {"task", "Quoi", "What"},
    {"who", "Qui", "Who"},
    {"due", "Échéance", "Due"},
    {"done", "Fait le", "Done on"},
    {"late", "en retard", "late"},
    {"plan", "Plan d’action", "Action plan"},
    {"plan_progress", "Avancement du plan", "Plan progress"},
    {"actions", "Actions", "Actions"},
    {"late_actions", "Actions en retard", "Late actions"},
    {"axis", "Axe", "Axis"},
    {"progress", "Avancement", "Progress"},
    {"as_of", "Situation au", "As of"},
};

mus::data list() { return mus::data{mus::data::type::list}; }

std::string percent(Lang lang, const std::optional<double>& x) { return x ? format_percent(lang, *x) : "–"; }

std::string quorum_text(Lang lang, const MeetingCount& c) {
  const bool fr = lang == Lang::fr;
  if (c.second_call) return fr ? "seconde convocation, sans quorum" : "second call, no quorum";
  if (!c.quorum_needed) return fr ? "sans quorum" : "no quorum";
  const std::string n = std::to_string(*c.quorum_needed);
  if (c.quorum_reached()) return fr ? "atteint (" + n + " requis)" : "reached (" + n + " needed)";
  return fr ? "non atteint (" + n + " requis)" : "not reached (" + n + " needed)";
}

std::string person(const Project& p, const std::string& id) {
  const Actor* a = p.actor(id);
  return a ? short_name(p.lang(), *a) : id;
}

mus::data tally_data(Lang lang, const AttendanceTally& t) {
  mus::data d;
  d.set("meetings", std::to_string(t.meetings));
  d.set("present", std::to_string(t.present));
  d.set("substituted", std::to_string(t.substituted));
  d.set("by_proxy", std::to_string(t.by_proxy));
  d.set("excused", std::to_string(t.excused));
  d.set("absent", std::to_string(t.absent));
  d.set("rate", percent(lang, t.rate()));
  return d;
}

// The bodies with séances held in the year, in the manifest's order, and those séances.
std::vector<std::pair<const Body*, std::vector<const YearMeeting*>>> by_body(const Project& p, const YearReview& y) {
  std::vector<std::pair<const Body*, std::vector<const YearMeeting*>>> out;
  for (const Body& b : p.manifest.bodies) {
    std::vector<const YearMeeting*> ms;
    for (const YearMeeting& ym : y.meetings) {
      if (ym.body == &b) ms.push_back(&ym);
    }
    if (!ms.empty()) out.emplace_back(&b, std::move(ms));
  }
  return out;
}

std::string decision_name(const Project& p, const Decision& d) {
  const std::string label = decision_label(p);
  if (!d.number || d.number->empty()) return label;
  return label + (p.lang() == Lang::fr ? " n°\u00A0" : " no. ") + *d.number;
}

mus::data context(const Project& p, const Rollup& r, const YearReview& y, DocFormat format) {
  const Lang lang = p.lang();
  mus::data c;
  c.set("lang", std::string(lang == Lang::fr ? "fr" : "en"));
  mus::data t;
  for (const Label& l : kLabels) t.set(std::string(l.key), std::string(lang == Lang::fr ? l.fr : l.en));
  t.set("colon", std::string(lang == Lang::fr ? "\u00A0:" : ":"));
  c.set("t", t);
  c.set("year", std::to_string(y.year));
  c.set("as_of", format_date(lang, r.as_of));
  mus::data proj;
  proj.set("title", p.manifest.title.value_or(""));
  proj.set("territory", p.manifest.territory ? mus::data(*p.manifest.territory) : mus::data(false));
  const auto& org = p.manifest.organisation;
  proj.set("organisation", org && org->name && *org->name != p.manifest.title.value_or("") ? mus::data(*org->name)
                                                                                              : mus::data(false));
  c.set("project", proj);

  mus::data bodies = list();
  for (const auto& [body, meetings] : by_body(p, y)) {
    mus::data b;
    b.set("id", body->id);
    b.set("title", body->title.value_or(body->id));
    mus::data ms = list();
    std::vector<const Meeting*> held;
    for (const YearMeeting* ym : meetings) {
      held.push_back(ym->meeting);
      const MeetingCount& n = ym->count;
      mus::data m;
      m.set("date", format_date(lang, *ym->meeting->date));
      m.set("title", meeting_title(p, *ym->meeting));
      m.set("members", std::to_string(n.total));
      m.set("present", std::to_string(n.present));
      m.set("substituted", std::to_string(n.substituted));
      m.set("by_proxy", std::to_string(n.by_proxy));
      m.set("represented", std::to_string(n.present_or_represented()));
      m.set("quorum", quorum_text(lang, n));
      m.set("quorum_failed", !n.quorum_reached());
      ms.push_back(m);
    }
    b.set("meetings", ms);
    const std::vector<MemberTally> tallies = tally_attendance(p, *body, held);
    const std::vector<CollegeTally> colleges = tally_by_college(p, *body, tallies);
    mus::data cs = list();
    for (const CollegeTally& ct : colleges) {
      mus::data g;
      g.set("title", ct.college ? mus::data(ct.college->title.value_or(ct.college->id)) : mus::data(false));
      mus::data rows = list();
      for (const MemberTally& mt : ct.members) {
        mus::data row = tally_data(lang, mt.tally);
        row.set("name", person(p, mt.id));
        rows.push_back(row);
      }
      g.set("members", rows);
      g.set("total", tally_data(lang, ct.total));
      cs.push_back(g);
    }
    b.set("colleges", cs);
    b.set("has_colleges", !body->colleges.empty());
    b.set("has_members", !tallies.empty());
    bodies.push_back(b);
  }
  c.set("bodies", bodies);
  c.set("has_meetings", !y.meetings.empty());

  mus::data decisions = list();
  mus::data done = list(), open = list();
  for (const YearMeeting& ym : y.meetings) {
    for (const YearDecision& yd : ym.decisions) {
      mus::data d;
      d.set("label", decision_name(p, *yd.decision));
      d.set("date", format_date(lang, *ym.meeting->date));
      d.set("meeting", meeting_title(p, *ym.meeting));
      d.set("item", yd.item->title.value_or(""));
      const std::string text = yd.decision->text.value_or("");
      // The text is Markdown (SPEC §1.5): rendered, raw HTML never passes.
      d.set("text", format == DocFormat::html ? markdown_to_html(text, 3) : markdown_to_markdown(text, 2));
      d.set("outcome", yd.result.outcome ? mus::data(vote_sentence(lang, *yd.result.outcome, yd.decision->vote,
                                                                   yd.result.unanimous, yd.result.casting_vote))
                                         : mus::data(false));
      decisions.push_back(d);
    }
    for (const AgendaItem& item : ym.meeting->agenda) {
      for (const Followup& f : item.followups) {
        mus::data fd;
        fd.set("task", f.task.value_or(""));
        fd.set("who", f.owner ? mus::data(person(p, f.owner->id)) : mus::data(false));
        fd.set("due", f.due ? mus::data(format_date(lang, *f.due)) : mus::data(false));
        fd.set("date", format_date(lang, *ym.meeting->date));
        if (f.done && *f.done <= r.as_of) {
          fd.set("done", format_date(lang, *f.done));
          done.push_back(fd);
        } else {
          fd.set("late", f.due && *f.due < r.as_of);
          open.push_back(fd);
        }
      }
    }
  }
  c.set("decisions", decisions);
  c.set("has_decisions", !decisions.is_empty_list());
  c.set("followups_done", done);
  c.set("has_done", !done.is_empty_list());
  c.set("followups_open", open);
  c.set("has_open", !open.is_empty_list());
  c.set("has_followups", !done.is_empty_list() || !open.is_empty_list());

  // The action plan, when the CTS keeps one.
  c.set("has_actions", !p.actions.empty());
  if (!p.actions.empty()) {
    mus::data plan;
    plan.set("progress", percent(lang, r.progress));
    plan.set("actions", std::to_string(r.actions.size()));
    plan.set("late", std::to_string(r.late.size()));
    mus::data axes = list();
    for (std::size_t a = 0; a < r.axes.size(); ++a) {
      mus::data ax;
      ax.set("number", std::to_string(a + 1));
      ax.set("title", r.axes[a].axis->title.value_or(r.axes[a].axis->id));
      ax.set("progress", percent(lang, r.axes[a].progress));
      axes.push_back(ax);
    }
    plan.set("axes", axes);
    c.set("plan", plan);
  }
  return c;
}

std::string render(const Project& p, const Rollup& r, const YearReview& y, DocFormat format) {
  const std::string name = std::string("report-cts.") + std::string(format_suffix(format)) + ".mustache";
  return render_template(find_template(name, p.root), context(p, r, y, format));
}

}  // namespace

std::string markdown_inline_html(std::string_view markdown) {
  std::string html = markdown_to_html(markdown, 3);
  while (!html.empty() && (html.back() == '\n' || html.back() == ' ')) html.pop_back();
  // One paragraph: its content. More blocks stay blocks.
  if (html.rfind("<p>", 0) == 0 && html.size() >= 7 && html.compare(html.size() - 4, 4, "</p>") == 0 &&
      html.find("<p>", 3) == std::string::npos) {
    return html.substr(3, html.size() - 7);
  }
  return html;
}

std::string markdown_inline_md(std::string_view markdown) {
  std::string md = markdown_to_markdown(markdown, 2);
  while (!md.empty() && (md.back() == '\n' || md.back() == ' ')) md.pop_back();
  // The first line follows "- ": no indent there.
  if (md.rfind("  ", 0) == 0) md.erase(0, 2);
  return md;
}

bool cts_bilan(const Project& project) { return project.kind() == ProjectKind::cts; }

std::string report_cts_markdown(const Project& project, const Rollup& rollup, const YearReview& year) {
  // The sections the year leaves empty leave their blank lines: one is enough.
  std::string md = render(project, rollup, year, DocFormat::markdown);
  for (std::size_t at = md.find("\n\n\n"); at != std::string::npos; at = md.find("\n\n\n", at)) md.erase(at, 1);
  return md;
}

std::string report_cts_html(const Project& project, const Rollup& rollup, const YearReview& year) {
  return render(project, rollup, year, DocFormat::html);
}

void report_cts_json(JsonWriter& w, const Project& p, const YearReview& y) {
  auto tally = [&](const AttendanceTally& t) {
    w.key("meetings").value(t.meetings).key("present").value(t.present).key("substituted").value(t.substituted);
    w.key("by_proxy").value(t.by_proxy).key("excused").value(t.excused).key("absent").value(t.absent);
    if (auto rate = t.rate()) w.key("rate").value(*rate); else w.key("rate").null();
    if (auto rate = t.presence_rate()) w.key("presence_rate").value(*rate); else w.key("presence_rate").null();
  };
  w.begin_object();
  w.key("bodies").begin_array();
  for (const auto& [body, meetings] : by_body(p, y)) {
    w.begin_object();
    w.key("id").value(body->id);
    w.key("title").value(body->title.value_or(body->id));
    w.key("meetings").begin_array();
    std::vector<const Meeting*> held;
    for (const YearMeeting* ym : meetings) {
      held.push_back(ym->meeting);
      const MeetingCount& n = ym->count;
      w.begin_object();
      w.key("id").value(ym->meeting->id).key("date").value(ym->meeting->date->iso());
      w.key("members").value(n.total).key("present").value(n.present).key("substituted").value(n.substituted);
      w.key("by_proxy").value(n.by_proxy).key("excused").value(n.excused).key("absent").value(n.absent);
      w.key("present_or_represented").value(n.present_or_represented());
      if (n.quorum_needed) w.key("quorum_needed").value(*n.quorum_needed); else w.key("quorum_needed").null();
      w.key("quorum_reached").value(n.quorum_reached()).key("second_call").value(n.second_call);
      w.end_object();
    }
    w.end_array();
    w.key("attendance").begin_array();
    for (const CollegeTally& ct : tally_by_college(p, *body, tally_attendance(p, *body, held))) {
      w.begin_object();
      if (ct.college) w.key("college").value(ct.college->id); else w.key("college").null();
      w.key("members").begin_array();
      for (const MemberTally& mt : ct.members) {
        w.begin_object();
        w.key("id").value(mt.id).key("name").value(person(p, mt.id));
        tally(mt.tally);
        w.end_object();
      }
      w.end_array();
      w.key("total").begin_object();
      tally(ct.total);
      w.end_object();
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("decisions").begin_array();
  for (const YearMeeting& ym : y.meetings) {
    for (const YearDecision& yd : ym.decisions) {
      w.begin_object();
      w.key("meeting").value(ym.meeting->id).key("date").value(ym.meeting->date->iso());
      if (yd.decision->number) w.key("number").value(*yd.decision->number); else w.key("number").null();
      w.key("label").value(decision_name(p, *yd.decision));
      w.key("item").value(yd.item->title.value_or(""));
      w.key("text").value(yd.decision->text.value_or(""));
      if (const auto& v = yd.decision->vote) {
        w.key("vote").begin_object();
        w.key("for").value(v->for_).key("against").value(v->against).key("abstain").value(v->abstain);
        w.end_object();
      } else {
        w.key("vote").null();
      }
      if (yd.result.outcome) w.key("outcome").value(to_string(*yd.result.outcome)); else w.key("outcome").null();
      w.key("unanimous").value(yd.result.unanimous);
      w.end_object();
    }
  }
  w.end_array();
  w.key("followups").begin_array();
  for (const YearMeeting& ym : y.meetings) {
    for (const AgendaItem& item : ym.meeting->agenda) {
      for (const Followup& f : item.followups) {
        w.begin_object();
        w.key("meeting").value(ym.meeting->id);
        w.key("task").value(f.task.value_or(""));
        if (f.owner) w.key("owner").value(f.owner->id); else w.key("owner").null();
        if (f.due) w.key("due").value(f.due->iso()); else w.key("due").null();
        if (f.done) w.key("done").value(f.done->iso()); else w.key("done").null();
        w.end_object();
      }
    }
  }
  w.end_array();
  w.end_object();
}

}  // namespace cls
