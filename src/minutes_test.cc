// SPDX-License-Identifier: EUPL-1.2
#include "cls/minutes.h"

#include <doctest/doctest.h>

#include "test_project.h"

using namespace cls;

namespace {

MeetingCount count_with(int total, int present, std::optional<std::string_view> quorum,
                        bool second_call = false) {
  MeetingCount c;
  c.total = total;
  c.present = present;
  if (quorum) {
    c.quorum = parse_quorum(*quorum);
    REQUIRE(c.quorum.has_value());
    c.quorum_needed = quorum_needed(*c.quorum, total);
  }
  c.second_call = second_call;
  return c;
}

// A project of one body titled `body` and one meeting of it, `m`.
cls::testing::Loaded kind_project(const std::string& kind, const std::string& lang = "fr",
                                  const std::string& body = "Comité de pilotage") {
  return cls::testing::load({{"cls.yaml", "id: t\ntitle: T\nkind: " + kind + "\nlang: " + lang +
                                              "\nbodies:\n  - {id: b, title: " + body + ", members: []}\n"},
                             {"meetings/m.yaml", "id: m\nbody: b\ndate: 2026-06-01\n"}});
}

VoteBasis cast(int voters) { return VoteBasis{Majority::cast, voters, true}; }
VoteBasis present(int voters) { return VoteBasis{Majority::present, voters, true}; }

Decision vote(int f, int a, int ab, std::optional<Outcome> written = std::nullopt) {
  Decision d;
  d.vote = Vote{f, a, ab, {}};
  d.outcome.set_or_reset(written);
  return d;
}

}  // namespace

TEST_CASE("the quorum as a share of the members") {
  CHECK(quorum_share(Lang::fr, *parse_quorum("1/2")) == "à la moitié");
  CHECK(quorum_share(Lang::fr, *parse_quorum("50%")) == "à la moitié");
  CHECK(quorum_share(Lang::fr, *parse_quorum("1/3")) == "au tiers");
  CHECK(quorum_share(Lang::fr, *parse_quorum("2/3")) == "aux deux tiers");
  CHECK(quorum_share(Lang::fr, *parse_quorum("0.75")) == "aux trois quarts");
  CHECK(quorum_share(Lang::fr, *parse_quorum("3/5")) == "à 3/5");
  CHECK(quorum_share(Lang::fr, *parse_quorum("0.6")) == "à 60\u00A0%");
  CHECK(quorum_share(Lang::fr, *parse_quorum("33.5%")) == "à 33,5\u00A0%");
  CHECK(quorum_share(Lang::en, *parse_quorum("1/2")) == "at half");
  CHECK(quorum_share(Lang::en, *parse_quorum("60 %")) == "at 60%");
}

TEST_CASE("the quorum sentence") {
  const auto fr = kind_project("cls");
  const Meeting& m = fr.project.meetings.at(0);
  CHECK(quorum_sentence(fr.project, m, count_with(20, 16, "1/2")) ==
        "Le quorum, fixé à la moitié des membres, soit 10\u00A0membres, est atteint\u00A0: 16\u00A0membres sur 20 "
        "sont présents ou représentés.");
  CHECK(quorum_sentence(fr.project, m, count_with(31, 20, "2/3")) ==
        "Le quorum, fixé aux deux tiers des membres, soit 21\u00A0membres, n’est pas atteint\u00A0: 20\u00A0membres "
        "sur 31 sont présents ou représentés.");
  CHECK(quorum_sentence(fr.project, m, count_with(2, 1, "1/2")) ==
        "Le quorum, fixé à la moitié des membres, soit 1\u00A0membre, est atteint\u00A0: 1\u00A0membre sur 2 est "
        "présent ou représenté.");
  CHECK(quorum_sentence(fr.project, m, count_with(8, 7, std::nullopt)) ==
        "Aucun quorum n’est fixé pour cette instance\u00A0: 7\u00A0membres sur 8 sont présents ou représentés.");
  CHECK(quorum_sentence(fr.project, m, count_with(8, 2, std::nullopt, true)) ==
        "Réuni sur seconde convocation, le comité de pilotage délibère valablement sans condition de quorum.");
  const auto cts = kind_project("cts", "fr", "Assemblée plénière du conseil territorial de santé");
  CHECK(quorum_sentence(cts.project, cts.project.meetings.at(0), count_with(20, 3, std::nullopt, true)) ==
        "Réunie sur seconde convocation, l’assemblée plénière du conseil territorial de santé délibère "
        "valablement sans condition de quorum (article R133-10 du code des relations entre le public et "
        "l’administration).");
  const auto commission = kind_project("cts", "fr", "Commission spécialisée en santé mentale");
  CHECK(quorum_sentence(commission.project, commission.project.meetings.at(0),
                        count_with(20, 3, std::nullopt, true)) ==
        "Réunie sur seconde convocation, la commission spécialisée en santé mentale délibère valablement "
        "sans condition de quorum (article R133-10 du code des relations entre le public et l’administration).");
  const auto en = kind_project("cls", "en", "Steering committee");
  const Meeting& em = en.project.meetings.at(0);
  CHECK(quorum_sentence(en.project, em, count_with(20, 16, "1/2")) ==
        "The quorum, set at half of the members, that is 10 members, is reached: 16 of 20 members are "
        "present or represented.");
  CHECK(quorum_sentence(en.project, em, count_with(8, 1, "1/2")) ==
        "The quorum, set at half of the members, that is 4 members, is not reached: 1 of 8 members is "
        "present or represented.");
  CHECK(quorum_sentence(en.project, em, count_with(8, 1, std::nullopt, true)) ==
        "Meeting on a second call, the steering committee may validly deliberate whatever the number of "
        "members present.");
}

TEST_CASE("the vote in words, with French agreement") {
  CHECK(decision_result(Lang::fr, vote(15, 0, 0), cast(15)) == "adopté à l’unanimité");
  CHECK(decision_result(Lang::fr, vote(12, 2, 1), cast(15)) == "adopté par 12\u00A0voix pour, 2\u00A0contre et 1\u00A0abstention");
  CHECK(decision_result(Lang::fr, vote(1, 0, 2), cast(5)) == "adopté par 1\u00A0voix pour et 2\u00A0abstentions");
  CHECK(decision_result(Lang::fr, vote(2, 1, 0), cast(5)) == "adopté par 2\u00A0voix pour et 1\u00A0contre");
  CHECK(decision_result(Lang::fr, vote(3, 5, 0), cast(8)) == "rejeté par 3\u00A0voix pour et 5\u00A0contre");
  CHECK(decision_result(Lang::fr, vote(14, 0, 0), cast(15)) == "adopté par 14\u00A0voix pour");  // one did not vote
  CHECK(decision_result(Lang::fr, vote(7, 7, 2, Outcome::rejected), cast(16)) ==
        "rejeté par 7\u00A0voix pour, 7\u00A0contre et 2\u00A0abstentions, la voix de la présidence étant prépondérante");
  // majority: present (R133-11 CRPA): for must pass half of the voters.
  CHECK(decision_result(Lang::fr, vote(4, 2, 3), present(9)) ==
        "rejeté par 4\u00A0voix pour, 2\u00A0contre et 3\u00A0abstentions, la majorité des membres présents ou "
        "représentés (5\u00A0voix sur 9) n’étant pas atteinte");
  CHECK(decision_result(Lang::fr, vote(5, 2, 2), present(9)) == "adopté par 5\u00A0voix pour, 2\u00A0contre et 2\u00A0abstentions");
  CHECK(decision_result(Lang::fr, vote(2, 5, 2), present(9)) == "rejeté par 2\u00A0voix pour, 5\u00A0contre et 2\u00A0abstentions");
  // Equal with abstentions under present: no casting vote is claimed.
  CHECK(decision_result(Lang::fr, vote(3, 3, 3), present(9)) ==
        "rejeté par 3\u00A0voix pour, 3\u00A0contre et 3\u00A0abstentions, la majorité des membres présents ou "
        "représentés (5\u00A0voix sur 9) n’étant pas atteinte");
  CHECK(decision_result(Lang::fr, vote(4, 4, 0, Outcome::adopted), present(8)) ==
        "adopté par 4\u00A0voix pour et 4\u00A0contre, la voix de la présidence étant prépondérante");
  CHECK(decision_result(Lang::en, vote(4, 2, 3), present(9)) ==
        "rejected (4 votes for, 2 against, 3 abstentions), short of a majority of the members present or represented (5 of 9)");
  CHECK(decision_result(Lang::fr, Decision{}, cast(10)) == "adopté");
  CHECK(decision_result(Lang::en, vote(15, 0, 0), cast(15)) == "adopted unanimously");
  CHECK(decision_result(Lang::en, vote(12, 2, 1), cast(15)) == "adopted by 12 votes to 2, with 1 abstention");
}

namespace {

const char* kMeetings =
    "- id: m1\n  body: copil\n  date: 2026-06-01\n  start: '14:00'\n  place: Mairie\n  guests: [g]\n"
    "  agenda:\n    - title: Budget\n      kind: decision\n      summary: \"Débat <script>x</script>\"\n"
    "      decisions:\n        - text: Le budget est adopté.\n          vote: {for: 3, against: 0, abstain: 0}\n"
    "      followups:\n        - {task: Envoyer le budget, owner: b, due: 2026-07-01}\n"
    "  attendance:\n    present: [sa, b, g]\n    excused: [d]\n    proxies: {c: b}\n"
    "- {id: m3, body: copil, date: 2026-12-01}\n"
    "- {id: m2, body: copil, date: 2026-09-01, start: '10:00', place: Salle B}\n";

}  // namespace

TEST_CASE("next meeting of the same body") {
  auto l = cls::testing::with("meetings/all.yaml", kMeetings);
  REQUIRE(l.project.meetings.size() == 3);
  const Meeting* next = next_meeting(l.project, l.project.meetings[0]);
  REQUIRE(next != nullptr);
  CHECK(next->id == "m2");
  CHECK(next_meeting(l.project, l.project.meetings[1]) == nullptr);
}

TEST_CASE("the minutes of a held meeting") {
  auto l = cls::testing::with("meetings/all.yaml", kMeetings);
  const Meeting& m = l.project.meetings[0];
  const std::string md = render_minutes(l.project, m, DocFormat::markdown);
  CHECK(md.find("A (suppléance assurée par Suppléant de A)") != std::string::npos);
  CHECK(md.find("C (pouvoir donné à B)") != std::string::npos);
  CHECK(md.find("Le quorum, fixé à la moitié des membres, soit 2\u00A0membres, est atteint\u00A0: 3\u00A0membres sur 4 "
                "sont présents ou représentés.") != std::string::npos);
  CHECK(md.find("*Adopté à l’unanimité.*") != std::string::npos);
  CHECK(md.find("| B | Envoyer le budget | 1er\u00A0juillet 2026 |") != std::string::npos);
  CHECK(md.find("réunion**\u00A0: mardi 1er\u00A0septembre 2026, à 10\u00A0h\u00A000, Salle B.") != std::string::npos);
  CHECK(md.find("<script>") == std::string::npos);

  const std::string html = render_minutes(l.project, m, DocFormat::html);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("Adopté à l’unanimité.") != std::string::npos);

  Meeting not_held;
  not_held.id = std::string("x");  // not = "x": a GCC 12 -Wrestrict false positive (PR 105329)
  CHECK_THROWS_AS(render_minutes(l.project, not_held, DocFormat::markdown), std::invalid_argument);
}

TEST_CASE("the minutes are signed by the chair when the chair sat") {
  const std::string meeting = "id: m\nbody: copil\ndate: 2026-06-01\nattendance: {present: [";
  auto signed_by = [&](const std::string& chair, const std::string& present) {
    auto l = cls::testing::load({{"cls.yaml", cls::testing::manifest("    chair: " + chair + "\n")},
                                 {"actors/all.yaml", "- {id: a, name: Anne A, civility: Mme}\n"
                                                     "- {id: b, name: Bruno B, role: Maire de Toul}\n"
                                                     "- {id: c, name: C}\n- {id: d, name: D}\n"},
                                 {"meetings/m.yaml", meeting + present + "]}\n"}});
    REQUIRE(l.diags.errors() == 0);
    return render_minutes(l.project, l.project.meetings[0], DocFormat::markdown);
  };
  CHECK(signed_by("a", "a, c").find("\nLa présidente du comité du test\\\nAnne A\n") != std::string::npos);
  CHECK(signed_by("b", "b").find("\nMaire de Toul\\\nBruno B\n") != std::string::npos);
  CHECK(signed_by("a", "b, c").find("La présidente") == std::string::npos);  // away: someone else chaired
}

TEST_CASE("the public minutes leave out contact details") {
  auto l = cls::testing::load(
      {{"cls.yaml", cls::testing::manifest()},
       {"actors/all.yaml",
        "- {id: a, name: A, email: a@example.org, phone: '06 00 00 00 01', address: '1 rue A, 54000 Nancy'}\n"
        "- {id: b, name: B}\n- {id: c, name: C}\n- {id: d, name: D}\n"},
       {"meetings/m.yaml", "id: m\nbody: copil\ndate: 2026-06-01\nattendance: {present: [a, b, c]}\n"}});
  REQUIRE(l.diags.errors() == 0);
  const Meeting& m = l.project.meetings[0];
  for (DocFormat f : {DocFormat::markdown, DocFormat::html}) {
    const std::string full = render_minutes(l.project, m, f);
    // In Markdown a WORD JOINER stands before the "@" (markdown_escape: no autolink).
    CHECK(full.find(f == DocFormat::markdown ? "a\u2060@example.org" : "a@example.org") != std::string::npos);
    CHECK(full.find("06 00 00 00 01") != std::string::npos);
    MinutesOptions o;
    o.public_version = true;
    const std::string pub = render_minutes(l.project, m, f, o);
    CHECK(pub.find("example.org") == std::string::npos);
    CHECK(pub.find("06 00 00 00 01") == std::string::npos);
    CHECK(pub.find("1 rue A") == std::string::npos);
  }
}

TEST_CASE("the minutes of the second edition: representatives, remote, recusal, dissent, failure, approval") {
  const std::string manifest =
      "id: t\ntitle: Conseil territorial de santé du Val\nkind: cts\n"
      "bodies:\n  - id: p\n    title: Assemblée plénière\n    members: [a, b, o]\n    chair: a\n    quorum: 1/2\n";
  const std::string actors =
      "- {id: a, name: Anne A, civility: Mme}\n- {id: b, name: Bruno B, civility: M., honorific: Dr}\n"
      "- {id: o, kind: organisation, name: CPAM du Val, article: la}\n- {id: j, name: Jean J, civility: M.}\n";
  const std::string held =
      "id: m\nbody: p\ndate: 2026-06-01\nsecretary: a\nminutes_approved: n\n"
      "agenda:\n  - title: Avis\n    decisions:\n      - text: Avis favorable.\n        number: '2026-01'\n"
      "        recused: [b]\n        dissent: [{member: a, text: Réserve.}]\n"
      "attendance:\n  present: [a, b, o, j]\n  remote: [b]\n  representatives: {o: j}\n";
  auto l = cls::testing::load({{"cls.yaml", manifest},
                               {"actors/all.yaml", actors},
                               {"meetings/m.yaml", held},
                               {"meetings/n.yaml", "id: n\nbody: p\ndate: 2026-09-01\nattendance: {present: [a]}\n"}});
  REQUIRE_MESSAGE(l.diags.errors() == 0, l.messages());
  const std::string md = render_minutes(l.project, *l.project.meeting("m"), DocFormat::markdown);
  CAPTURE(md);
  CHECK(md.find("- CPAM du Val, représentée par M.\u00A0Jean J\n") != std::string::npos);
  CHECK(md.find("- Dr\u00A0Bruno B (par visioconférence)\n") != std::string::npos);
  CHECK(md.find("**Avis n°\u00A02026-01\u00A0:** Avis favorable.") != std::string::npos);
  CHECK(md.find("Le Dr\u00A0Bruno B, ayant un intérêt personnel à l’affaire, n’a pas pris part à la délibération "
                "(article R133-12 du code des relations entre le public et l’administration).") != std::string::npos);
  CHECK(md.find("> Mme\u00A0Anne A a demandé que soit mentionné son désaccord\u00A0: «\u00A0Réserve.\u00A0»") !=
        std::string::npos);
  CHECK(md.find("*Compte rendu approuvé lors de la séance du mardi 1er\u00A0septembre 2026.*") != std::string::npos);
  CHECK(md.find("Secrétaire de séance\u00A0: Mme\u00A0Anne A") != std::string::npos);
  // n: 1 of 3, no quorum: the minutes say so and list no decision.
  const std::string failed = render_minutes(l.project, *l.project.meeting("n"), DocFormat::markdown);
  CAPTURE(failed);
  CHECK(failed.find("Le quorum n’étant pas atteint, l’assemblée plénière ne peut valablement délibérer.") !=
        std::string::npos);
  CHECK(failed.find("## Ordre du jour qui n’a pu être examiné") != std::string::npos);
  CHECK(failed.find("Relevé de décisions") == std::string::npos);
  CHECK(failed.find("*Projet de compte rendu soumis à l’approbation de l’assemblée plénière lors de sa prochaine "
                    "séance.*") != std::string::npos);
}
