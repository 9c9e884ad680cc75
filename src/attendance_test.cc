// SPDX-License-Identifier: EUPL-1.2
#include "cls/attendance.h"

#include <doctest/doctest.h>

#include "test_project.h"

using namespace cls;
using cls::testing::with;

static MeetingCount count_of(const std::string& attendance, const std::string& extra = "") {
  auto l = with("meetings/m.yaml", "id: m\nbody: copil\ndate: 2026-06-01\n" + extra + attendance);
  REQUIRE(l.project.meetings.size() == 1);
  return count_meeting(l.project, l.project.meetings[0]);
}

TEST_CASE("present, substitute, proxy, excused and absent are exclusive and counted") {
  // a is away but its substitute sa sits; b present; c gave a proxy to b; d excused.
  const auto c = count_of("attendance:\n  present: [sa, b, g]\n  excused: [d, c]\n  proxies: {c: b}\n",
                          "guests: [g]\n");
  CHECK(c.total == 4);
  CHECK(c.present == 1);
  CHECK(c.substituted == 1);
  CHECK(c.by_proxy == 1);
  CHECK(c.excused == 1);
  CHECK(c.absent == 0);
  CHECK(c.present_or_represented() == 3);
  CHECK(c.substitutes_sitting == std::vector<std::string>{"sa"});
  CHECK(c.guests_present == std::vector<std::string>{"g"});
  REQUIRE(c.members.size() == 4);
  CHECK(c.members[0].presence == Presence::substituted);
  CHECK(c.members[0].by == "sa");
  CHECK(c.members[2].presence == Presence::proxy);
  CHECK(c.members[2].by == "b");
  CHECK(c.members[2].excused);  // excused and represented: counted as represented
  CHECK(c.members[3].presence == Presence::excused);
}

TEST_CASE("a proxy held by someone absent does not represent") {
  const auto c = count_of("attendance:\n  present: [a]\n  proxies: {c: b}\n");
  CHECK(c.by_proxy == 0);
  CHECK(c.absent == 3);
}

static Quorum q(std::string_view text) {
  const auto parsed = parse_quorum(text);
  REQUIRE_MESSAGE(parsed.has_value(), text);
  return *parsed;
}

TEST_CASE("quorum: fractions, decimals and percentages are exact rationals") {
  for (std::string_view half : {"1/2", "0.5", ".5", "50%", "50 %", " 1 / 2 ", "2/4", "0.50", "50.0%"}) {
    CHECK_MESSAGE(q(half).num == 1, half);
    CHECK_MESSAGE(q(half).den == 2, half);
  }
  CHECK(q("2/3").num == 2);
  CHECK(q("2/3").den == 3);
  CHECK(q("33.5%").num == 67);
  CHECK(q("33.5%").den == 200);
  CHECK(q("1").num == 1);
  CHECK(q("1").den == 1);
  CHECK(q("100%").den == 1);
  CHECK(q("1/2").text == "1/2");  // as written, for messages
  for (std::string_view bad : {"", "0", "0%", "0/3", "3/2", "1.5", "150%", "1/0", "-1/2", "1e-1", "abc",
                               "1/2/3", "50%%", "0.0000000001", "1/1000000001", "inf", "nan", "½"}) {
    CHECK_FALSE_MESSAGE(parse_quorum(bad).has_value(), bad);
  }
}

TEST_CASE("quorum: the smallest number of members present or represented that reaches it") {
  CHECK(quorum_needed(q("1/2"), 30) == 15);
  CHECK(quorum_needed(q("1/2"), 31) == 16);
  CHECK(quorum_needed(q("1/3"), 30) == 10);
  CHECK(quorum_needed(q("1/3"), 10) == 4);
  CHECK(quorum_needed(q("2/3"), 30) == 20);
  CHECK(quorum_needed(q("2/3"), 31) == 21);  // 20.67 → 21
  CHECK(quorum_needed(q("2/3"), 9) == 6);
  CHECK(quorum_needed(q("0.3"), 10) == 3);
  // In binary floating point 0.07 × 100 is 7.000000000000001, whose ceiling is 8.
  CHECK(quorum_needed(q("0.07"), 100) == 7);
  CHECK(quorum_needed(q("7%"), 100) == 7);
  CHECK(quorum_needed(q("0.14"), 50) == 7);
  CHECK(quorum_needed(q("0.7"), 10) == 7);
  CHECK(quorum_needed(q("60%"), 20) == 12);
  CHECK(quorum_needed(q("33.5%"), 200) == 67);
  CHECK(quorum_needed(q("33.5%"), 201) == 68);  // 67.335 → 68
  CHECK(quorum_needed(q("1"), 8) == 8);
  CHECK(quorum_needed(q("1/2"), 0) == 0);
  CHECK(quorum_needed(q("1/2"), 1) == 1);
  auto reached = count_of("attendance:\n  present: [a]\n  proxies: {b: a}\n");
  CHECK(reached.quorum_needed == 2);
  REQUIRE(reached.quorum.has_value());
  CHECK(reached.quorum->den == 2);
  CHECK(reached.quorum_reached());
  auto missed = count_of("attendance:\n  present: [a]\n");
  CHECK_FALSE(missed.quorum_reached());
  auto second = count_of("attendance:\n  present: [a]\n", "second_call: true\n");
  CHECK_FALSE(second.quorum_needed.has_value());
  CHECK(second.quorum_reached());
}

static Decision decision(int f, int a, int ab, std::optional<Outcome> written = std::nullopt) {
  Decision d;
  d.vote = Vote{f, a, ab, {}};
  d.outcome.set_or_reset(written);
  return d;
}

static VoteBasis cast(int voters) { return VoteBasis{Majority::cast, voters, true}; }
static VoteBasis present(int voters) { return VoteBasis{Majority::present, voters, true}; }

TEST_CASE("outcome of a decision") {
  CHECK(decide(decision(12, 2, 1), cast(15)).outcome == Outcome::adopted);
  CHECK_FALSE(decide(decision(12, 2, 1), cast(15)).unanimous);
  CHECK(decide(decision(3, 5, 0), cast(8)).outcome == Outcome::rejected);
  const auto tie = decide(decision(4, 4, 1), cast(9));
  CHECK(tie.tie);
  CHECK_FALSE(tie.outcome.has_value());
  CHECK(decide(decision(4, 4, 1, Outcome::adopted), cast(9)).outcome == Outcome::adopted);  // casting vote
  CHECK(decide(decision(5, 1, 0, Outcome::rejected), cast(6)).contradicts_vote);
  CHECK(decide(decision(15, 0, 0), cast(15)).unanimous);
  CHECK_FALSE(decide(decision(14, 0, 0), cast(15)).unanimous);  // someone did not vote
  CHECK_FALSE(decide(decision(14, 0, 1), cast(15)).unanimous);  // an abstention breaks unanimity
  Decision no_vote;
  CHECK(decide(no_vote, cast(10)).outcome == Outcome::adopted);
  no_vote.outcome.set(Outcome::rejected);
  CHECK(decide(no_vote, cast(10)).outcome == Outcome::rejected);
}

// --- convened(): who receives a convocation ----------------------------------

TEST_CASE("the convened are the body's members, then the guests, each once") {
  auto l = with("meetings/m.yaml",
                "id: m\nbody: copil\ndate: 2026-06-01\nguests: [g, b, sa]\n");
  REQUIRE(l.project.meetings.size() == 1);
  // b is both a member and a guest: convened once, as a member; the substitute
  // sa is convened only because the meeting invites them.
  CHECK(convened(l.project, l.project.meetings[0]) ==
        std::vector<std::string>{"a", "b", "c", "d", "g", "sa"});
  auto none = with("meetings/m.yaml", "id: m\nbody: copil\ndate: 2026-06-01\n");
  CHECK(convened(none.project, none.project.meetings[0]) ==
        std::vector<std::string>{"a", "b", "c", "d"});
}

// --- The second edition (SPEC §8): majority, recusal, casting vote, remote,
// bodies and collèges without substitutes ----------------------------------

TEST_CASE("majority: present counts for against the members present or represented") {
  // 8 for, 5 against, 7 abstain of 20: cast adopts (8 > 5); present does not
  // (8 is not more than half of 20).
  CHECK(decide(decision(8, 5, 7), cast(20)).outcome == Outcome::adopted);
  CHECK(decide(decision(8, 5, 7), present(20)).outcome == Outcome::rejected);
  CHECK(decide(decision(11, 5, 4), present(20)).outcome == Outcome::adopted);
  CHECK(decide(decision(10, 0, 0), present(20)).outcome == Outcome::rejected);  // half is no majority
  CHECK(decide(decision(10, 0, 0), present(19)).outcome == Outcome::adopted);
  // A partage égal: every voter voted, as many for as against.
  const auto tie = decide(decision(10, 10, 0), present(20));
  CHECK(tie.tie);
  CHECK_FALSE(tie.outcome.has_value());
  const auto chair = decide(decision(10, 10, 0, Outcome::adopted), present(20));
  CHECK(chair.outcome == Outcome::adopted);
  CHECK(chair.casting_vote);
  // Equal with abstentions is below half: rejected, no tie, no casting vote.
  const auto short_of = decide(decision(4, 4, 2), present(10));
  CHECK_FALSE(short_of.tie);
  CHECK(short_of.outcome == Outcome::rejected);
  CHECK(decide(decision(4, 4, 2, Outcome::adopted), present(10)).contradicts_vote);
  CHECK(decide(decision(8, 5, 7, Outcome::adopted), present(20)).contradicts_vote);
  CHECK(decide(decision(20, 0, 0), present(20)).unanimous);
}

static cls::testing::Loaded cycle(const std::string& meeting, const std::string& body_extra = "",
                                  const std::string& actors_extra = "") {
  return cls::testing::load({{"cls.yaml", cls::testing::manifest(body_extra)},
                             {"actors/all.yaml", cls::testing::actors() + actors_extra},
                             {"meetings/m.yaml", "id: m\nbody: copil\ndate: 2026-06-01\n" + meeting}});
}

TEST_CASE("the recused take no part: the voters are fewer, the chair who is recused has no casting vote") {
  // copil: a (substitute sa), b, c, d; chair b.
  const std::string vote = "agenda:\n  - title: T\n    decisions:\n      - text: D\n        recused: ";
  auto l = cycle(vote + "[c, sa]\n        vote: {for: 1, against: 1}\nattendance:\n  present: [sa, b, c, d]\n",
                 "    chair: b\n");
  const Meeting& m = l.project.meetings[0];
  const MeetingCount count = count_meeting(l.project, m);
  CHECK(count.present_or_represented() == 4);
  const VoteBasis basis = vote_basis(l.project, m, count, m.agenda[0].decisions[0]);
  CHECK(basis.voters == 2);  // c and sa (sitting for a) are recused
  CHECK(basis.chair_decides);
  auto recused_chair = cycle(vote + "[b]\n        vote: {for: 1, against: 1}\nattendance:\n  present: [a, b, c]\n",
                             "    chair: b\n");
  const Meeting& m2 = recused_chair.project.meetings[0];
  const VoteBasis b2 = vote_basis(recused_chair.project, m2, count_meeting(recused_chair.project, m2),
                                  m2.agenda[0].decisions[0]);
  CHECK(b2.voters == 2);
  CHECK_FALSE(b2.chair_decides);
  // A recused guest or someone absent takes no voter away.
  auto guest = cycle(vote + "[g, d]\nguests: [g]\nattendance:\n  present: [a, b, g]\n");
  const Meeting& m3 = guest.project.meetings[0];
  CHECK(vote_basis(guest.project, m3, count_meeting(guest.project, m3), m3.agenda[0].decisions[0]).voters == 2);
}

TEST_CASE("who presides: the meeting's chair, else the body's; whether they sat") {
  auto body_chair = cycle("attendance:\n  present: [a, b]\n", "    chair: b\n");
  REQUIRE(presiding(body_chair.project, body_chair.project.meetings[0]) != nullptr);
  CHECK(presiding(body_chair.project, body_chair.project.meetings[0])->id == "b");
  CHECK(chair_sat(body_chair.project, body_chair.project.meetings[0]));
  auto absent = cycle("attendance:\n  present: [a, c]\n", "    chair: b\n");
  CHECK_FALSE(chair_sat(absent.project, absent.project.meetings[0]));
  auto vice = cycle("chair: c\nattendance:\n  present: [a, c]\n", "    chair: b\n");
  CHECK(presiding(vice.project, vice.project.meetings[0])->id == "c");
  CHECK(chair_sat(vice.project, vice.project.meetings[0]));
  auto none = cycle("attendance:\n  present: [a]\n");
  CHECK(presiding(none.project, none.project.meetings[0]) == nullptr);
  CHECK_FALSE(chair_sat(none.project, none.project.meetings[0]));
}

TEST_CASE("remote members count as present") {
  const auto c = count_of("attendance:\n  present: [a, b, c]\n  remote: [b, c]\n");
  CHECK(c.present == 3);
  CHECK(c.remote == 2);
  CHECK(c.members[1].remote);
  CHECK_FALSE(c.members[0].remote);
  CHECK(c.quorum_reached());
}

TEST_CASE("substitutes do not sit in a body or a collège without them") {
  // a's substitute sa sits in copil; not once copil has substitutes: false.
  auto sits = cycle("attendance:\n  present: [sa, b]\n");
  CHECK(count_meeting(sits.project, sits.project.meetings[0]).substituted == 1);
  auto bureau = cycle("attendance:\n  present: [sa, b]\n", "    substitutes: false\n");
  const MeetingCount bc = count_meeting(bureau.project, bureau.project.meetings[0]);
  CHECK(bc.substituted == 0);
  CHECK(bc.absent == 3);
  CHECK(bc.guests_present == std::vector<std::string>{"sa"});
  // a in collège pq, which has no substitutes; a free-text college matches none.
  const std::string colleges =
      "    colleges:\n      - {id: c1, title: Un}\n      - {id: pq, title: Personnalités qualifiées, substitutes: false}\n";
  auto pq = cycle("attendance:\n  present: [sa, b]\n", colleges);
  Actor a = *pq.project.actor("a");
  const Body& body = *pq.project.body("copil");
  CHECK(sitting_substitute(body, a) != nullptr);  // a has no college yet
  a.college.set("pq");
  REQUIRE(college_of(body, a) != nullptr);
  CHECK(college_of(body, a)->id == "pq");
  CHECK(sitting_substitute(body, a) == nullptr);
  a.college.set("Collège des usagers");
  CHECK(college_of(body, a) == nullptr);
  CHECK(sitting_substitute(body, a) != nullptr);
}

// The CTS's bilan annuel (SPEC §8.4): three séances of a body of five
// members in two collèges, the tallies checked against counts made by hand.
TEST_CASE("attendance over a year: per member and per collège, against counts made by hand") {
  const std::string manifest =
      "id: t\ntitle: CTS\nkind: cts\n"
      "bodies:\n  - id: pl\n    title: Assemblée plénière\n    members: [a, b, c, d, e]\n    quorum: 1/2\n"
      "    colleges:\n      - {id: c1, title: Collège 1}\n      - {id: c2, title: Collège 2}\n";
  const std::string actors =
      "- {id: a, name: A, college: c1, substitute: sa}\n- {id: b, name: B, college: c1}\n"
      "- {id: c, name: C, college: c2}\n- {id: d, name: D, college: c2}\n- {id: e, name: E, college: c2}\n"
      "- {id: sa, name: SA}\n";
  // Séance 1: a, b, c present; d proxy to c; e excused.
  // Séance 2: sa sits for a; b present; c excused; d absent (no word); e present.
  // Séance 3: a present; b gave a proxy to a; c present; d present; e absent.
  const auto l = cls::testing::load(
      {{"cls.yaml", manifest},
       {"actors/all.yaml", actors},
       {"meetings/1.yaml", "id: s1\nbody: pl\ndate: 2026-03-01\nattendance:\n  present: [a, b, c]\n"
                           "  proxies: {d: c}\n  excused: [e]\n"},
       {"meetings/2.yaml", "id: s2\nbody: pl\ndate: 2026-06-01\nattendance:\n  present: [sa, b, e]\n  excused: [c]\n"},
       {"meetings/3.yaml", "id: s3\nbody: pl\ndate: 2026-10-01\nattendance:\n  present: [a, c, d]\n  proxies: {b: a}\n"},
       {"meetings/4.yaml", "id: s4\nbody: pl\ndate: 2026-12-01\n"}});  // not held: not counted
  REQUIRE(l.diags.errors() == 0);
  std::vector<const Meeting*> meetings;
  for (const Meeting& m : l.project.meetings) meetings.push_back(&m);
  const Body& body = *l.project.body("pl");
  const auto members = tally_attendance(l.project, body, meetings);
  REQUIRE(members.size() == 5);
  // By hand:        séances present substituted proxy excused absent
  //  a               3       2       1           0     0       0
  //  b               3       2       0           1     0       0
  //  c               3       2       0           0     1       0
  //  d               3       1       0           1     0       1
  //  e               3       1       0           0     1       1
  struct Want { const char* id; int present, substituted, proxy, excused, absent; };
  const Want want[] = {{"a", 2, 1, 0, 0, 0}, {"b", 2, 0, 1, 0, 0}, {"c", 2, 0, 0, 1, 0},
                       {"d", 1, 0, 1, 0, 1}, {"e", 1, 0, 0, 1, 1}};
  for (std::size_t i = 0; i < 5; ++i) {
    CAPTURE(want[i].id);
    const AttendanceTally& t = members[i].tally;
    CHECK(members[i].id == want[i].id);
    CHECK(t.meetings == 3);
    CHECK(t.present == want[i].present);
    CHECK(t.substituted == want[i].substituted);
    CHECK(t.by_proxy == want[i].proxy);
    CHECK(t.excused == want[i].excused);
    CHECK(t.absent == want[i].absent);
  }
  CHECK(*members[0].tally.rate() == doctest::Approx(1.0));        // 3 of 3
  CHECK(*members[0].tally.presence_rate() == doctest::Approx(2.0 / 3));
  CHECK(*members[3].tally.rate() == doctest::Approx(2.0 / 3));    // d: 1 present + 1 proxy of 3
  CHECK(*members[4].tally.rate() == doctest::Approx(1.0 / 3));    // e: 1 of 3
  // Collège 1 (a, b): 6 member-séances, 4 present, 1 substituted, 1 proxy: 6 of 6.
  // Collège 2 (c, d, e): 9, 4 present, 0, 1 proxy, 2 excused, 2 absent: 5 of 9.
  const auto colleges = tally_by_college(l.project, body, members);
  REQUIRE(colleges.size() == 2);
  CHECK(colleges[0].college->id == "c1");
  CHECK(colleges[0].total.meetings == 6);
  CHECK(colleges[0].total.present == 4);
  CHECK(colleges[0].total.substituted == 1);
  CHECK(colleges[0].total.by_proxy == 1);
  CHECK(*colleges[0].total.rate() == doctest::Approx(1.0));
  CHECK(colleges[1].total.meetings == 9);
  CHECK(colleges[1].total.present == 4);
  CHECK(colleges[1].total.by_proxy == 1);
  CHECK(colleges[1].total.excused == 2);
  CHECK(colleges[1].total.absent == 2);
  CHECK(*colleges[1].total.rate() == doctest::Approx(5.0 / 9));
  CHECK_FALSE(AttendanceTally{}.rate());
}
