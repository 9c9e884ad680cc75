// SPDX-License-Identifier: EUPL-1.2
#include "cls/convocation.h"

#include <doctest/doctest.h>

#include "test_project.h"

using namespace cls;

namespace {

// A CLS or CTS project: body copil of members a (substitute sa), b, c and the
// organisation o; guest g.
cls::testing::Loaded project(const std::string& kind, const std::string& lang = "fr",
                             const std::string& proxies = "1", const std::string& meeting_extra = "") {
  const std::string manifest =
      "id: t\ntitle: Contrat local de santé du Toulois\nkind: " + kind + "\nlang: " + lang +
      "\norganisation: {name: Pays Test, city: Toul, address: '1 rue A, 54200 Toul'}\n"
      "bodies:\n  - id: copil\n    title: Comité de pilotage du contrat local de santé\n"
      "    members: [a, b, c, o]\n    chair: b\n    proxies: " + proxies + "\n";
  const std::string actors =
      "- {id: a, name: Anne A, civility: Mme, substitute: sa}\n"
      "- {id: b, name: Bruno B, civility: M., role: Président}\n"
      "- {id: c, name: Chris C}\n"
      "- {id: o, kind: organisation, name: Communauté de communes}\n"
      "- {id: sa, name: Sophie S, civility: Mme}\n- {id: sm, name: Serge S, civility: M.}\n"
      "- {id: g, name: Gilles G, civility: M.}\n";
  const std::string meeting = "id: m\nbody: copil\ntitle: Comité de pilotage n° 8\ndate: 2026-12-10\n"
                              "start: '14:00'\nend: '16:30'\nguests: [g]\n" + meeting_extra;
  return cls::testing::load({{"cls.yaml", manifest}, {"actors/all.yaml", actors}, {"meetings/m.yaml", meeting}});
}

LetterText letter(const cls::testing::Loaded& l, const std::string& to) {
  REQUIRE(l.diags.errors() == 0);
  return letter_text(l.project, l.project.meetings[0], *l.project.actor(to), *Date::from_ymd(2026, 11, 20));
}

}  // namespace

TEST_CASE("a letter to a titulaire who has a suppléante") {
  const auto l = project("cls");
  const LetterText t = letter(l, "a");
  CHECK(t.place_date == "Toul, le 20\u00A0novembre 2026");
  CHECK(t.subject ==
        "Convocation au comité de pilotage n° 8 du contrat local de santé du Toulois du jeudi 10\u00A0décembre 2026");
  CHECK(t.salutation == "Madame,");
  CHECK(t.invitation ==
        "J’ai l’honneur de vous convier à la réunion du comité de pilotage du contrat local de santé du Toulois, "
        "qui se tiendra le jeudi 10\u00A0décembre 2026 de 14\u00A0h\u00A000 à 16\u00A0h\u00A030.");
  CHECK(t.substitute ==
        "Si vous ne pouvez pas assister à cette réunion, je vous remercie de bien vouloir transmettre la "
        "présente convocation à votre suppléante, Mme\u00A0Sophie S, qui siégera à votre place.");
  CHECK(t.proxy ==
        "En cas d’empêchement de votre suppléante, vous pouvez donner pouvoir à un autre membre du comité "
        "de pilotage du contrat local de santé du Toulois\u202F; un membre ne peut détenir qu’un seul pouvoir.");
  CHECK(t.closing == "Je vous prie d’agréer, Madame, l’expression de mes salutations distinguées.");
}

TEST_CASE("members without substitute, organisations and guests") {
  const auto l = project("cls");
  const LetterText c = letter(l, "c");
  CHECK(c.salutation == "Madame, Monsieur,");  // no civility
  CHECK(c.substitute.empty());
  CHECK(c.proxy.rfind("Si vous ne pouvez pas assister à cette réunion, vous pouvez donner pouvoir", 0) == 0);
  const LetterText o = letter(l, "o");
  CHECK(o.salutation == "Madame, Monsieur,");  // an organisation
  CHECK(o.closing == "Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.");
  CHECK(o.subject ==
        "Convocation au comité de pilotage n° 8 du contrat local de santé du Toulois du jeudi 10\u00A0décembre 2026");
  const LetterText g = letter(l, "g");
  CHECK(g.salutation == "Monsieur,");
  CHECK(g.invitation.rfind("J’ai le plaisir de vous inviter à participer, à titre consultatif, à la réunion", 0) == 0);
  CHECK(g.subject ==  // guests are invited
        "Invitation au comité de pilotage n° 8 du contrat local de santé du Toulois du jeudi 10\u00A0décembre 2026");
  CHECK(g.substitute.empty());
  CHECK(g.proxy.empty());  // guests do not vote
}

TEST_CASE("the proxy sentence follows the body's rule") {
  CHECK(letter(project("cls", "fr", "0"), "c").proxy.empty());
  CHECK(letter(project("cls", "fr", "0"), "a").proxy.empty());
  CHECK_FALSE(letter(project("cls", "fr", "0"), "a").substitute.empty());
  CHECK(letter(project("cls", "fr", "2"), "c").proxy.find("un membre peut détenir jusqu’à 2 pouvoirs") !=
        std::string::npos);
}

TEST_CASE("the vocabulary follows kind and lang") {
  const LetterText cts = letter(project("cts"), "a");
  CHECK(cts.invitation.find("à la séance du comité de pilotage") != std::string::npos);
  CHECK(cts.substitute.find("assister à cette séance") != std::string::npos);
  const LetterText second = letter(project("cts", "fr", "1", "second_call: true\n"), "b");
  CHECK(second.invitation.rfind("Le quorum n’ayant pas été atteint lors de la précédente séance, j’ai l’honneur de "
                                "vous convier à nouveau, sur le même ordre du jour, à la séance du comité",
                                0) == 0);
  CHECK(second.second_call ==
        "Le comité de pilotage du contrat local de santé du Toulois délibérera valablement sans condition de "
        "quorum (article R133-10 du code des relations entre le public et l’administration).");
  const LetterText en = letter(project("cls", "en"), "a");
  CHECK(en.place_date == "Toul, 20 November 2026");
  CHECK(en.subject == "Notice of meeting: Comité de pilotage n° 8 of the contrat local de santé du Toulois, Thursday 10 December 2026");
  CHECK(en.salutation == "Dear Madam,");
  CHECK(en.substitute == "If you cannot attend, please pass this notice on to your substitute, Ms Sophie S, "
                         "who will sit in your place.");
  CHECK(en.closing == "Yours faithfully,");
  CHECK(letter(project("cls", "en"), "g").subject ==
        "Invitation: Comité de pilotage n° 8 of the contrat local de santé du Toulois, Thursday 10 December 2026");
}

TEST_CASE("the signatory: convocation.signatory, else the chair") {
  const auto l = project("cls");
  REQUIRE(signatory(l.project, l.project.meetings[0]) != nullptr);
  CHECK(signatory(l.project, l.project.meetings[0])->id == "b");
  const auto s = project("cls", "fr", "1", "convocation: {date: 2026-11-20, signatory: c}\n");
  CHECK(signatory(s.project, s.project.meetings[0])->id == "c");
}

TEST_CASE("the signature: name and role; the chair's title for a chair without role") {
  const auto l = project("cls");
  const auto chair = signature_context(l.project, l.project.meetings[0]);
  CHECK(chair.get("name")->string_value() == "Bruno B");
  CHECK(chair.get("role")->string_value() == "Président");
  const auto other = project("cls", "fr", "1", "convocation: {date: 2026-11-20, signatory: a}\n");
  const auto sa = signature_context(other.project, other.project.meetings[0]);
  CHECK(sa.get("name")->string_value() == "Anne A");
  CHECK(sa.get("role")->is_false());  // Anne A has no role and does not chair
  const auto c = project("cls", "fr", "1", "convocation: {date: 2026-11-20, signatory: c}\n");
  // c has no role; as c does not chair the body either, no title is made up.
  CHECK(signature_context(c.project, c.project.meetings[0]).get("role")->is_false());
}

TEST_CASE("every one convened receives a letter, but the signatory") {
  const auto l = project("cls");
  CHECK(default_recipients(l.project, l.project.meetings[0]) == std::vector<std::string>{"a", "c", "o", "g"});
  const auto s = project("cls", "fr", "1", "convocation: {date: 2026-11-20, signatory: sm}\n");
  CHECK(default_recipients(s.project, s.project.meetings[0]) ==
        std::vector<std::string>{"a", "b", "c", "o", "g"});  // sm is not convened
}

TEST_CASE("letters render with every value escaped") {
  const auto l = project("cls", "fr", "1", "place: \"<script>alert(1)</script>\"\n");
  const std::string html = render_convocations(l.project, l.project.meetings[0], {"a", "o"}, DocFormat::html,
                                               *Date::from_ymd(2026, 11, 20));
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("Madame Anne A") != std::string::npos);
  CHECK(html.find("break-after: page") != std::string::npos);
  const std::string md = render_convocations(l.project, l.project.meetings[0], {"a"}, DocFormat::markdown,
                                             *Date::from_ymd(2026, 11, 20));
  CHECK(md.find("Madame,") != std::string::npos);
  CHECK(md.find("Président\\\nBruno B") != std::string::npos);  // the chair signs, role first
  CHECK(md.find("\\<script>") != std::string::npos);
}

// --- The second edition (SPEC §8.3) --------------------------------------------

namespace {

// A CTS of a plenary (a, b, c; c in the collège of personnalités qualifiées)
// and a bureau without substitutes, a failed séance and its second call.
cls::testing::Loaded cts(const std::string& second_call_extra = "") {
  const std::string manifest =
      "id: cts\ntitle: Conseil territorial de santé des Hauts-de-Seine\nkind: cts\n"
      "organisation: {name: ARS, city: Nanterre, contact: {name: Julie Perrin, email: j.perrin@ars.example, "
      "phone: '01 40 00 00 00'}}\n"
      "bodies:\n"
      "  - id: pleniere\n    title: Assemblée plénière du conseil territorial de santé\n    members: [a, b, c]\n"
      "    chair: a\n    quorum: 1/2\n    notice_days: 10\n    majority: present\n"
      "    colleges:\n      - {id: c1, title: Professionnels}\n"
      "      - {id: pq, title: Personnalités qualifiées, substitutes: false}\n"
      "  - id: bureau\n    title: Bureau du conseil territorial de santé\n    members: [a, b]\n    chair: a\n"
      "    substitutes: false\n    proxies: 0\n";
  const std::string actors =
      "- {id: a, name: Hélène Moreau, civility: Mme, college: c1}\n"
      "- {id: b, name: Bruno B, civility: M., college: c1, substitute: sb, salutation: 'Monsieur le Vice-président,'}\n"
      "- {id: c, name: Claire Thouvenin, civility: Mme, honorific: Dr, college: pq, substitute: sc}\n"
      "- {id: sb, name: Sophie S, civility: Mme}\n- {id: sc, name: Serge S, civility: M.}\n";
  return cls::testing::load(
      {{"cls.yaml", manifest},
       {"actors/all.yaml", actors},
       {"meetings/1.yaml", "id: p1\nbody: pleniere\ndate: 2026-03-17\nagenda: [{title: Avis}]\n"
                           "attendance: {present: [a]}\n"},
       {"meetings/2.yaml", "id: p2\nbody: pleniere\ndate: 2026-03-31\nstart: '14:00'\nsecond_call: p1\n"
                           "agenda:\n  - title: Avis\n    attachments:\n      - {title: Projet de PRS}\n"
                           "convocation: {date: 2026-03-24}\n" + second_call_extra},
       {"meetings/3.yaml", "id: b1\nbody: bureau\ndate: 2026-04-07\n"}});
}

LetterText letter_to(const cls::testing::Loaded& l, const std::string& meeting, const std::string& to,
                     const Actor* titular = nullptr) {
  REQUIRE_MESSAGE(l.diags.errors() == 0, l.messages());
  return letter_text(l.project, *l.project.meeting(meeting), *l.project.actor(to), *Date::from_ymd(2026, 3, 24),
                     titular);
}

}  // namespace

TEST_CASE("the second call names the failed séance and says no quorum is required") {
  const auto l = cts();
  const LetterText t = letter_to(l, "p2", "b");
  CHECK(t.subject ==
        "Seconde convocation à l’assemblée plénière du conseil territorial de santé des Hauts-de-Seine du mardi "
        "31\u00A0mars 2026");
  CHECK(t.invitation ==
        "Le quorum n’ayant pas été atteint lors de la séance du mardi 17\u00A0mars 2026, j’ai l’honneur de vous "
        "convier à nouveau, sur le même ordre du jour, à la séance de l’assemblée plénière du conseil territorial "
        "de santé des Hauts-de-Seine, qui se tiendra le mardi 31\u00A0mars 2026 à 14\u00A0h\u00A000.");
  CHECK(t.second_call ==
        "L’assemblée plénière du conseil territorial de santé des Hauts-de-Seine délibérera valablement sans "
        "condition de quorum (article R133-10 du code des relations entre le public et l’administration).");
  CHECK(t.salutation == "Monsieur le Vice-président,");
  CHECK(t.closing == "Je vous prie d’agréer, Monsieur le Vice-président, l’expression de mes salutations distinguées.");
  CHECK(t.urgent.empty());
}

TEST_CASE("no substitute is mentioned where none sits: a bureau, the personnalités qualifiées") {
  const auto l = cts();
  CHECK_FALSE(letter_to(l, "p2", "b").substitute.empty());  // plenary, collège c1
  CHECK(letter_to(l, "p2", "c").substitute.empty());         // collège pq: substitutes: false
  CHECK_FALSE(letter_to(l, "p2", "c").proxy.empty());        // may still give a proxy
  CHECK(letter_to(l, "b1", "b").substitute.empty());         // bureau: substitutes: false
  CHECK(letter_to(l, "b1", "b").proxy.empty());              // and no proxies
  CHECK(titular_of(l.project, *l.project.meeting("p2"), "sb")->id == "b");
  CHECK(titular_of(l.project, *l.project.meeting("p2"), "sc") == nullptr);
  CHECK(titular_of(l.project, *l.project.meeting("b1"), "sb") == nullptr);
}

TEST_CASE("the substitute's copy tells them they sit if the titulaire cannot") {
  const auto l = cts();
  const LetterText t = letter_to(l, "p2", "sb", l.project.actor("b"));
  CHECK(t.subject.find("(copie pour la suppléance de M.\u00A0Bruno B)") != std::string::npos);
  CHECK(t.invitation.rfind("En votre qualité de suppléante de M.\u00A0Bruno B, je vous adresse copie de la "
                           "convocation à la séance de l’assemblée plénière",
                           0) == 0);
  CHECK(t.substitute == "Si M.\u00A0Bruno B ne peut pas assister à cette séance, vous siégerez à sa place avec voix "
                        "délibérative.");
  CHECK(t.proxy.empty());
}

TEST_CASE("urgency: the letter says the notice period is not kept") {
  const auto l = cts("urgent: true\n");
  CHECK(letter_to(l, "p2", "b").urgent ==
        "En raison de l’urgence, la présente convocation vous est adressée sans observer le délai habituel de "
        "10\u00A0jours (article R133-8 du code des relations entre le public et l’administration).");
  CHECK(l.count("meeting/notice") == 0);
}

TEST_CASE("honorific in the address block, attachments, affaire suivie par, the chair's signature") {
  const auto l = cts();
  REQUIRE(l.diags.errors() == 0);
  const Meeting& m = *l.project.meeting("p2");
  for (DocFormat f : {DocFormat::markdown, DocFormat::html}) {
    const std::string doc = render_convocations(l.project, m, {"c"}, f, *Date::from_ymd(2026, 3, 24));
    CAPTURE(doc);
    CHECK(doc.find("Dr Claire Thouvenin") != std::string::npos);
    CHECK(doc.find("Projet de PRS") != std::string::npos);
    CHECK(doc.find("Pièce jointe\u00A0: Projet de PRS.") != std::string::npos);
    CHECK(doc.find("Affaire suivie par") != std::string::npos);
    CHECK(doc.find("Julie Perrin") != std::string::npos);
    CHECK(doc.find("La présidente du conseil territorial de santé des Hauts-de-Seine") != std::string::npos);
  }
}
