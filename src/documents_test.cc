// SPDX-License-Identifier: EUPL-1.2
#include "cls/documents.h"

#include <doctest/doctest.h>

#include "test_project.h"

using namespace cls;

namespace {

Actor person(const std::string& name, std::optional<Civility> civility) {
  Actor a;
  a.id = name;  // (a literal here trips a GCC 12 -Wrestrict false positive)
  a.name.set(name);
  a.civility.set_or_reset(civility);
  return a;
}

}  // namespace

TEST_CASE("people are named with their civility, organisations by their name") {
  const Actor mme = person("Marie Martin", Civility::mme);
  const Actor m = person("Jean Durand", Civility::m);
  const Actor none = person("Camille Petit", std::nullopt);
  Actor org = person("CPTS du Toulois", Civility::mme);
  org.kind.set(ActorKind::organisation);
  CHECK(short_name(Lang::fr, mme) == "Mme\u00A0Marie Martin");
  CHECK(short_name(Lang::fr, m) == "M.\u00A0Jean Durand");
  CHECK(short_name(Lang::fr, none) == "Camille Petit");
  CHECK(short_name(Lang::fr, org) == "CPTS du Toulois");  // no civility for an organisation
  CHECK(short_name(Lang::en, mme) == "Ms Marie Martin");
  CHECK(short_name(Lang::en, m) == "Mr Jean Durand");
  CHECK(full_name(Lang::fr, mme) == "Madame Marie Martin");
  CHECK(full_name(Lang::fr, m) == "Monsieur Jean Durand");
  CHECK(full_name(Lang::fr, none) == "Camille Petit");
  CHECK(full_name(Lang::fr, org) == "CPTS du Toulois");
}

TEST_CASE("addresses are written one part a line") {
  CHECK(split_address("2 rue de la Colombe, 54170 Colombey-les-Belles") ==
        std::vector<std::string>{"2 rue de la Colombe", "54170 Colombey-les-Belles"});
  CHECK(split_address("Hôtel de ville, 13 rue de Rigny, 54200 Toul") ==
        std::vector<std::string>{"Hôtel de ville", "13 rue de Rigny", "54200 Toul"});
  // A number alone starts its street line: "1, place…" is not cut.
  CHECK(split_address("1, place de la Mairie, 54200 Toul") ==
        std::vector<std::string>{"1, place de la Mairie", "54200 Toul"});
  CHECK(split_address("") == std::vector<std::string>{});
  CHECK(split_address("Toul") == std::vector<std::string>{"Toul"});
}

TEST_CASE("the address of a letter falls back on the organisation's") {
  auto l = cls::testing::load(
      {{"cls.yaml", cls::testing::manifest()},
       {"actors/all.yaml",
        "- {id: a, name: A}\n- {id: b, name: B}\n- {id: c, name: C}\n- {id: d, name: D}\n"
        "- {id: org, kind: organisation, name: Org, address: '3 boulevard Joffre, 54000 Nancy'}\n"
        "- {id: p, name: P, organisation: org}\n- {id: q, name: Q, organisation: org, address: '1 rue X, 54000 Nancy'}\n"}});
  CHECK(l.diags.errors() == 0);
  CHECK(address_lines(l.project, *l.project.actor("p")) ==
        std::vector<std::string>{"3 boulevard Joffre", "54000 Nancy"});
  CHECK(address_lines(l.project, *l.project.actor("q")) == std::vector<std::string>{"1 rue X", "54000 Nancy"});
  CHECK(address_lines(l.project, *l.project.actor("a")).empty());
  CHECK(organisation_name(l.project, *l.project.actor("p")) == "Org");
  CHECK(name_and_organisation(l.project, Lang::fr, *l.project.actor("p")) == "P, Org");
  CHECK(name_and_organisation(l.project, Lang::fr, *l.project.actor("a")) == "A");
}

TEST_CASE("titles inside a sentence: case and French articles") {
  CHECK(lower_first("Comité de pilotage") == "comité de pilotage");
  CHECK(lower_first("Équipe mobile") == "équipe mobile");
  CHECK(lower_first("CTS de Meurthe-et-Moselle") == "CTS de Meurthe-et-Moselle");
  CHECK(lower_first("") == "");
  CHECK(upper_first("jeudi 3\u00A0décembre 2026") == "Jeudi 3\u00A0décembre 2026");
  CHECK(upper_first("élection") == "Élection");
  // Beyond Latin-1 (Unicode's case mapping), and an acronym past its first letter.
  CHECK(lower_first("Œuvre de santé") == "œuvre de santé");
  CHECK(lower_first("ÉPCI du Toulois") == "ÉPCI du Toulois");
  CHECK(upper_first("œuvre") == "Œuvre");

  CHECK(of_phrase(Lang::fr, "Comité de pilotage du contrat local de santé") ==
        "du comité de pilotage du contrat local de santé");
  CHECK(of_phrase(Lang::fr, "Bureau du conseil territorial de santé") == "du bureau du conseil territorial de santé");
  CHECK(of_phrase(Lang::fr, "Assemblée plénière du conseil territorial de santé") ==
        "de l’assemblée plénière du conseil territorial de santé");
  CHECK(of_phrase(Lang::fr, "Commission spécialisée en santé mentale") ==
        "de la commission spécialisée en santé mentale");
  CHECK(to_phrase(Lang::fr, "Comité de pilotage n° 8") == "au comité de pilotage n° 8");
  CHECK(to_phrase(Lang::fr, "Séance plénière du conseil territorial de santé") ==
        "à la séance plénière du conseil territorial de santé");
  CHECK(to_phrase(Lang::fr, "Assemblée plénière") == "à l’assemblée plénière");
  CHECK(of_phrase(Lang::en, "Steering committee") == "of the steering committee");
  CHECK(to_phrase(Lang::en, "Steering committee") == "to the steering committee");
}

TEST_CASE("meeting times and the start of each agenda item") {
  auto l = cls::testing::with("meetings/m.yaml",
                              "id: m\nbody: copil\ndate: 2026-12-03\nstart: '14:00'\nend: '16:30'\n"
                              "agenda:\n  - {title: Un, duration: 10}\n  - {title: Deux, duration: 50}\n"
                              "  - {title: Trois}\n  - {title: Quatre, duration: 5}\n");
  REQUIRE(l.project.meetings.size() == 1);
  const Meeting& m = l.project.meetings[0];
  CHECK(meeting_times(Lang::fr, m) == "de 14\u00A0h\u00A000 à 16\u00A0h\u00A030");
  CHECK(meeting_times(Lang::en, m) == "from 14:00 to 16:30");
  const auto starts = item_starts(m);
  REQUIRE(starts.size() == 4);
  CHECK(starts[0] == 14 * 60);
  CHECK(starts[1] == 14 * 60 + 10);
  CHECK(starts[2] == 15 * 60);
  CHECK_FALSE(starts[3].has_value());  // after an item of unknown length

  auto no_start = cls::testing::with("meetings/m.yaml",
                                     "id: m\nbody: copil\ndate: 2026-12-03\nagenda:\n  - {title: Un, duration: 10}\n");
  CHECK_FALSE(item_starts(no_start.project.meetings[0])[0].has_value());
  CHECK(meeting_times(Lang::fr, no_start.project.meetings[0]).empty());
  CHECK(meeting_title(no_start.project, no_start.project.meetings[0]) == "Comité du 3\u00A0décembre 2026");
}

TEST_CASE("documents are made from a Markdown or an HTML template") {
  CHECK(template_format(OutputFormat::markdown) == DocFormat::markdown);
  CHECK(template_format(OutputFormat::html) == DocFormat::html);
  CHECK(template_format(OutputFormat::pdf) == DocFormat::html);
  CHECK(format_suffix(DocFormat::html) == "html");
  CHECK(format_suffix(DocFormat::markdown) == "md");
  CHECK(label(Lang::fr, "agenda") == "Ordre du jour");
  CHECK(label(Lang::en, "agenda") == "Agenda");
  CHECK(label(Lang::fr, "nothing") == "");
}

TEST_CASE("an unknown meeting is named with the meetings there are") {
  auto l = cls::testing::with("meetings/m.yaml", "id: copil-1\nbody: copil\ndate: 2026-12-03\n");
  CHECK(find_meeting(l.project, "copil-1") != nullptr);
  CHECK(find_meeting(l.project, "copil-2") == nullptr);
  CHECK(meeting_not_found(l.project, "copil-2") ==
        "no meeting 'copil-2' in the project (did you mean 'copil-1'?); give a meeting's id or its file's "
        "name: copil-1 (meetings/m.yaml)");
}

TEST_CASE("the chair's title follows civility and names the instance (SPEC §8.3)") {
  Project p;
  p.manifest.title.set("Conseil territorial de santé des Hauts-de-Seine");
  Body body;
  body.title.set("Assemblée plénière du conseil territorial de santé");
  Actor chair;
  chair.civility.set(Civility::mme);
  // The chair of the plenary presides the whole instance.
  CHECK(chair_title(p, body, chair) == "La présidente du conseil territorial de santé des Hauts-de-Seine");
  body.title.set("Bureau du conseil territorial de santé");
  CHECK(chair_title(p, body, chair) == "La présidente du bureau du conseil territorial de santé des Hauts-de-Seine");
  p.manifest.title.set("Contrat local de santé Terres de Lorraine");
  chair.civility.set(Civility::m);
  body.title.set("Comité de pilotage");
  CHECK(chair_title(p, body, chair) == "Le président du comité de pilotage du contrat local de santé Terres de Lorraine");
  chair.civility.reset();
  CHECK(chair_title(p, body, chair) ==
        "La présidence du comité de pilotage du contrat local de santé Terres de Lorraine");
  p.manifest.title.reset();
  CHECK(chair_title(p, body, chair) == "La présidence du comité de pilotage");
  p.manifest.lang.set(Lang::en);
  body.title.set("Steering committee");
  CHECK(chair_title(p, body, chair) == "The Chair of the steering committee");
}

TEST_CASE("instance names complete a title with the project's") {
  Project p;
  p.manifest.title.set("Conseil territorial de santé de Meurthe-et-Moselle");
  CHECK(instance_name(p, "Assemblée plénière du conseil territorial de santé") ==
        "Assemblée plénière du conseil territorial de santé de Meurthe-et-Moselle");
  CHECK(instance_name(p, "Séance plénière du conseil territorial de santé de Meurthe-et-Moselle") ==
        "Séance plénière du conseil territorial de santé de Meurthe-et-Moselle");
  CHECK(instance_name(p, "Séance plénière du conseil territorial de santé (seconde convocation)") ==
        "Séance plénière du conseil territorial de santé de Meurthe-et-Moselle (seconde convocation)");
  CHECK(instance_name(p, "Assemblée plénière") ==
        "Assemblée plénière du conseil territorial de santé de Meurthe-et-Moselle");
  // One common word is no match.
  p.manifest.title.set("Territoire de santé Nord");
  CHECK(instance_name(p, "Conseil de territoire") == "Conseil de territoire du territoire de santé Nord");
  p.manifest.title.set("Contrat local de santé Terres de Lorraine");
  CHECK(instance_name(p, "Comité de pilotage n° 8") ==
        "Comité de pilotage n° 8 du contrat local de santé Terres de Lorraine");
  p.manifest.title.reset();
  CHECK(instance_name(p, "Comité de pilotage") == "Comité de pilotage");
}

TEST_CASE("organisations take their article after a preposition; people their honorific") {
  Actor ors;
  ors.kind.set(ActorKind::organisation);
  ors.name.set("Observatoire régional de santé");
  CHECK(with_preposition(Lang::fr, ors, "par") == "par Observatoire régional de santé");
  ors.article.set(Article::elided);
  CHECK(with_preposition(Lang::fr, ors, "par") == "par l’Observatoire régional de santé");
  CHECK(with_preposition(Lang::fr, ors, "de") == "de l’Observatoire régional de santé");
  ors.article.set(Article::le);
  ors.name.set("Conseil départemental");
  CHECK(with_preposition(Lang::fr, ors, "de") == "du Conseil départemental");
  CHECK(with_preposition(Lang::fr, ors, "à") == "au Conseil départemental");
  CHECK(with_preposition(Lang::fr, ors, "par") == "par le Conseil départemental");
  ors.article.set(Article::les);
  ors.name.set("URPS");
  CHECK(with_preposition(Lang::fr, ors, "à") == "aux URPS");
  CHECK(with_preposition(Lang::fr, ors, "de") == "des URPS");
  ors.article.set(Article::la);
  ors.name.set("CPAM");
  CHECK(with_preposition(Lang::fr, ors, "à") == "à la CPAM");
  CHECK(with_preposition(Lang::en, ors, "by") == "by CPAM");
  Actor dr;
  dr.name.set("Claire Thouvenin");
  dr.civility.set(Civility::mme);
  dr.honorific.set(Honorific::dr);
  CHECK(full_name(Lang::fr, dr) == "Dr Claire Thouvenin");
  CHECK(short_name(Lang::fr, dr) == "Dr\u00A0Claire Thouvenin");
  CHECK(with_preposition(Lang::fr, dr, "par") == "par le Dr\u00A0Claire Thouvenin");
  CHECK(with_preposition(Lang::fr, dr, "de") == "du Dr\u00A0Claire Thouvenin");
  CHECK(subject_name(Lang::fr, dr) == "Le Dr\u00A0Claire Thouvenin");
  dr.honorific.set(Honorific::me);
  CHECK(with_preposition(Lang::fr, dr, "par") == "par Me\u00A0Claire Thouvenin");
  CHECK(subject_name(Lang::fr, dr) == "Me\u00A0Claire Thouvenin");
}

TEST_CASE("a meeting is also found by the name of its file") {
  auto l = cls::testing::load({{"cls.yaml", cls::testing::manifest()},
                               {"actors/all.yaml", cls::testing::actors()},
                               {"meetings/2026-06-23-copil.yaml", "id: copil-2026-06\nbody: copil\ndate: 2026-06-23\n"},
                               {"meetings/copil-2026-09.yaml", "id: copil-2026-09\nbody: copil\ndate: 2026-09-23\n"},
                               {"meetings/2027.yml",
                                "- {id: copil-2027-01, body: copil, date: 2027-01-20}\n"
                                "- {id: copil-2027-06, body: copil, date: 2027-06-20}\n"}});
  REQUIRE(l.diags.errors() == 0);
  for (std::string_view name : {"copil-2026-06", "2026-06-23-copil", "2026-06-23-copil.yaml",
                                "meetings/2026-06-23-copil.yaml", "./meetings/2026-06-23-copil.yaml"}) {
    const Meeting* m = find_meeting(l.project, name);
    REQUIRE_MESSAGE(m != nullptr, name);
    CHECK(m->id == "copil-2026-06");
  }
  CHECK(find_meeting(l.project, "copil-2026-09")->id == "copil-2026-09");
  // A file of two meetings names neither: the message says which ids to use.
  CHECK(find_meeting(l.project, "2027") == nullptr);
  CHECK(meeting_not_found(l.project, "2027.yml") ==
        "'2027.yml' names meetings/2027.yml, which holds 2 meetings; give one's id: copil-2027-01, copil-2027-06");
  CHECK(find_meeting(l.project, "") == nullptr);
  CHECK(find_meeting(l.project, "meetings/") == nullptr);
  CHECK(meeting_not_found(l.project, "pleniere").find(
            "copil-2026-06 (meetings/2026-06-23-copil.yaml), copil-2027-01 (meetings/2027.yml), "
            "copil-2027-06 (meetings/2027.yml), copil-2026-09") != std::string::npos);
}
