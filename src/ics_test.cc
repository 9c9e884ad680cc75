// SPDX-License-Identifier: EUPL-1.2
#include "cls/ics.h"

#include <doctest/doctest.h>
#include <libical/ical.h>

#include <string>
#include <vector>

#include "cls/html.h"
#include "test_project.h"

using namespace cls;

namespace {

const char* kManifest =
    "id: tdl\ntitle: CLS Test\nlang: fr\n"
    "organisation: {name: 'Pays, Terres de Lorraine', email: cls@example.org}\n"
    "period: {start: 2024-01-01, end: 2027-12-31}\n"
    "axes:\n  - id: ax\n    title: Axe\n    objectives:\n      - {id: ob, title: Objectif}\n"
    "bodies:\n  - id: copil\n    title: Comité de pilotage\n    members: [a, b, c, org]\n";

const char* kActors =
    "- {id: a, name: Anne Arnould, email: a@example.org}\n"
    "- {id: b, name: 'Bernard \"Bob\" Bâtard', email: b@example.org}\n"
    "- {id: c, name: Claire Sans Courriel}\n"
    "- {id: org, kind: organisation, name: ARS, email: ars@example.org}\n"
    "- {id: g, name: Gaston Invité, email: g@example.org}\n"
    "- {id: dup, name: Même adresse, email: A@example.org}\n";

testing::Loaded project_with(const std::string& meetings) {
  auto l = testing::load(
      {{"cls.yaml", kManifest}, {"actors/all.yaml", kActors}, {"meetings/m.yaml", meetings}});
  INFO(l.messages());
  REQUIRE(!l.diags.has_errors());
  return l;
}

std::vector<std::string> lines_of(const std::string& ics) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < ics.size()) {
    const auto end = ics.find("\r\n", pos);
    REQUIRE(end != std::string::npos);  // every line ends with CRLF
    out.push_back(ics.substr(pos, end - pos));
    pos = end + 2;
  }
  return out;
}

// RFC 5545 §3.1: unfold by removing every CRLF followed by one space or tab.
std::string unfolded(const std::string& ics) {
  std::string out;
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0 || ics.compare(i, 3, "\r\n\t") == 0) {
      i += 2;
      continue;
    }
    out += ics[i];
  }
  return out;
}

bool has_line(const std::string& ics, const std::string& line) {
  return ("\r\n" + unfolded(ics)).find("\r\n" + line + "\r\n") != std::string::npos;
}

std::string render(const testing::Loaded& l) {
  std::vector<const Meeting*> ms;
  for (const auto& m : l.project.meetings) ms.push_back(&m);
  return render_ics(l.project, ms, *Date::parse("2026-11-25"));
}

// The UTC time of a parsed event's DTSTART, through libical's own reading of
// the file's VTIMEZONE.
icaltimetype utc_start(icalcomponent* cal, int index) {
  icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  for (int i = 0; i < index; ++i) ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
  REQUIRE(ev != nullptr);
  icaltimetype t = icalcomponent_get_dtstart(ev);
  return icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone());
}

}  // namespace

TEST_CASE("ics: an event per meeting, Paris times, stable UID, lines folded") {
  auto l = project_with(
      "- id: copil-2026-12\n  body: copil\n  title: 'Comité n° 8; budget, bilan'\n  date: 2026-12-10\n"
      "  start: '14:00'\n  end: '16:30'\n  place: Salle du conseil, 2 rue de la Colombe, 54170 "
      "Colombey-les-Belles, bâtiment administratif, premier étage à droite\n"
      "  online: https://visio.example.org/copil\n  guests: [g, dup]\n"
      "  agenda:\n    - {title: Approbation du compte rendu, kind: decision}\n"
      "- id: copil-2027-06\n  body: copil\n  date: 2027-06-17\n  start: '09:30'\n");
  const std::string ics = render(l);

  const auto lines = lines_of(ics);
  for (const auto& line : lines) {
    CHECK_MESSAGE(line.size() <= 75, line);
    CHECK_MESSAGE(is_valid_utf8(line), line);  // folding never splits a character
  }
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(has_line(ics, "VERSION:2.0"));
  CHECK(ics.find("METHOD:") == std::string::npos);
  CHECK(has_line(ics, "TZID:Europe/Paris"));
  CHECK(has_line(ics, "UID:copil-2026-12@tdl.cls"));
  CHECK(has_line(ics, "UID:copil-2027-06@tdl.cls"));
  CHECK(has_line(ics, "DTSTAMP:20261125T000000Z"));
  CHECK(has_line(ics, "DTSTART;TZID=Europe/Paris:20261210T140000"));
  CHECK(has_line(ics, "DTEND;TZID=Europe/Paris:20261210T163000"));
  // No end: the default two hours.
  CHECK(has_line(ics, "DTSTART;TZID=Europe/Paris:20270617T093000"));
  CHECK(has_line(ics, "DTEND;TZID=Europe/Paris:20270617T113000"));
  CHECK(has_line(ics, "SUMMARY:Comité n° 8\\; budget\\, bilan"));
  CHECK(has_line(ics, "URL:https://visio.example.org/copil"));
  CHECK(has_line(ics, "ORGANIZER;CN=\"Pays, Terres de Lorraine\":mailto:cls@example.org"));
  CHECK(has_line(ics, "ATTENDEE;CN=Anne Arnould;ROLE=REQ-PARTICIPANT:mailto:a@example.org"));
  // RFC 6868 for the quote in a parameter value.
  CHECK(has_line(ics, "ATTENDEE;CN=Bernard ^'Bob^' Bâtard;ROLE=REQ-PARTICIPANT:mailto:b@example.org"));
  CHECK(has_line(ics, "ATTENDEE;CN=ARS;ROLE=REQ-PARTICIPANT:mailto:ars@example.org"));
  CHECK(has_line(ics, "ATTENDEE;CN=Gaston Invité;ROLE=OPT-PARTICIPANT:mailto:g@example.org"));
  CHECK(ics.find("Claire") == std::string::npos);    // no address: not an attendee
  CHECK(ics.find("Même adresse") == std::string::npos);  // the same address as a member
  CHECK(unfolded(ics).find("Visioconférence\u00A0: https://visio.example.org/copil") != std::string::npos);
  CHECK(unfolded(ics).find("1. Approbation du compte rendu (pour décision)") != std::string::npos);

  // The same input gives the same bytes.
  CHECK(render(l) == ics);

  // libical reads it back, with the right instants: CET in December, CEST in June.
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  REQUIRE(cal != nullptr);
  const icaltimetype dec = utc_start(cal, 0);
  CHECK(dec.hour == 13);
  CHECK(dec.minute == 0);
  const icaltimetype jun = utc_start(cal, 1);
  CHECK(jun.hour == 7);
  CHECK(jun.minute == 30);
  icalcomponent_free(cal);
}

TEST_CASE("ics: all-day events, midnight and meetings without place") {
  auto l = project_with(
      "- {id: journee, body: copil, date: 2026-12-31, online: 'Teams, lien envoyé la veille'}\n"
      "- {id: tard, body: copil, date: 2026-12-31, start: '23:00'}\n");
  const std::string ics = render(l);
  CHECK(has_line(ics, "DTSTART;VALUE=DATE:20261231"));
  CHECK(has_line(ics, "DTEND;VALUE=DATE:20270101"));
  CHECK(has_line(ics, "DTEND;TZID=Europe/Paris:20270101T010000"));
  // A link that is not a URI stays text: in LOCATION and the description, not URL.
  CHECK(has_line(ics, "LOCATION:Teams\\, lien envoyé la veille"));
  CHECK(ics.find("URL:") == std::string::npos);
  // Only http(s) in URL: (SPEC §13), whatever else looks like a URI.
  for (const char* online : {"javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://x.org/"}) {
    CAPTURE(online);
    const std::string other =
        render(project_with(std::string("- {id: m, body: copil, date: 2026-12-31, online: '") + online + "'}\n"));
    CHECK(other.find("URL:") == std::string::npos);
  }
  CHECK(render(project_with("- {id: m, body: copil, date: 2026-12-31, online: 'HTTPS://x.org/a'}\n"))
            .find("URL:HTTPS://x.org/a") != std::string::npos);
  // Default summary from the body and the date.
  CHECK(has_line(ics, "SUMMARY:Comité de pilotage du 31\u00A0décembre 2026"));

  auto all_day = project_with("- {id: journee, body: copil, date: 2026-12-31}\n");
  const std::string only = render(all_day);
  CHECK(only.find("BEGIN:VTIMEZONE") == std::string::npos);  // nothing uses it
}

TEST_CASE("ics: the embedded Europe/Paris zone agrees with the system tzdata") {
  icalcomponent* mine = icalparser_parse_string(paris_vtimezone());
  REQUIRE(mine != nullptr);
  icaltimezone* ours = icaltimezone_new();
  REQUIRE(icaltimezone_set_component(ours, mine));
  icaltimezone* system = icaltimezone_get_builtin_timezone("Europe/Paris");
  if (!system) {
    MESSAGE("no system tzdata for Europe/Paris: comparison skipped");
  } else {
    // Every hour of two days around each change, and the 1st and 15th of
    // every month, from 2000 to 2036.
    int compared = 0;
    for (int year = 2000; year <= 2036; ++year) {
      for (int month = 1; month <= 12; ++month) {
        for (int day : {1, 15, 24, 25, 26, 27, 28, 29, 30, 31}) {
          if (day > icaltime_days_in_month(month, year)) continue;
          if (day > 15 && month != 3 && month != 10) continue;
          for (int hour = 0; hour < 24; ++hour) {
            icaltimetype t = icaltime_null_time();
            t.year = year;
            t.month = month;
            t.day = day;
            t.hour = hour;
            icaltimetype a = t, b = t;
            int dst_a = 0, dst_b = 0;
            const int off_a = icaltimezone_get_utc_offset_of_utc_time(ours, &a, &dst_a);
            const int off_b = icaltimezone_get_utc_offset_of_utc_time(system, &b, &dst_b);
            CHECK_MESSAGE(off_a == off_b, year << "-" << month << "-" << day << " " << hour << "h UTC");
            ++compared;
          }
        }
      }
    }
    CHECK(compared > 10000);
  }
  icaltimezone_free(ours, 1);
}

TEST_CASE("ics: folding never splits a character, whatever its width and place") {
  // Titles of 2-, 3- and 4-byte characters behind 0 to 3 ASCII letters, so
  // that every byte of a character falls on the 75-octet limit once.
  for (const std::string ch : {"é", "€", "𝄞"}) {
    for (int lead = 0; lead < 4; ++lead) {
      std::string title(static_cast<std::size_t>(lead), 'x');
      for (int i = 0; i < 60; ++i) title += ch;
      auto l = project_with("- id: m\n  body: copil\n  date: 2026-12-10\n  start: '14:00'\n  title: '" + title +
                            "'\n  place: '" + title + "'\n");
      const std::string ics = render(l);
      for (const auto& line : lines_of(ics)) {
        CHECK_MESSAGE(line.size() <= 75, line);
        CHECK_MESSAGE(is_valid_utf8(line), line);
      }
      // Unfolded, the text is whole again.
      CHECK(has_line(ics, "SUMMARY:" + title));
      CHECK(has_line(ics, "LOCATION:" + title));
    }
  }
}

TEST_CASE("ics: TEXT escaping of backslashes, separators and line breaks") {
  auto l = project_with(
      "- id: m\n  body: copil\n  date: 2026-12-10\n  start: '14:00'\n"
      "  title: 'Budget; bilan, suite \\ fin'\n"
      "  place: |\n    Salle du conseil\n    2 rue de la Colombe\n"
      "  agenda:\n    - {title: \"Point\\tavec tabulation\"}\n");
  const std::string ics = render(l);
  CHECK(has_line(ics, "SUMMARY:Budget\\; bilan\\, suite \\\\ fin"));
  CHECK(has_line(ics, "LOCATION:Salle du conseil\\n2 rue de la Colombe"));
  CHECK(unfolded(ics).find("1. Point\tavec tabulation (pour information)") != std::string::npos);  // TEXT allows HTAB
  // libical parses it back to the same text.
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  REQUIRE(cal != nullptr);
  icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  REQUIRE(ev != nullptr);
  CHECK(std::string(icalcomponent_get_summary(ev)) == "Budget; bilan, suite \\ fin");
  CHECK(std::string(icalcomponent_get_location(ev)) == "Salle du conseil\n2 rue de la Colombe");
  icalcomponent_free(cal);
}

TEST_CASE("ics: the organiser is the organisation, else the signatory, else none") {
  const std::string meeting =
      "- {id: m, body: copil, date: 2026-12-10, start: '14:00', convocation: {signatory: a}}\n";
  auto with_manifest = [&](const std::string& organisation) {
    const std::string m =
        "id: tdl\ntitle: CLS Test\n" + organisation +
        "period: {start: 2024-01-01, end: 2027-12-31}\n"
        "axes:\n  - id: ax\n    title: Axe\n    objectives:\n      - {id: ob, title: Objectif}\n"
        "bodies:\n  - {id: copil, title: Comité, members: [a, c], chair: c}\n";
    auto l = testing::load({{"cls.yaml", m}, {"actors/all.yaml", kActors}, {"meetings/m.yaml", meeting}});
    INFO(l.messages());
    REQUIRE(!l.diags.has_errors());
    return render(l);
  };
  CHECK(has_line(with_manifest("organisation: {name: Pays, email: pays@example.org}\n"),
                 "ORGANIZER;CN=Pays:mailto:pays@example.org"));
  // No address for the organisation: the signatory (here given explicitly).
  CHECK(has_line(with_manifest("organisation: {name: Pays}\n"),
                 "ORGANIZER;CN=Anne Arnould:mailto:a@example.org"));
  CHECK(has_line(with_manifest(""), "ORGANIZER;CN=Anne Arnould:mailto:a@example.org"));

  // The chair signs by default; this one has no address: no ORGANIZER at all.
  auto l = testing::load({{"cls.yaml", "id: tdl\ntitle: T\nbodies:\n  - {id: copil, title: C, members: [a, c], chair: c}\n"},
                          {"actors/all.yaml", kActors},
                          {"meetings/m.yaml", "- {id: m, body: copil, date: 2026-12-10}\n"}});
  INFO(l.messages());
  REQUIRE(!l.diags.has_errors());
  const std::string none = render(l);
  CHECK(none.find("ORGANIZER") == std::string::npos);
  CHECK(has_line(none, "ATTENDEE;CN=Anne Arnould;ROLE=REQ-PARTICIPANT:mailto:a@example.org"));
}
