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
