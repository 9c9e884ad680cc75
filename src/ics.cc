// SPDX-License-Identifier: EUPL-1.2
#include "cls/ics.h"

#include <libical/ical.h>

#include <cstdlib>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include "cls/convocation.h"
#include "cls/documents.h"
#include "cls/html.h"
#include "cls/text.h"
#include "cls/timezone.h"

namespace cls {

// The zones and their VTIMEZONEs: timezone.cc.
const char* paris_vtimezone() { return vtimezone(kDefaultTimezone); }

std::string ics_uid(const Project& project, const Meeting& meeting) {
  return meeting.id + "@" + project.manifest.id.value_or("cls") + ".cls";
}

namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

// Text as iCalendar TEXT takes it: valid UTF-8, line ends as \n (libical
// escapes them), and no other control character than the tab, which RFC 5545
// does not allow in a value.
std::string clean_text(std::string_view text) {
  std::string out;
  for (const char c : sanitize_utf8(text)) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\t' || u >= 0x20) {
      if (u != 0x7F) out += c;
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// Text for a parameter value (CN=…), RFC 6868: libical writes a line break
// as ^n and a double quote as ^' but leaves a caret as it is, which a reader
// would then decode ("A^nB" read back as two lines): the caret is doubled
// here, before libical adds its own.
std::string param_text(std::string_view text) {
  std::string out;
  for (const char c : clean_text(text)) {
    out += c;
    if (c == '^') out += '^';
  }
  return out;
}

// A cal-address is a URI: an address with a space or a quote in it would
// break the line for every client, so such a value is left out rather than
// written (the letter still goes out; only the calendar entry lacks it).
bool plausible_email(std::string_view s) {
  const auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == s.size()) return false;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == ',' || c == ';' || c == ':' ||
        c == '\\')
      return false;
  }
  return true;
}

// The `online` field is free text; only a real URI goes into the URL property
// (the text itself always goes into the description).
bool plausible_uri(std::string_view s) {
  const auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '+' || c == '-' || c == '.';
    if (!ok) return false;
  }
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F || c == '"' || c == '<' || c == '>') return false;
  }
  // Only a web address (SPEC §13): a calendar client opens URL: when clicked,
  // and javascript:, data: or file: from a file must never be offered.
  std::string scheme(s.substr(0, colon));
  for (char& c : scheme) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (scheme != "http" && scheme != "https") return false;
  return colon + 1 < s.size();
}

icaltimetype date_value(Date d) {
  icaltimetype t = icaltime_null_date();
  t.year = d.year();
  t.month = d.month();
  t.day = d.day();
  return t;
}

// A wall-clock time `minutes` after midnight of `d` (past midnight rolls over
// to the next days).
icaltimetype local_time(Date d, int minutes) {
  const Date day = d.plus_days(minutes / (24 * 60));
  minutes %= 24 * 60;
  icaltimetype t = icaltime_null_time();
  t.year = day.year();
  t.month = day.month();
  t.day = day.day();
  t.hour = minutes / 60;
  t.minute = minutes % 60;
  return t;
}

icalproperty* with_param(icalproperty* p, icalparameter* param) {
  icalproperty_add_parameter(p, param);
  return p;
}

// A wall-clock time of the project's zone (cls.yaml `timezone:`).
std::string tzid_of(const Project& project) {
  return project.manifest.timezone.value_or(std::string(kDefaultTimezone));
}
icalproperty* zoned_time(icalproperty* p, const std::string& tzid) {
  return with_param(p, icalparameter_new_tzid(tzid.c_str()));
}

// French puts a no-break space before the colon, as the documents do (text.h).
std::string_view online_label(Lang lang) { return lang == Lang::fr ? "Visioconférence\u00A0: " : "Online: "; }
std::string_view agenda_label(Lang lang) { return lang == Lang::fr ? "Ordre du jour\u00A0:" : "Agenda:"; }

// What an agenda entry shows under the title: the body, the link to join and
// the items of the ordre du jour. Plain text: calendar clients show it as is.
std::string description_of(const Project& project, const Meeting& meeting) {
  const Lang lang = project.lang();
  std::string out;
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  if (body && body->title) out += *body->title + "\n";
  if (project.manifest.title) out += *project.manifest.title + "\n";
  if (meeting.online) out += "\n" + std::string(online_label(lang)) + *meeting.online + "\n";
  if (!meeting.agenda.empty()) {
    out += "\n" + std::string(agenda_label(lang)) + "\n";
    int n = 0;
    for (const auto& item : meeting.agenda) {
      out += std::to_string(++n) + ". " + item.title.value_or("");
      out += " (" + std::string(tr(lang, item.kind.value_or(ItemKind::information))) + ")\n";
    }
  }
  return clean_text(out);
}

// The convened with an address: members first (they are required), then
// guests; each address once, under its first role.
// With `only`, that one actor alone (an invitation sent by e-mail): as a
// member or a guest when they are one, else (a substitute's copy) as an
// optional participant.
void add_attendees(const Project& project, const Meeting& meeting, icalcomponent* event,
                   const Actor* only = nullptr) {
  std::set<std::string> seen_ids, seen_addresses;
  auto add = [&](const Ref& ref, icalparameter_role role) {
    if (only && ref.id != only->id) return;
    if (!seen_ids.insert(ref.id).second) return;
    const Actor* a = project.actor(ref.id);
    if (!a || !a->email || !plausible_email(*a->email)) return;
    std::string lowered;
    for (char c : *a->email) lowered += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (!seen_addresses.insert(lowered).second) return;
    icalproperty* p = icalproperty_new_attendee(("mailto:" + *a->email).c_str());
    icalproperty_add_parameter(p, icalparameter_new_cn(param_text(a->name.value_or(a->id)).c_str()));
    icalproperty_add_parameter(p, icalparameter_new_role(role));
    icalcomponent_add_property(event, p);
  };
  if (meeting.body) {
    if (const Body* body = project.body(meeting.body->id)) {
      for (const auto& m : body->members) add(m, ICAL_ROLE_REQPARTICIPANT);
    }
  }
  for (const auto& g : meeting.guests) add(g, ICAL_ROLE_OPTPARTICIPANT);
  if (only) add(Ref{only->id, only->loc}, ICAL_ROLE_OPTPARTICIPANT);
}

// The organiser: the organisation that issues the convocations (the
// letterhead), else the person who signs them; an ORGANIZER is a cal-address,
// so only one with a usable e-mail address counts. With neither, the event
// has no ORGANIZER: RFC 5545 asks for one in a group-scheduled event, but a
// made-up address would be worse (clients would write to it).
void add_organizer(const Project& project, const Meeting& meeting, icalcomponent* event,
                   const Invitation* invitation = nullptr) {
  std::string name, email;
  if (invitation) {
    name = invitation->organizer_name;
    email = invitation->organizer_email;
  } else if (const auto& org = project.manifest.organisation; org && org->email && plausible_email(*org->email)) {
    name = org->name.value_or("");
    email = *org->email;
  } else if (const Actor* s = signatory(project, meeting); s && s->email && plausible_email(*s->email)) {
    name = s->name.value_or(s->id);
    email = *s->email;
  } else {
    return;
  }
  icalproperty* p = icalproperty_new_organizer(("mailto:" + email).c_str());
  if (const std::string cn = param_text(name); !cn.empty()) {
    icalproperty_add_parameter(p, icalparameter_new_cn(cn.c_str()));
  }
  icalcomponent_add_property(event, p);
}

icalcomponent* event_of(const Project& project, const Meeting& meeting, const icaltimetype& stamp,
                        bool& timed, const Invitation* invitation = nullptr) {
  icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(ev, icalproperty_new_uid(ics_uid(project, meeting).c_str()));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
  const Date date = meeting.date.value_or(Date{});
  if (meeting.start) {
    timed = true;
    const int start = meeting.start->minutes;
    int end = meeting.end ? meeting.end->minutes : start + kDefaultMeetingMinutes;
    if (end <= start) end = start + kDefaultMeetingMinutes;  // `cls check` reports it (date/order)
    const std::string tzid = tzid_of(project);
    icalcomponent_add_property(ev, zoned_time(icalproperty_new_dtstart(local_time(date, start)), tzid));
    icalcomponent_add_property(ev, zoned_time(icalproperty_new_dtend(local_time(date, end)), tzid));
  } else {
    // RFC 5545 §3.6.1: an all-day event ends (exclusively) on the next day.
    icalcomponent_add_property(ev, icalproperty_new_dtstart(date_value(date)));
    icalcomponent_add_property(ev, icalproperty_new_dtend(date_value(date.plus_days(1))));
  }
  icalcomponent_add_property(ev, icalproperty_new_summary(clean_text(meeting_title(project, meeting)).c_str()));
  if (meeting.place) {
    icalcomponent_add_property(ev, icalproperty_new_location(clean_text(*meeting.place).c_str()));
  } else if (meeting.online) {
    icalcomponent_add_property(ev, icalproperty_new_location(clean_text(*meeting.online).c_str()));
  }
  if (meeting.online && plausible_uri(*meeting.online)) {
    icalcomponent_add_property(ev, icalproperty_new_url(meeting.online->c_str()));
  }
  const std::string description = description_of(project, meeting);
  if (!description.empty()) {
    icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
  }
  add_organizer(project, meeting, ev, invitation);
  add_attendees(project, meeting, ev, invitation ? invitation->attendee : nullptr);
  return ev;
}

}  // namespace

namespace {

std::string render_calendar(const Project& project, const std::vector<const Meeting*>& meetings, Date stamp,
                            const Invitation* invitation) {
  Component cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  const std::string prodid =
      std::string("-//cls//cls//") + (project.lang() == Lang::fr ? "FR" : "EN");
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid(prodid.c_str()));
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  if (invitation) icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_REQUEST));

  icaltimetype stamp_time = icaltime_null_time();
  stamp_time.year = stamp.year();
  stamp_time.month = stamp.month();
  stamp_time.day = stamp.day();
  stamp_time.zone = icaltimezone_get_utc_timezone();

  std::vector<icalcomponent*> events;
  bool timed = false;
  for (const Meeting* m : meetings) {
    if (m) events.push_back(event_of(project, *m, stamp_time, timed, invitation));
  }
  // The time zone goes before the events that use it (RFC 5545 does not
  // require it, but some clients read the file in one pass).
  if (timed) {
    // The loader admits only the zones timezone.cc writes out.
    const std::string tzid = tzid_of(project);
    const char* zone = vtimezone(tzid);
    icalcomponent* tz = zone ? icalcomponent_new_from_string(zone) : nullptr;
    if (!tz) throw std::runtime_error("libical cannot parse the time zone " + tzid);
    icalcomponent_add_component(cal.get(), tz);
  }
  for (icalcomponent* ev : events) icalcomponent_add_component(cal.get(), ev);

  char* text = icalcomponent_as_ical_string_r(cal.get());
  if (!text) throw std::runtime_error("libical cannot write the calendar");
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace

std::string render_ics(const Project& project, const std::vector<const Meeting*>& meetings, Date stamp) {
  return render_calendar(project, meetings, stamp, nullptr);
}

std::string render_invitation(const Project& project, const Meeting& meeting, const Invitation& invitation,
                              Date stamp) {
  return render_calendar(project, {&meeting}, stamp, &invitation);
}

}  // namespace cls
