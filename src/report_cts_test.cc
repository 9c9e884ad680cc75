// SPDX-License-Identifier: EUPL-1.2
#include "cls/report_cts.h"

#include <doctest/doctest.h>

#include "test_project.h"

using namespace cls;

namespace {

// A CTS of two members, one séance in 2026 with a numbered avis in Markdown,
// and, with `actions`, one action of its plan.
cls::testing::Loaded project(bool actions) {
  const std::string manifest =
      "id: t\ntitle: Conseil territorial de santé\nkind: cts\nperiod: {start: 2024-01-01, end: 2027-12-31}\n"
      "axes:\n  - id: ax\n    title: Axe un\n    objectives:\n      - {id: ob, title: Objectif}\n"
      "bodies:\n  - id: pl\n    title: Assemblée plénière\n    members: [a, b]\n    quorum: 1/2\n";
  std::vector<SourceFile> files = {
      {"cls.yaml", manifest},
      {"actors/all.yaml", "- {id: a, name: A}\n- {id: b, name: B}\n"},
      {"meetings/s.yaml",
       "id: s\nbody: pl\ndate: 2026-03-01\nagenda:\n  - title: Avis\n    kind: decision\n    decisions:\n"
       "      - {text: 'Avis **favorable** <b>x</b>', number: '2026-01', vote: {for: 1, against: 0, abstain: 0}}\n"
       "    followups:\n      - {task: Transmettre, owner: a, due: 2026-04-01, done: 2026-03-20}\n"
       "      - {task: Relancer, owner: b, due: 2026-05-01}\n"
       "attendance:\n  present: [a]\n  excused: [b]\n"}};
  if (actions) {
    files.push_back({"actions/A1.yaml", "id: A1\ntitle: Action une\nobjective: ob\nstatus: in-progress\n"
                                        "due: 2027-06-30\n"});
  }
  return cls::testing::load(files);
}

std::string bilan(const cls::testing::Loaded& l, bool html) {
  INFO(l.messages());
  REQUIRE(l.diags.errors() == 0);
  const YearReview y = compute_year_review(l.project, 2026);
  const Rollup r = compute_rollup(l.project, *Date::from_ymd(2026, 12, 31));
  return html ? report_cts_html(l.project, r, y) : report_cts_markdown(l.project, r, y);
}

}  // namespace

TEST_CASE("the CTS bilan: séances, attendance, numbered avis rendered from Markdown, follow-ups") {
  const auto l = project(false);
  const std::string md = bilan(l, false);
  CHECK(md.find("| 1er\u00A0mars 2026 | ") != std::string::npos);
  CHECK(md.find("| 2 | 1 | 0 | 0 | 1 | atteint (1 requis) |") != std::string::npos);
  CHECK(md.find("| A | 1 | 1 | 0 | 0 | 0 | 0 | 100\u00A0% |") != std::string::npos);
  CHECK(md.find("| B | 1 | 0 | 0 | 0 | 1 | 0 | 0\u00A0% |") != std::string::npos);
  CHECK(md.find("**Avis n°\u00A02026-01**") != std::string::npos);
  CHECK(md.find("Avis **favorable**") != std::string::npos);  // Markdown kept as Markdown
  CHECK(md.find("<b>") == std::string::npos);                 // raw HTML never passes
  CHECK(md.find("| Transmettre | A | 1er\u00A0avril 2026 | 20\u00A0mars 2026 |") != std::string::npos);
  CHECK(md.find("| Relancer | B | 1er\u00A0mai 2026 (**en retard**) |") != std::string::npos);
  CHECK(md.find("Plan d’action") == std::string::npos);  // no action: no plan
  const std::string html = bilan(l, true);
  CHECK(html.find("Avis <strong>favorable</strong>") != std::string::npos);
  CHECK(html.find("**") == std::string::npos);
  CHECK(html.find("<b>x</b>") == std::string::npos);
}

TEST_CASE("the CTS bilan shows the action plan when the project has actions") {
  const auto l = project(true);
  const std::string md = bilan(l, false);
  CHECK(md.find("## Plan d’action") != std::string::npos);
  CHECK(md.find("| 1. Axe un |") != std::string::npos);
}

TEST_CASE("a decision's Markdown inside a line") {
  CHECK(markdown_inline_html("Avis **favorable**.") == "Avis <strong>favorable</strong>.");
  CHECK(markdown_inline_html("<script>x</script>").find("<script>") == std::string::npos);
  CHECK(markdown_inline_md("Avis **favorable**.") == "Avis **favorable**.");
}
