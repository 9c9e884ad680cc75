// SPDX-License-Identifier: EUPL-1.2
#include "cls/attendance_sheet.h"

#include "cls/attendance.h"

namespace cls {

namespace mus = kainjow::mustache;

namespace {

mus::data text_or_false(const std::string& s) { return s.empty() ? mus::data(false) : mus::data(s); }

// The name on the sheet: "Dr Claire Thouvenin", "Mme Marie Martin", an
// organisation's name; with the organisation or the role beneath.
mus::data person(const Project& project, const Actor& a) {
  const Lang lang = project.lang();
  mus::data p;
  p.set("id", a.id);
  p.set("name", short_name(lang, a));
  std::string org = organisation_name(project, a);
  if (org.empty() && !a.is_organisation() && a.role) org = *a.role;
  p.set("organisation", text_or_false(org));
  return p;
}

}  // namespace

std::vector<SheetGroup> sheet_groups(const Project& project, const Meeting& meeting) {
  std::vector<SheetGroup> groups;
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  if (!body) return groups;
  for (const College& c : body->colleges) groups.push_back({&c, {}, false});
  SheetGroup unknown;  // no collèges, or a member outside them
  for (const Ref& r : body->members) {
    const Actor* a = project.actor(r.id);
    if (!a) continue;
    const College* c = college_of(*body, *a);
    SheetGroup* g = &unknown;
    for (SheetGroup& candidate : groups) {
      if (c && candidate.college == c) g = &candidate;
    }
    g->members.push_back(a);
    if (sitting_substitute(*body, *a) && project.actor(sitting_substitute(*body, *a)->id)) g->substitutes = true;
  }
  std::erase_if(groups, [](const SheetGroup& g) { return g.members.empty(); });
  if (!unknown.members.empty()) groups.push_back(std::move(unknown));
  return groups;
}

std::string render_attendance_sheet(const Project& project, const Meeting& meeting, DocFormat format) {
  const Lang lang = project.lang();
  auto ctx = document_context(project, meeting, format);
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  const bool proxies = body && body->max_proxies() > 0;
  ctx.set("proxies", proxies);

  const std::vector<SheetGroup> groups = sheet_groups(project, meeting);
  mus::data list{mus::data::type::list};
  int members = 0;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const SheetGroup& g = groups[i];
    mus::data group;
    group.set("title", g.college ? mus::data(g.college->title.value_or(g.college->id)) : mus::data(false));
    group.set("substitutes", g.substitutes);
    group.set("proxies", proxies);
    group.set("first", i == 0);
    mus::data rows{mus::data::type::list};
    for (const Actor* a : g.members) {
      ++members;
      mus::data row;
      row.set("titular", person(project, *a));
      const Ref* sub = sitting_substitute(*body, *a);
      const Actor* s = sub ? project.actor(sub->id) : nullptr;
      mus::data sp = s ? person(project, *s) : mus::data(false);
      // The suppléant's organisation only when it is not the titulaire's.
      if (s && organisation_name(project, *s) == organisation_name(project, *a) &&
          !organisation_name(project, *a).empty()) {
        sp.set("organisation", false);
      }
      row.set("substitute", sp);
      row.set("substitutes", g.substitutes);
      row.set("proxies", proxies);
      rows.push_back(row);
    }
    group.set("rows", rows);
    group.set("count", std::to_string(g.members.size()));
    list.push_back(group);
  }
  ctx.set("groups", list);
  ctx.set("has_members", members > 0);
  ctx.set("by_college", !groups.empty() && groups.front().college != nullptr);

  // The guests, who sign without voting; a guest who is a member is not listed twice.
  mus::data guests{mus::data::type::list};
  for (const Ref& r : meeting.guests) {
    const Actor* a = project.actor(r.id);
    if (!a) continue;
    bool member = false;
    if (body) {
      for (const Ref& m : body->members) member = member || m.id == r.id;
    }
    if (!member) guests.push_back(person(project, *a));
  }
  ctx.set("has_guests", !guests.is_empty_list());
  ctx.set("guests", guests);

  // What the count at the end checks: members, and the quorum to reach.
  const bool fr = lang == Lang::fr;
  std::string summary;
  if (members > 0) {
    summary = fr ? std::to_string(members) + (members == 1 ? " membre" : " membres") + " avec voix délibérative"
                 : std::to_string(members) + (members == 1 ? " voting member" : " voting members");
    if (body && body->quorum && !meeting.second_call.value_or(false)) {
      const int needed = quorum_needed(*body->quorum, members);
      summary += fr ? "\u202F; quorum\u00A0: " + std::to_string(needed) +
                          (needed == 1 ? " membre présent ou représenté" : " membres présents ou représentés")
                    : "; quorum: " + std::to_string(needed) + " present or represented";
    } else if (meeting.second_call.value_or(false)) {
      summary += fr ? "\u202F; seconde convocation\u00A0: aucun quorum n’est requis"
                    : "; second call: no quorum required";
    }
    summary += ".";
  }
  ctx.set("summary", text_or_false(summary));
  return render_document(project, "attendance-sheet", format, ctx);
}

}  // namespace cls
