// SPDX-License-Identifier: EUPL-1.2
// Each rule of SPEC §2 fires on a wrong input, at the right position, and
// stays silent on the right one.
#include "cls/check.h"

#include <doctest/doctest.h>

#include "test_project.h"

using namespace cls;
using cls::testing::load;
using cls::testing::manifest;
using cls::testing::with;
using V = std::vector<std::string>;

static const std::string kAction = "id: A1\ntitle: Action\nobjective: ob\n";

TEST_CASE("a right project has no diagnostic") {
  auto l = with("actions/a.yaml", kAction + "status: in-progress\nstart: 2025-01-01\ndue: 2027-06-30\n");
  CHECK_MESSAGE(l.diags.all().empty(), l.messages());
}

TEST_CASE("yaml/syntax, yaml/encoding, yaml/duplicate-key") {
  CHECK(with("actions/a.yaml", "id: A1\ntitle: [x\n").at("yaml/syntax").size() == 1);
  CHECK(with("actions/a.yaml", "id: A1\ntitle: Caf\xe9\n").at("yaml/encoding") == V{"2:11"});
  CHECK(with("actions/a.yaml", kAction + "title: Deux\n").at("yaml/duplicate-key") == V{"4:1"});
}

TEST_CASE("schema rules point at the key or value") {
  auto l = with("actions/a.yaml", "id: A1\nobjective: ob\nstatus: fini\nweight: lourd\npartenrs: []\n");
  CHECK(l.at("schema/missing-key") == V{"1:1"});   // title, at the mapping
  CHECK(l.at("schema/enum") == V{"3:9"});
  CHECK(l.at("schema/type") == V{"4:9"});
  CHECK(l.at("schema/unknown-key") == V{"5:1"});
  CHECK(l.messages().find("did you mean 'partners'?") != std::string::npos);
  CHECK(with("actions/a.yaml", "id: ../x\ntitle: T\nobjective: ob\n").at("schema/id") == V{"1:5"});
  CHECK(with("actions/a.yaml", "id: \"\"\ntitle: T\nobjective: ob\n").count("schema/id") == 1);
  CHECK(with("actions/a.yaml", "id: " + std::string(65, 'x') + "\ntitle: T\nobjective: ob\n").count("schema/id") == 1);
  CHECK(with("actions/a.yaml", "id: " + std::string(64, 'x') + "\ntitle: T\nobjective: ob\n").count("schema/id") == 0);
}

TEST_CASE("numbers must be finite decimals") {
  for (const char* bad : {".nan", ".inf", "-.inf", "1e400", "douze", "[1]"}) {
    auto l = with("actions/a.yaml", kAction + "weight: " + bad + "\n");
    CHECK_MESSAGE(l.count("schema/type") == 1, bad);
  }
  CHECK(with("actions/a.yaml", kAction + "weight: 2.5\n").count("schema/type") == 0);
}

TEST_CASE("YAML typing of dates does not matter") {
  auto plain = with("actions/a.yaml", kAction + "due: 2027-01-01\n");
  auto quoted = with("actions/a.yaml", kAction + "due: \"2027-01-01\"\n");
  REQUIRE(plain.project.actions.size() == 1);
  CHECK(plain.project.actions[0].due->iso() == "2027-01-01");
  CHECK(quoted.project.actions[0].due->iso() == "2027-01-01");
  CHECK(with("actions/a.yaml", kAction + "due: 2026-02-30\n").at("date/invalid") == V{"4:6"});
}

TEST_CASE("id/duplicate names the first place") {
  auto l = load({{"cls.yaml", manifest()},
                 {"actors/all.yaml", cls::testing::actors()},
                 {"actions/a.yaml", kAction},
                 {"actions/b.yaml", kAction}});
  CHECK(l.at("id/duplicate") == V{"1:5"});
  CHECK(l.messages().find("already used at actions/a.yaml:1:5") != std::string::npos);
}

TEST_CASE("ref/unknown suggests the nearest id") {
  auto l = with("actions/a.yaml", "id: A1\ntitle: T\nobjective: oc\nlead: aa\npartners: [b, zzz]\n");
  CHECK(l.at("ref/unknown") == V{"3:12", "4:7", "5:15"});
  CHECK(l.messages().find("did you mean 'ob'?") != std::string::npos);
}

TEST_CASE("date/order") {
  CHECK(with("actions/a.yaml", kAction + "start: 2026-05-01\ndue: 2026-04-01\n").at("date/order") == V{"5:6"});
  CHECK(with("actions/a.yaml", kAction + "start: 2026-05-01\ndue: 2027-05-01\n").count("date/order") == 0);
  CHECK(with("meetings/m.yaml", "id: m\nbody: copil\ndate: 2026-12-10\nstart: \"16:00\"\nend: \"14:00\"\n")
            .at("date/order") == V{"5:6"});
  CHECK(with("meetings/m.yaml", "id: m\nbody: copil\ndate: 2026-12-10\nconvocation: {date: 2026-12-11}\n")
            .count("date/order") == 1);
  CHECK(with("actors/x.yaml", "id: x\nname: X\nmandate: {start: 2026-01-01, end: 2025-01-01}\n").count("date/order") == 1);
}

TEST_CASE("indicator/target and indicator/value-date") {
  const std::string ind = kAction + "indicators:\n  - id: i\n    label: I\n    baseline: 3\n    target: ";
  CHECK(with("actions/a.yaml", ind + "3\n").at("indicator/target") == V{"8:13"});
  CHECK(with("actions/a.yaml", ind + "0\n").count("indicator/target") == 0);  // a decrease is fine
  const std::string values = ind + "5\n    values:\n      - {date: 2023-12-31, value: 1}\n      - {date: 2024-01-01, value: 2}\n";
  CHECK(with("actions/a.yaml", values).at("indicator/value-date") == V{"10:16"});
}

TEST_CASE("action/late depends on --today and the status") {
  const std::string a = kAction + "due: 2026-06-30\n";
  CHECK(with("actions/a.yaml", a, "2026-11-25").at("action/late") == V{"4:6"});
  CHECK(with("actions/a.yaml", a, "2026-06-30").count("action/late") == 0);  // due today is not late
  CHECK(with("actions/a.yaml", a + "status: done\n").count("action/late") == 0);
  CHECK(with("actions/a.yaml", a + "status: abandoned\n").count("action/late") == 0);
  CHECK(with("actions/a.yaml", a + "status: suspended\n").count("action/late") == 1);
}

static const std::string kMeeting = "id: m\nbody: copil\ndate: 2026-06-01\n";

TEST_CASE("meeting/attendance") {
  CHECK(with("meetings/m.yaml", kMeeting + "attendance:\n  present: [a, b]\n  excused: [b]\n")
            .at("meeting/attendance") == V{"6:13"});
  // proxy by a non-member, to a non-member, to someone absent
  CHECK(with("meetings/m.yaml", kMeeting + "attendance:\n  present: [a, b]\n  proxies: {g: a}\n")
            .count("meeting/attendance") == 1);
  CHECK(with("meetings/m.yaml", kMeeting + "guests: [g]\nattendance:\n  present: [a, b, g]\n  proxies: {c: g}\n")
            .count("meeting/attendance") == 1);
  CHECK(with("meetings/m.yaml", kMeeting + "attendance:\n  present: [a, b]\n  proxies: {c: d}\n")
            .count("meeting/attendance") == 1);
  CHECK(with("meetings/m.yaml", kMeeting + "attendance:\n  present: [a, b]\n  proxies: {c: b}\n")
            .count("meeting/attendance") == 0);
}

TEST_CASE("meeting/proxies") {
  const std::string m = kMeeting + "attendance:\n  present: [a, b]\n  proxies: {c: b, d: b}\n";
  CHECK(with("meetings/m.yaml", m).count("meeting/proxies") == 1);
  CHECK(with("meetings/m.yaml", m, "2026-11-25", "    proxies: 2\n").count("meeting/proxies") == 0);
}

TEST_CASE("meeting/vote and meeting/outcome") {
  const std::string m = kMeeting + "agenda:\n  - title: T\n    decisions:\n      - text: D\n        vote: ";
  const std::string att = "attendance:\n  present: [a, b]\n  proxies: {c: b}\n";
  CHECK(with("meetings/m.yaml", m + "{for: 3, against: 1}\n" + att).count("meeting/vote") == 1);
  CHECK(with("meetings/m.yaml", m + "{for: 2, against: 0, abstain: 1}\n" + att).count("meeting/vote") == 0);
  CHECK(with("meetings/m.yaml", m + "{for: 1, against: 1}\n" + att).count("meeting/outcome") == 1);
  CHECK(with("meetings/m.yaml", m + "{for: 1, against: 1}\n        outcome: adopted\n" + att).count("meeting/outcome") == 0);
  CHECK(with("meetings/m.yaml", m + "{for: 2, against: 1}\n        outcome: rejected\n" + att).count("meeting/outcome") == 1);
}

TEST_CASE("meeting/quorum only for held meetings, not on second call") {
  CHECK(with("meetings/m.yaml", kMeeting + "attendance:\n  present: [a]\n").count("meeting/quorum") == 1);
  CHECK(with("meetings/m.yaml", kMeeting + "attendance:\n  present: [sa, b]\n").count("meeting/quorum") == 0);
  CHECK(with("meetings/m.yaml", kMeeting + "second_call: true\nattendance:\n  present: [a]\n").count("meeting/quorum") == 0);
  CHECK(with("meetings/m.yaml", kMeeting).count("meeting/quorum") == 0);  // not held
}

TEST_CASE("meeting/notice, meeting/duration, meeting/uninvited") {
  CHECK(with("meetings/m.yaml", kMeeting + "convocation: {date: 2026-05-25}\n").count("meeting/notice") == 1);
  CHECK(with("meetings/m.yaml", kMeeting + "convocation: {date: 2026-05-22}\n").count("meeting/notice") == 0);
  const std::string timed = kMeeting + "start: \"14:00\"\nend: \"15:00\"\nagenda:\n  - {title: A, duration: 40}\n  - {title: B, duration: ";
  CHECK(with("meetings/m.yaml", timed + "21}\n").count("meeting/duration") == 1);
  CHECK(with("meetings/m.yaml", timed + "20}\n").count("meeting/duration") == 0);
  CHECK(with("meetings/m.yaml", kMeeting + "attendance:\n  present: [a, b, g]\n").count("meeting/uninvited") == 1);
  CHECK(with("meetings/m.yaml", kMeeting + "guests: [g]\nattendance:\n  present: [sa, b, g]\n").count("meeting/uninvited") == 0);
}

TEST_CASE("actor/mandate") {
  auto l = load({{"cls.yaml", manifest()},
                 {"actors/all.yaml", cls::testing::actors() + "- {id: e, name: E, mandate: {start: 2020-01-01, end: 2026-05-31}}\n"},
                 {"meetings/m.yaml", "id: m\nbody: copil\ndate: 2026-06-01\n"}});
  CHECK(l.count("actor/mandate") == 0);  // e is not a member
  auto members = load({{"cls.yaml", manifest() + "  - {id: b2, title: B2, members: [e]}\n"},
                       {"actors/all.yaml", cls::testing::actors() + "- {id: e, name: E, mandate: {start: 2020-01-01, end: 2026-05-31}}\n"},
                       {"meetings/m.yaml", "id: m\nbody: b2\ndate: 2026-06-01\n"},
                       {"meetings/n.yaml", "id: n\nbody: b2\ndate: 2026-05-31\n"}});
  CHECK(members.count("actor/mandate") == 1);
}

TEST_CASE("actor/absence: silent at every held meeting of the last twelve months, at least two") {
  const std::string m1 = "id: m1\nbody: copil\ndate: 2026-03-01\nattendance:\n  present: [a, b, c]\n";
  const std::string m2 = "id: m2\nbody: copil\ndate: 2026-09-01\nattendance:\n  present: [a, b]\n  excused: [c]\n";
  auto l = load({{"cls.yaml", manifest()}, {"actors/all.yaml", cls::testing::actors()},
                 {"meetings/m1.yaml", m1}, {"meetings/m2.yaml", m2}});
  REQUIRE(l.count("actor/absence") == 1);  // d, never a word; c was present once
  CHECK(l.messages().find("'d' was absent") != std::string::npos);
  auto one = load({{"cls.yaml", manifest()}, {"actors/all.yaml", cls::testing::actors()}, {"meetings/m2.yaml", m2}});
  CHECK(one.count("actor/absence") == 0);  // a single meeting says nothing
  auto old = load({{"cls.yaml", manifest()}, {"actors/all.yaml", cls::testing::actors()},
                   {"meetings/m1.yaml", m1}, {"meetings/m2.yaml", m2}}, "2027-08-01");
  CHECK(old.count("actor/absence") == 0);  // m1 is more than twelve months old
}

// --- The rules of the second edition (SPEC §8.2) -----------------------------

static const std::string kDecision = "agenda:\n  - title: T\n    decisions:\n      - text: D\n";

TEST_CASE("meeting/no-quorum: decisions at a séance that could not deliberate") {
  // 1 of 4 present, quorum 1/2: the decision is void.
  auto l = with("meetings/m.yaml", kMeeting + kDecision + "attendance:\n  present: [a]\n");
  CHECK(l.at("meeting/no-quorum") == V{"7:9"});
  CHECK(l.messages().find("second_call: m") != std::string::npos);
  CHECK(with("meetings/m.yaml", kMeeting + kDecision + "attendance:\n  present: [a, b]\n").count("meeting/no-quorum") == 0);
  CHECK(with("meetings/m.yaml", kMeeting + "agenda: [{title: T}]\nattendance:\n  present: [a]\n").count("meeting/no-quorum") == 0);
  CHECK(with("meetings/m.yaml", kMeeting + kDecision).count("meeting/no-quorum") == 0);  // not held
}

static cls::testing::Loaded calls(const std::string& second, const std::string& first_attendance = "[a]") {
  return load({{"cls.yaml", manifest() + "  - {id: other, title: Autre, members: [a]}\n"},
               {"actors/all.yaml", cls::testing::actors()},
               {"meetings/1.yaml", "id: m1\nbody: copil\ndate: 2026-03-10\nagenda: [{title: A}, {title: B}]\n"
                                   "attendance: {present: " + first_attendance + "}\n"},
               {"meetings/2.yaml", "id: m2\nbody: copil\ndate: 2026-03-24\nagenda: [{title: A}, {title: B}]\n" + second}});
}

TEST_CASE("meeting/second-call: it follows a held séance of the same body whose quorum failed") {
  CHECK(calls("second_call: m1\n").diags.errors() == 0);
  CHECK(calls("second_call: m1\n").count("meeting/second-call") == 0);
  CHECK(calls("second_call: true\n").at("meeting/second-call") == V{"5:14"});
  CHECK(calls("second_call: true\n").diags.errors() == 0);  // a warning
  CHECK(calls("second_call: m1\n", "[a, b, c]").at("meeting/second-call") == V{"5:14"});  // quorum reached
  CHECK(calls("second_call: m2\n").count("meeting/second-call") == 1);                     // itself, not before
  CHECK(calls("second_call: m0\n").count("ref/unknown") == 1);
  auto other = load({{"cls.yaml", manifest() + "  - {id: other, title: Autre, members: [a], quorum: 1}\n"},
                     {"actors/all.yaml", cls::testing::actors()},
                     {"meetings/1.yaml", "id: o1\nbody: other\ndate: 2026-03-10\nattendance: {present: []}\n"},
                     {"meetings/2.yaml", "id: m2\nbody: copil\ndate: 2026-03-24\nsecond_call: o1\n"}});
  CHECK(other.count("meeting/second-call") == 1);  // another body
  CHECK(other.messages().find("a meeting of 'other'") != std::string::npos);
  auto unheld = load({{"cls.yaml", manifest()}, {"actors/all.yaml", cls::testing::actors()},
                      {"meetings/1.yaml", "id: m1\nbody: copil\ndate: 2026-03-10\n"},
                      {"meetings/2.yaml", "id: m2\nbody: copil\ndate: 2026-03-24\nsecond_call: m1\n"}});
  CHECK(unheld.count("meeting/second-call") == 1);
  // Another agenda: a warning.
  auto agenda = load({{"cls.yaml", manifest()}, {"actors/all.yaml", cls::testing::actors()},
                      {"meetings/1.yaml", "id: m1\nbody: copil\ndate: 2026-03-10\nagenda: [{title: A}]\n"
                                          "attendance: {present: [a]}\n"},
                      {"meetings/2.yaml", "id: m2\nbody: copil\ndate: 2026-03-24\nsecond_call: m1\n"
                                          "agenda: [{title: A}, {title: C}]\n"}});
  REQUIRE(agenda.count("meeting/second-call") == 1);
  CHECK(agenda.diags.errors() == 0);
  CHECK(agenda.messages().find("item 2 is 'C' here, missing there") != std::string::npos);
}

TEST_CASE("meeting/attendance, second edition: R133-9 proxies, remote, representatives, chair, recused") {
  // a's substitute sa sits: a may not give a proxy as well.
  CHECK(with("meetings/m.yaml", kMeeting + "attendance:\n  present: [sa, b]\n  proxies: {a: b}\n")
            .at("meeting/attendance") == V{"6:13"});
  CHECK(with("meetings/m.yaml", kMeeting + "attendance:\n  present: [b, c]\n  remote: [c, d]\n")
            .at("meeting/attendance") == V{"6:15"});
  CHECK(with("meetings/m.yaml", kMeeting + "attendance:\n  present: [b, c]\n  remote: [c]\n").count("meeting/attendance") == 0);
  const std::string orgs = "- {id: o, kind: organisation, name: O}\n- {id: p, name: P}\n";
  auto reps = [&](const std::string& attendance) {
    return load({{"cls.yaml", manifest("  - {id: b2, title: B2, members: [o, a]}\n")},
                 {"actors/all.yaml", cls::testing::actors() + orgs},
                 {"meetings/m.yaml", "id: m\nbody: b2\ndate: 2026-06-01\nattendance:\n" + attendance}});
  };
  CHECK(reps("  present: [o, a]\n  representatives: {o: p}\n").count("meeting/attendance") == 0);
  CHECK(reps("  present: [o, a]\n  representatives: {o: p}\n").count("meeting/uninvited") == 0);
  CHECK(reps("  present: [o, a]\n  representatives: {o: o}\n").at("meeting/attendance") == V{"6:24"});  // not a person
  CHECK(reps("  present: [o, a]\n  representatives: {a: p}\n").at("meeting/attendance") == V{"6:21"});  // a is a person
  CHECK(reps("  present: [a]\n  representatives: {o: p}\n").at("meeting/attendance") == V{"6:21"});     // o absent
  CHECK(with("meetings/m.yaml", kMeeting + "chair: c\nsecretary: g\nattendance:\n  present: [a, b]\n")
            .at("meeting/attendance") == V{"4:8", "5:12"});
  CHECK(with("meetings/m.yaml", kMeeting + kDecision + "        recused: [c]\n        dissent: [{member: d, text: Non}]\n"
                                 "attendance:\n  present: [a, b]\n")
            .at("meeting/attendance") == V{"8:19", "9:28"});
}

TEST_CASE("meeting/vote: the recused take no part") {
  const std::string m = kMeeting + kDecision + "        recused: [b]\n        vote: ";
  const std::string att = "attendance:\n  present: [a, b, c]\n";
  CHECK(with("meetings/m.yaml", m + "{for: 2, against: 1}\n" + att).at("meeting/vote") == V{"9:15"});
  CHECK(with("meetings/m.yaml", m + "{for: 2}\n" + att).count("meeting/vote") == 0);
}

TEST_CASE("meeting/outcome: the casting vote is the chair's, and the body's majority counts") {
  const std::string m = kMeeting + kDecision + "        vote: {for: 1, against: 1}\n        outcome: adopted\n";
  CHECK(with("meetings/m.yaml", m + "attendance:\n  present: [a, b]\n", "2026-11-25", "    chair: a\n")
            .count("meeting/outcome") == 0);
  CHECK(with("meetings/m.yaml", m + "attendance:\n  present: [c, b]\n", "2026-11-25", "    chair: a\n")
            .at("meeting/outcome") == V{"9:18"});
  CHECK(with("meetings/m.yaml", m + "chair: b\nattendance:\n  present: [c, b]\n", "2026-11-25", "    chair: a\n")
            .count("meeting/outcome") == 0);  // b presided in a's place
  // majority: present, 2 for 1 against of 4 present: rejected, so `adopted` contradicts it.
  const std::string p = kMeeting + kDecision + "        vote: {for: 2, against: 1, abstain: 1}\n        outcome: ";
  const std::string four = "attendance:\n  present: [a, b, c, d]\n";
  CHECK(with("meetings/m.yaml", p + "adopted\n" + four, "2026-11-25", "    majority: present\n").at("meeting/outcome") ==
        V{"9:18"});
  CHECK(with("meetings/m.yaml", p + "rejected\n" + four, "2026-11-25", "    majority: present\n").count("meeting/outcome") == 0);
  CHECK(with("meetings/m.yaml", p + "adopted\n" + four).count("meeting/outcome") == 0);  // cast: 2 > 1
}

TEST_CASE("meeting/notice does not apply to an urgent meeting") {
  CHECK(with("meetings/m.yaml", kMeeting + "urgent: true\nconvocation: {date: 2026-05-25}\n").count("meeting/notice") == 0);
  CHECK(with("meetings/m.yaml", kMeeting + "urgent: false\nconvocation: {date: 2026-05-25}\n").count("meeting/notice") == 1);
}

TEST_CASE("body/composition: size, collèges, members outside them, substitutes where none sit") {
  const std::string colleges =
      "    size: {min: 5, max: 8}\n"
      "    colleges:\n      - {id: c1, title: Un, min: 1, max: 2}\n"
      "      - {id: pq, title: Personnalités qualifiées, min: 1, max: 1, substitutes: false}\n";
  auto l = load({{"cls.yaml", manifest(colleges)},
                 {"actors/all.yaml", "- {id: a, name: A, college: pq, substitute: sa}\n- {id: b, name: B, college: c1}\n"
                                     "- {id: c, name: C, college: c1}\n- {id: d, name: D, college: Collège des usagers}\n"
                                     "- {id: sa, name: SA}\n"}});
  // 4 members < 5; d's collège is free text; a (pq) has a substitute.
  CHECK(l.at("body/composition") == V{"1:45", "12:5", "12:24"});
  CHECK(l.diags.errors() == 0);
  auto free_text = load({{"cls.yaml", manifest()},
                         {"actors/all.yaml", "- {id: a, name: A, college: Collège des usagers}\n"}});
  CHECK(free_text.count("body/composition") == 0);  // a body without collèges: free text is fine
  auto over = load({{"cls.yaml", manifest("    colleges:\n      - {id: c1, title: Un, max: 1}\n")},
                    {"actors/all.yaml", "- {id: a, name: A, college: c1}\n- {id: b, name: B, college: c1}\n"
                                        "- {id: c, name: C, college: c1}\n- {id: d, name: D, college: c1}\n"}});
  CHECK(over.at("body/composition") == V{"16:14"});
}

TEST_CASE("actor/address: convened with no way to reach them, once per actor") {
  auto l = load({{"cls.yaml", manifest()},
                 {"actors/all.yaml", "- {id: a, name: A, email: a@example.org}\n- {id: b, name: B, address: '1 rue A'}\n"
                                     "- {id: c, name: C, organisation: o}\n- {id: o, kind: organisation, name: O, address: '2 rue B'}\n"
                                     "- {id: d, name: D}\n- {id: g, name: G}\n"},
                 {"meetings/m.yaml", "- {id: m1, body: copil, date: 2026-06-01, guests: [g]}\n"
                                     "- {id: m2, body: copil, date: 2026-07-01}\n"}});
  CHECK(l.at("actor/address") == V{"5:8", "6:8"});  // d and g; c has its organisation's address
  CHECK(l.messages().find("'d' is convened to 'm1'") != std::string::npos);
}

TEST_CASE("ref/file: attachments inside the project") {
  const std::string m = kMeeting + "agenda:\n  - title: T\n    attachments:\n      - {title: Projet, file: ";
  CHECK(with("meetings/m.yaml", m + "../secret.pdf}\n").at("ref/file") == V{"7:31"});
  CHECK(with("meetings/m.yaml", m + "/etc/passwd}\n").count("ref/file") == 1);
  CHECK(with("meetings/m.yaml", m + "documents/prs.pdf}\n").count("ref/file") == 0);  // no root: the path only
  CHECK(with("meetings/m.yaml", kMeeting + "agenda:\n  - title: T\n    attachments: [{title: Sur papier}]\n").count("ref/file") == 0);
}

TEST_CASE("date/order: minutes approved at a later meeting, closed after opened") {
  auto l = load({{"cls.yaml", manifest()}, {"actors/all.yaml", cls::testing::actors()},
                 {"meetings/1.yaml", "id: m1\nbody: copil\ndate: 2026-03-10\nminutes_approved: m0\n"
                                     "opened: '14:10'\nclosed: '14:00'\n"},
                 {"meetings/0.yaml", "id: m0\nbody: copil\ndate: 2026-01-10\n"}});
  CHECK(l.at("date/order") == V{"4:19", "6:9"});
}

TEST_CASE("check_meeting: the rules that concern one meeting") {
  auto l = load({{"cls.yaml", manifest()},
                 {"actors/all.yaml", cls::testing::actors() + "- {id: e, name: E, mandate: {start: 2020-01-01, end: 2026-01-31}}\n"},
                 {"meetings/1.yaml", "id: m1\nbody: copil\ndate: 2026-06-01\nconvocation: {date: 2026-05-30}\nguests: [e]\n"},
                 {"meetings/2.yaml", "id: m2\nbody: copil\ndate: 2026-07-01\nconvocation: {date: 2026-06-30}\n"}},
                "2026-11-25", false);
  Diagnostics d;
  check_meeting(l.project, *l.project.meeting("m1"), CheckOptions{*Date::parse("2026-11-25")}, d);
  std::vector<std::string> rules;
  for (const auto& x : d.all()) rules.push_back(x.rule + " " + l.project.files[x.loc.file]);
  std::sort(rules.begin(), rules.end());
  // m1's notice, and the addresses of those convened to it (all but e have
  // none); nothing of m2.
  CHECK(std::count(rules.begin(), rules.end(), "meeting/notice meetings/1.yaml") == 1);
  CHECK(std::count(rules.begin(), rules.end(), "meeting/notice meetings/2.yaml") == 0);
  CHECK(std::count_if(rules.begin(), rules.end(), [](const std::string& r) { return r.rfind("actor/address", 0) == 0; }) == 5);
}

TEST_CASE("action/history: entries out of date order, a last entry that is not the status") {
  auto ok = with("actions/a.yaml", kAction +
                                       "status: done\nhistory:\n  - {date: 2024-01-01, status: in-progress}\n"
                                       "  - {date: 2025-06-30, status: done, note: fini}\n");
  CHECK_MESSAGE(ok.diags.all().empty(), ok.messages());
  auto l = with("actions/a.yaml", kAction +
                                      "status: suspended\nhistory:\n  - {date: 2025-01-01, status: in-progress}\n"
                                      "  - {date: 2024-06-30, status: done}\n");
  CHECK(l.at("action/history") == V{"7:12", "7:32"});  // out of order; done is not suspended
  CHECK(with("actions/a.yaml", kAction + "history: [{date: 2024-01-01, status: fini}]\n").count("schema/enum") == 1);
  CHECK(with("actions/a.yaml", kAction + "history: [{status: done}]\n").count("schema/missing-key") == 1);
}

TEST_CASE("indicator/stale: an action in progress with no reading in stale_months") {
  const std::string ind =
      "indicators:\n  - id: i\n    label: I\n    target: 10\n    values: [{date: 2025-10-01, value: 2}]\n";
  // 2025-10-01 is within the 12 months before 2026-09-30, not before 2026-10-02.
  CHECK(with("actions/a.yaml", kAction + "status: in-progress\n" + ind, "2026-09-30").count("indicator/stale") == 0);
  CHECK(with("actions/a.yaml", kAction + "status: in-progress\n" + ind, "2026-10-02").at("indicator/stale") ==
        V{"6:9"});
  CHECK(with("actions/a.yaml", kAction + "status: done\n" + ind, "2027-10-02").count("indicator/stale") == 0);
  // stale_months in cls.yaml
  auto l = load({{"cls.yaml", manifest() + "stale_months: 6\n"},
                 {"actions/a.yaml", kAction + "status: in-progress\n" + ind}},
                "2026-05-01");
  CHECK(l.count("indicator/stale") == 1);
}

TEST_CASE("themes: ref/unknown against the project's themes; INSEE codes checked") {
  auto l = load({{"cls.yaml", manifest() + "themes: [{id: prs.prev, title: Prévention}]\n"
                                           "communes: [\"54528\", \"2A004\", 54150]\npopulation: 1200\n"},
                 {"actors/all.yaml", cls::testing::actors()},
                 {"actions/a.yaml", kAction + "themes: [prs.prev, prs.prevu]\n"}});
  CHECK(l.at("ref/unknown") == V{"4:20"});
  CHECK(l.messages().find("did you mean 'prs.prev'?") != std::string::npos);
  CHECK(l.count("schema/type") == 0);
  REQUIRE(l.project.manifest.communes.size() == 3);
  CHECK(*l.project.manifest.population == 1200);
  for (const char* bad : {"\"5452\"", "\"2C004\"", "\"3A004\"", "\"54 28\"", "[54528]"}) {
    CAPTURE(bad);
    auto b = load({{"cls.yaml", manifest() + "communes: [" + bad + "]\n"}});
    CHECK(b.count("schema/type") == 1);
  }
  // Alone, a project that declares no themes leaves its actions' to the region.
  CHECK(with("actions/a.yaml", kAction + "themes: [prs.x]\n").count("ref/unknown") == 0);
}
