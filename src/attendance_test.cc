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

TEST_CASE("outcome of a decision") {
  CHECK(decide(decision(12, 2, 1), 15).outcome == Outcome::adopted);
  CHECK_FALSE(decide(decision(12, 2, 1), 15).unanimous);
  CHECK(decide(decision(3, 5, 0), 8).outcome == Outcome::rejected);
  const auto tie = decide(decision(4, 4, 1), 9);
  CHECK(tie.tie);
  CHECK_FALSE(tie.outcome.has_value());
  CHECK(decide(decision(4, 4, 1, Outcome::adopted), 9).outcome == Outcome::adopted);  // casting vote
  CHECK(decide(decision(5, 1, 0, Outcome::rejected), 6).contradicts_vote);
  CHECK(decide(decision(15, 0, 0), 15).unanimous);
  CHECK_FALSE(decide(decision(14, 0, 0), 15).unanimous);  // someone did not vote
  CHECK_FALSE(decide(decision(14, 0, 1), 15).unanimous);  // an abstention breaks unanimity
  Decision no_vote;
  CHECK(decide(no_vote, 10).outcome == Outcome::adopted);
  no_vote.outcome.set(Outcome::rejected);
  CHECK(decide(no_vote, 10).outcome == Outcome::rejected);
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
