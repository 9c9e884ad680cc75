// SPDX-License-Identifier: EUPL-1.2
#include "cls/attendance_sheet.h"

#include <doctest/doctest.h>

#include "cls/convocation.h"
#include "cls/proxy_form.h"
#include "test_project.h"

using namespace cls;

namespace {

// A CTS plénière of two collèges (the second without substitutes) and a
// member outside them; or, with `colleges` false, a body without collèges.
cls::testing::Loaded project(bool colleges, const std::string& body_extra = "") {
  std::string manifest =
      "id: t\ntitle: Conseil territorial de santé du Toulois\nkind: cts\nlang: fr\n"
      "organisation: {name: CTS du Toulois, city: Toul, address: '1 rue A, 54200 Toul', email: cts@example.org}\n"
      "bodies:\n  - id: pleniere\n    title: Assemblée plénière du conseil territorial de santé\n"
      "    members: [a, b, c, d]\n    chair: b\n    quorum: 1/2\n    proxies: 2\n" + body_extra;
  if (colleges) {
    manifest += "    colleges:\n      - {id: c1, title: Collège des usagers}\n"
                "      - {id: pq, title: Personnalités qualifiées, substitutes: false}\n";
  }
  const std::string actors =
      "- {id: a, name: Anne A, civility: Mme, substitute: sa, college: c1}\n"
      "- {id: b, name: Bruno B, civility: M., college: pq}\n"
      "- {id: c, name: Chris C, college: c1}\n"
      "- {id: d, name: Dora D, civility: Mme, substitute: sd, college: pq}\n"
      "- {id: sa, name: Sophie S, civility: Mme}\n- {id: sd, name: Serge S, civility: M.}\n"
      "- {id: g, name: Gilles G, civility: M.}\n";
  const std::string meeting = "id: m\nbody: pleniere\ntitle: Séance plénière\ndate: 2026-12-10\n"
                              "start: '14:00'\nend: '16:30'\nguests: [g, a]\n";
  return cls::testing::load({{"cls.yaml", manifest}, {"actors/all.yaml", actors}, {"meetings/m.yaml", meeting}});
}

}  // namespace

TEST_CASE("the sheet's tables: one per collège, the suppléant column where substitutes sit") {
  const auto l = project(true);
  const auto groups = sheet_groups(l.project, l.project.meetings[0]);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].college->id == "c1");
  REQUIRE(groups[0].members.size() == 2);
  CHECK(groups[0].members[0]->id == "a");
  CHECK(groups[0].members[1]->id == "c");
  CHECK(groups[0].substitutes);
  // Personnalités qualifiées: substitutes: false, even for d, who has one.
  CHECK(groups[1].college->id == "pq");
  CHECK(groups[1].members.size() == 2);
  CHECK_FALSE(groups[1].substitutes);
}

TEST_CASE("the sheet of a body without collèges: one table, no suppléant column when substitutes do not sit") {
  const auto l = project(false);
  const auto groups = sheet_groups(l.project, l.project.meetings[0]);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].college == nullptr);
  CHECK(groups[0].members.size() == 4);
  CHECK(groups[0].substitutes);
  const auto bureau = project(false, "    substitutes: false\n");
  CHECK_FALSE(sheet_groups(bureau.project, bureau.project.meetings[0])[0].substitutes);
}

TEST_CASE("the sheet rendered: columns, rows, guests once, the quorum to reach") {
  const auto l = project(true);
  REQUIRE(l.diags.errors() == 0);
  const std::string md = render_attendance_sheet(l.project, l.project.meetings[0], DocFormat::markdown);
  CHECK(md.find("# Feuille d’émargement") != std::string::npos);
  CHECK(md.find("## Collège des usagers") != std::string::npos);
  CHECK(md.find("| Titulaire | Suppléant(e) | Signature | Pouvoir donné à |") != std::string::npos);
  CHECK(md.find("| **Mme\u00A0Anne A** | Mme\u00A0Sophie S | | |") != std::string::npos);
  CHECK(md.find("| Titulaire | Signature | Pouvoir donné à |") != std::string::npos);
  CHECK(md.find("| **M.\u00A0Bruno B** | | |") != std::string::npos);
  // Guests: g, not a, who is a member.
  CHECK(md.find("| **M.\u00A0Gilles G** |") != std::string::npos);
  CHECK(md.find("| **Mme\u00A0Anne A** |  |") == std::string::npos);
  CHECK(md.find("4 membres avec voix délibérative\u202F; quorum\u00A0: 2 membres présents ou représentés.") !=
        std::string::npos);
  const std::string html = render_attendance_sheet(l.project, l.project.meetings[0], DocFormat::html);
  CHECK(html.find("<thead><tr><th class=\"who\">Titulaire</th><th class=\"sub\">Suppléant(e)</th>") != std::string::npos);
}

TEST_CASE("the pouvoir: the member's name and collège, the limit, the R133-9 rule, the return") {
  const auto l = project(true);
  const Meeting& m = l.project.meetings[0];
  const ProxyFormText a = proxy_form_text(l.project, m, *l.project.actor("a"));
  CHECK(a.statement ==
        "Je soussignée Mme\u00A0Anne A, membre titulaire de l’assemblée plénière du conseil territorial de santé du "
        "Toulois au titre du collège des usagers, donne pouvoir à ……………………………………………, membre de "
        "l’assemblée plénière du conseil territorial de santé, pour me représenter et prendre part aux votes en mon "
        "nom lors de la séance du jeudi 10\u00A0décembre 2026 à 14\u00A0h\u00A000.");
  CHECK(a.limit == "Nul ne peut détenir plus de 2 pouvoirs.");
  CHECK(a.substitute ==
        "Un membre dont le suppléant siège ne peut pas donner pouvoir (article R133-9 du code des relations entre le "
        "public et l’administration)\u00A0: ce pouvoir ne vaut que si Mme\u00A0Sophie S, suppléante, ne siège pas.");
  CHECK(a.return_to ==
        "Pouvoir à retourner au plus tard le mercredi 9\u00A0décembre 2026 au secrétariat\u00A0: 1 rue A, 54200 Toul, "
        "ou par courriel à cts@example.org. Il peut aussi être remis en début de séance par le membre qui le détient.");
  // A personnalité qualifiée: no substitute sits, "membre", the plural collège.
  const ProxyFormText b = proxy_form_text(l.project, m, *l.project.actor("b"));
  CHECK(b.statement.rfind("Je soussigné M.\u00A0Bruno B, membre de l’assemblée plénière du conseil territorial de santé du "
                          "Toulois au titre des personnalités qualifiées, donne pouvoir à ",
                          0) == 0);
  CHECK(b.substitute.empty());
  const ProxyFormText d = proxy_form_text(l.project, m, *l.project.actor("d"));
  CHECK(d.substitute.empty());  // has one, who does not sit among the personnalités qualifiées
}

TEST_CASE("convocation --proxy-form: the form after a member's letter, none after a guest's or a copy") {
  const auto l = project(true);
  const Meeting& m = l.project.meetings[0];
  const Date when = *Date::from_ymd(2026, 11, 20);
  const std::string md =
      render_letters(l.project, m, {{"c", ""}, {"g", ""}, {"sa", "a"}}, DocFormat::markdown, when, true);
  CHECK(md.find("Je soussigné(e) Chris C, membre titulaire") != std::string::npos);
  std::size_t forms = 0;
  for (std::size_t at = md.find("# Pouvoir"); at != std::string::npos; at = md.find("# Pouvoir", at + 1)) ++forms;
  CHECK(forms == 1);
  const std::string html = render_letters(l.project, m, {{"c", ""}, {"g", ""}}, DocFormat::html, when, true);
  // The form follows the letter, outside the element the PDF is cut at.
  const std::size_t letter = html.find("data-cls-letter=\"c\""), form = html.find("data-cls-form=\"c\"");
  const std::size_t next = html.find("data-cls-letter=\"g\"");
  CHECK(letter < form);
  CHECK(form < next);
  CHECK(html.find(".page.proxy-form") != std::string::npos);  // its style sheet comes with it
  // Without the option, neither form nor style sheet.
  const std::string plain = render_letters(l.project, m, {{"c", ""}}, DocFormat::html, when);
  CHECK(plain.find("data-cls-form") == std::string::npos);
  CHECK(plain.find(".page.proxy-form") == std::string::npos);
}
