// SPDX-License-Identifier: EUPL-1.2
#include "cls/agenda.h"

#include <doctest/doctest.h>

#include "test_project.h"

using namespace cls;

TEST_CASE("the ordre du jour: start times and linked actions as of the meeting date") {
  auto l = cls::testing::load(
      {{"cls.yaml", cls::testing::manifest()},
       {"actors/all.yaml", cls::testing::actors()},
       {"actions/a.yaml",
        "- id: A1\n  title: Action en retard\n  objective: ob\n  status: in-progress\n  due: 2026-06-30\n"
        "  indicators:\n    - id: i\n      label: I\n      target: 10\n      values:\n"
        "        - {date: 2026-05-01, value: 4}\n        - {date: 2027-01-01, value: 9}\n"
        "- {id: A2, title: Action sans mesure, objective: ob, status: planned, due: 2027-12-31}\n"},
       {"meetings/m.yaml",
        "id: m\nbody: copil\ndate: 2026-12-03\nstart: '14:00'\nend: '16:00'\nonline: 'javascript:alert(1)'\n"
        "agenda:\n  - {title: Ouverture, kind: decision, presenter: a, duration: 10}\n"
        "  - {title: Bilan, duration: 35, actions: [A1, A2], notes: 'Voir <b>ici</b>'}\n"
        "  - {title: Questions diverses}\n"}},
      "2026-11-25");
  REQUIRE(l.diags.errors() == 0);
  const Meeting& m = l.project.meetings[0];
  const std::string md = render_agenda(l.project, m, DocFormat::markdown);
  CHECK(md.find("1. **14\u00A0h\u00A000 – Ouverture**") != std::string::npos);
  CHECK(md.find("2. **14\u00A0h\u00A010 – Bilan**") != std::string::npos);
  CHECK(md.find("3. **14\u00A0h\u00A045 – Questions diverses**") != std::string::npos);
  CHECK(md.find("Pour décision · présenté par A · 10\u00A0min") != std::string::npos);
  // Progress as of the meeting date: the 2027 reading does not count yet.
  CHECK(md.find("| A1 – Action en retard | en cours, **en retard** | 40\u00A0% | 30\u00A0juin 2026 |") != std::string::npos);
  CHECK(md.find("| A2 – Action sans mesure | prévue | non renseigné | 31\u00A0décembre 2027 |") != std::string::npos);
  CHECK(md.find("<b>") == std::string::npos);

  const std::string html = render_agenda(l.project, m, DocFormat::html);
  CHECK(html.find("<b>ici") == std::string::npos);
  CHECK(html.find("href=\"javascript:") == std::string::npos);  // not a web link: shown as text
  CHECK(html.find("javascript:alert(1)") != std::string::npos);
  CHECK(html.find("@page") != std::string::npos);
}

TEST_CASE("durations of an hour or more read in hours") {
  for (const std::string lang : {"fr", "en"}) {
    auto l = cls::testing::load(
        {{"cls.yaml", "id: t\ntitle: T\nlang: " + lang + "\nbodies:\n  - {id: b, title: Bureau, members: []}\n"},
         {"meetings/m.yaml",
          "id: m\nbody: b\ndate: 2026-12-03\nstart: '09:05'\nagenda:\n"
          "  - {title: Long, duration: 90}\n  - {title: Deux heures, duration: 120}\n"
          "  - {title: Court, duration: 5}\n  - {title: Fin}\n"}});
    REQUIRE(l.diags.errors() == 0);
    const std::string md = render_agenda(l.project, l.project.meetings[0], DocFormat::markdown);
    CAPTURE(md);
    if (lang == "fr") {
      CHECK(md.find("Pour information · 1\u00A0h\u00A030\n") != std::string::npos);
      CHECK(md.find("Pour information · 2\u00A0h\n") != std::string::npos);
      CHECK(md.find("Pour information · 5\u00A0min\n") != std::string::npos);
      CHECK(md.find("4. **12\u00A0h\u00A040 – Fin**") != std::string::npos);
    } else {
      CHECK(md.find("For information · 1\u00A0h\u00A030\u00A0min\n") != std::string::npos);
      CHECK(md.find("4. **12:40 – Fin**") != std::string::npos);
    }
  }
}
