// SPDX-License-Identifier: EUPL-1.2
#include "cls/rollup.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cls/load.h"
#include "cls/report.h"
#include "test_project.h"

using namespace cls;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

// A project from YAML held in memory; the files must load without error.
Project load(std::vector<SourceFile> files) {
  Diagnostics diags;
  Project p = load_project(std::move(files), diags);
  if (diags.has_errors()) {
    for (const auto& diag : diags.all()) MESSAGE(diag.message);
  }
  REQUIRE_FALSE(diags.has_errors());
  return p;
}

// Two axes: "a" with objectives a.1 (weight 3) and a.2, and "b" with b.1 (no action).
const char* kManifest = R"(id: t
title: Test
axes:
  - id: a
    title: Axe A
    objectives:
      - {id: a.1, title: Un, weight: 3}
      - {id: a.2, title: Deux}
  - id: b
    title: Axe B
    objectives:
      - {id: b.1, title: Sans action}
)";

const char* kFunders = "- {id: f1, kind: organisation, name: F1}\n- {id: f2, kind: organisation, name: F2}\n";

const ActionRollup& action(const Rollup& r, const char* id) {
  const ActionRollup* a = r.find_action(id);
  REQUIRE(a != nullptr);
  return *a;
}

}  // namespace

TEST_CASE("levels: the latest reading counts, and on a same date the last one in the file") {
  Indicator ind;
  ind.baseline.set(0);
  ind.target.set(20);
  auto reading = [](const char* date, double v) {
    Reading r;
    r.date.set(*Date::parse(date));
    r.value.set(v);
    return r;
  };
  ind.values = {reading("2024-06-30", 6), reading("2024-12-31", 11), reading("2024-12-31", 9),
                reading("2024-03-01", 2)};
  std::optional<Date> when;
  CHECK(indicator_current(ind, d("2025-01-01"), &when) == 9.0);  // tie: the later in the file
  CHECK(when == d("2024-12-31"));
  CHECK(indicator_current(ind, d("2024-12-30")) == 6.0);  // only what is dated on or before
  CHECK(indicator_current(ind, d("2024-06-30")) == 6.0);  // on the date itself counts
  CHECK(indicator_current(ind, d("2024-04-01")) == 2.0);  // out of file order: by date
  CHECK_FALSE(indicator_current(ind, d("2024-02-29"), &when).has_value());  // no reading: unknown
  CHECK_FALSE(when.has_value());
}

TEST_CASE("increments: baseline plus the sum of the readings up to the date") {
  Indicator ind;
  ind.baseline.set(10);
  ind.target.set(40);
  ind.accumulate.set(true);
  for (auto [date, v] : {std::pair{"2024-01-10", 5.0}, {"2024-06-30", 7.0}, {"2025-01-10", 3.0}}) {
    Reading r;
    r.date.set(*Date::parse(date));
    r.value.set(v);
    ind.values.push_back(r);
  }
  CHECK(indicator_current(ind, d("2024-12-31")) == 22.0);
  CHECK(indicator_current(ind, d("2025-12-31")) == 25.0);
  CHECK_FALSE(indicator_current(ind, d("2023-12-31")).has_value());  // not the baseline: unknown
  CHECK(*indicator_progress(10, 40, 25.0) == doctest::Approx(0.5));
}

TEST_CASE("progress: clamped to [0, 1], a target below the baseline is a decrease") {
  CHECK(*indicator_progress(0, 20, 5.0) == doctest::Approx(0.25));
  CHECK(*indicator_progress(0, 20, 30.0) == 1.0);   // beyond the target
  CHECK(*indicator_progress(0, 20, -4.0) == 0.0);   // below the baseline
  CHECK(*indicator_progress(41, 30, 36.0) == doctest::Approx(5.0 / 11.0));  // a decrease
  CHECK(*indicator_progress(14.2, 10, 14.6) == 0.0);  // going the wrong way
  CHECK(*indicator_progress(14.2, 10, 9.0) == 1.0);   // beyond a decreasing target
  CHECK_FALSE(indicator_progress(0, 20, std::nullopt).has_value());
  CHECK_FALSE(indicator_progress(5, 5, 5.0).has_value());  // no division by zero, no NaN
}

TEST_CASE("roll-up from indicators to the plan, with weights and coverage") {
  Project p = load({
      {"cls.yaml", kManifest},
      {"actions/x.yaml", R"(
- id: X1
  title: Pondérée
  objective: a.1
  status: in-progress
  weight: 2
  due: 2026-12-31
  indicators:
    # 10/20 = 0.5, weight 1
    - {id: i1, label: L1, target: 20, values: [{date: 2026-01-01, value: 10}]}
    # decreasing 40 -> 20, current 25: 15/20 = 0.75, weight 3
    - {id: i2, label: L2, baseline: 40, target: 20, weight: 3, values: [{date: 2026-01-01, value: 25}]}
    # no reading: left out of the mean, counted in the coverage
    - {id: i3, label: L3, target: 5}
- id: X2
  title: Réalisée sans relevé
  objective: a.1
  status: done
  indicators:
    - {id: i1, label: L1, target: 10}
- id: X3
  title: Abandonnée
  objective: a.1
  status: abandoned
  due: 2020-01-01
  budget: {planned: 1000, spent: 250.25, funding: [{funder: f1, amount: 250.25}]}
  indicators:
    - {id: i1, label: L1, target: 10, values: [{date: 2025-01-01, value: 10}]}
- id: X4
  title: Inconnue
  objective: a.2
  status: planned
  due: 2026-06-30
  budget: {planned: 100.10, spent: 0.20, funding: [{funder: f2, amount: 60}, {funder: f1, amount: 40.10}]}
- id: X5
  title: Suspendue
  objective: a.2
  status: suspended
  due: 2026-03-01
  budget: {planned: 12000, spent: 4500.5, funding: [{funder: f1, amount: 8000}]}
)"},
      {"actors/f.yaml", kFunders},
  });
  const Rollup r = compute_rollup(p, d("2026-11-30"));
  REQUIRE(r.actions.size() == 5);

  const ActionRollup& x1 = action(r, "X1");
  CHECK(*x1.progress == doctest::Approx((0.5 * 1 + 0.75 * 3) / 4));  // 0.6875
  CHECK(x1.coverage.known == 2);
  CHECK(x1.coverage.total == 3);
  CHECK_FALSE(x1.late);  // due after the date
  CHECK(rollup_indicators(*x1.action, r.as_of)[1].decreasing());

  const ActionRollup& x2 = action(r, "X2");
  CHECK(*x2.progress == 1.0);  // done is done, whatever the readings say
  CHECK(x2.coverage.known == 0);

  const ActionRollup& x3 = action(r, "X3");
  CHECK_FALSE(x3.progress.has_value());  // abandoned: out of every roll-up
  CHECK_FALSE(x3.late);                  // and never late
  CHECK(*rollup_indicators(*x3.action, r.as_of)[0].progress == 1.0);  // its indicators are still shown
  REQUIRE(r.abandoned.size() == 1);
  CHECK(r.actions[r.abandoned[0]].action->id == "X3");

  const ActionRollup& x4 = action(r, "X4");
  CHECK_FALSE(x4.progress.has_value());  // no indicator: unknown
  CHECK(x4.late);
  CHECK(action(r, "X5").late);
  REQUIRE(r.late.size() == 2);  // by due date
  CHECK(r.actions[r.late[0]].action->id == "X5");
  CHECK(r.actions[r.late[1]].action->id == "X4");

  // a.1: X1 (weight 2, 0.6875) and X2 (weight 1, 1.0); X3 does not take part.
  const ObjectiveRollup& a1 = r.axes[0].objectives[0];
  CHECK(*a1.progress == doctest::Approx((0.6875 * 2 + 1.0) / 3));
  CHECK(a1.coverage.known == 2);
  CHECK(a1.coverage.total == 2);
  CHECK(a1.actions.size() == 2);
  CHECK(a1.status_counts[Status::abandoned] == 1);
  CHECK(a1.status_counts[Status::done] == 1);

  // a.2: every action unknown.
  const ObjectiveRollup& a2 = r.axes[0].objectives[1];
  CHECK_FALSE(a2.progress.has_value());
  CHECK(a2.coverage.known == 0);
  CHECK(a2.coverage.total == 2);

  // Axis a: a.1 known (weight 3), a.2 unknown and left out: the axis is a.1.
  CHECK(*r.axes[0].progress == doctest::Approx(*a1.progress));
  CHECK(r.axes[0].coverage.known == 1);
  CHECK(r.axes[0].coverage.total == 2);

  // Axis b: its objective has no action; it takes part, unknown.
  CHECK(r.axes[1].objectives[0].coverage.total == 0);
  CHECK_FALSE(r.axes[1].objectives[0].progress.has_value());
  CHECK_FALSE(r.axes[1].progress.has_value());
  CHECK(r.axes[1].coverage.known == 0);
  CHECK(r.axes[1].coverage.total == 1);

  // The plan: mean of the known axes.
  CHECK(*r.progress == doctest::Approx(*r.axes[0].progress));
  CHECK(r.coverage.known == 1);
  CHECK(r.coverage.total == 2);

  // Budget in exact cents, abandoned actions left out.
  CHECK(r.budget.planned.cents == 1210010);
  CHECK(r.budget.spent.cents == 450070);
  CHECK(r.budget.by_funder.at("f1").cents == 804010);
  CHECK(r.budget.by_funder.at("f2").cents == 6000);
  CHECK(r.budget.funded().cents == 810010);
  CHECK(r.axes[0].objectives[1].budget.planned.cents == 1210010);
  CHECK(r.axes[0].objectives[0].budget.planned.cents == 0);
  CHECK(r.axes[1].budget.by_funder.empty());
  CHECK(r.status_counts.total() == 5);
}

TEST_CASE("the date moves everything: readings, lateness and the plan") {
  Project p = load({
      {"cls.yaml", kManifest},
      {"actions/x.yaml", R"(
id: X1
title: Une
objective: b.1
due: 2025-06-30
indicators:
  - {id: i, label: L, target: 4, accumulate: true, values: [{date: 2025-01-01, value: 1}, {date: 2026-01-01, value: 1}]}
)"},
  });
  const Rollup r2025 = compute_rollup(p, d("2025-06-30"));
  CHECK(*r2025.actions[0].progress == doctest::Approx(0.25));
  CHECK_FALSE(r2025.actions[0].late);  // due on the date itself is not late yet
  CHECK(*r2025.progress == doctest::Approx(0.25));  // only axis b is known
  CHECK(r2025.coverage.known == 1);

  const Rollup r2026 = compute_rollup(p, d("2026-12-31"));
  CHECK(*r2026.actions[0].progress == doctest::Approx(0.5));
  CHECK(r2026.actions[0].late);

  const Rollup r2024 = compute_rollup(p, d("2024-12-31"));
  CHECK_FALSE(r2024.actions[0].progress.has_value());
  CHECK_FALSE(r2024.progress.has_value());
  CHECK(r2024.coverage.known == 0);
  CHECK(r2024.coverage.total == 2);
}

TEST_CASE("zero weights: left out of the mean; all zero gives unknown") {
  Project p = load({
      {"cls.yaml", kManifest},
      {"actions/x.yaml", R"(
- id: X1
  title: Poids nul
  objective: a.2
  weight: 0
  indicators:
    - {id: i, label: L, target: 10, values: [{date: 2025-01-01, value: 10}]}
- id: X2
  title: Indicateur de poids nul
  objective: a.2
  indicators:
    - {id: i, label: L, target: 10, weight: 0, values: [{date: 2025-01-01, value: 5}]}
    - {id: j, label: M, target: 10, values: [{date: 2025-01-01, value: 2}]}
)"},
  });
  const Rollup r = compute_rollup(p, d("2026-01-01"));
  CHECK(*r.actions[1].progress == doctest::Approx(0.2));
  CHECK(*r.axes[0].objectives[1].progress == doctest::Approx(0.2));  // X1 weighs nothing
  CHECK(r.axes[0].objectives[1].coverage.known == 2);
}

TEST_CASE("the plan is the plain mean of its axes; budgets add up per axis and funder") {
  // Axis a: a.1 (weight 3) at 0.2 and a.2 at 1.0 → (3 × 0.2 + 1.0) / 4 = 0.4.
  // Axis b: b.1 at 1.0. Plan: (0.4 + 1.0) / 2 = 0.7 — not 0.52 (objectives
  // weighted across axes) nor 0.7333 (objectives in one plain mean).
  Project p = load({
      {"cls.yaml", kManifest},
      {"actions/x.yaml", R"(
- id: A1
  title: Un
  objective: a.1
  budget: {planned: 0.10, spent: 0.05, funding: [{funder: f1, amount: 0.10}]}
  indicators:
    - {id: i, label: L, target: 10, values: [{date: 2025-01-01, value: 2}]}
- id: A2
  title: Deux
  objective: a.2
  status: done
  budget: {planned: 0.20, spent: 0.05, funding: [{funder: f1, amount: 0.20}, {funder: f2, amount: 0.01}]}
- id: B1
  title: Trois
  objective: b.1
  status: done
  budget: {planned: 1000000.01, funding: [{funder: f2, amount: 999999.99}]}
)"},
      {"actors/f.yaml", kFunders},
  });
  const Rollup r = compute_rollup(p, d("2026-01-01"));
  CHECK(*r.axes[0].objectives[0].progress == doctest::Approx(0.2));
  CHECK(*r.axes[0].progress == doctest::Approx(0.4));
  CHECK(*r.axes[1].progress == doctest::Approx(1.0));
  CHECK(*r.progress == doctest::Approx(0.7));
  CHECK(r.coverage.known == 2);
  CHECK(r.coverage.total == 2);

  // Cents add exactly: 0.10 + 0.20 is 30 cents, not 0.30000000000000004 €.
  CHECK(r.axes[0].budget.planned.cents == 30);
  CHECK(r.axes[0].budget.spent.cents == 10);
  CHECK(r.axes[0].budget.by_funder.at("f1").cents == 30);
  CHECK(r.axes[0].budget.by_funder.at("f2").cents == 1);
  CHECK(r.axes[1].budget.by_funder.at("f2").cents == 99999999);
  CHECK(r.axes[1].budget.by_funder.count("f1") == 0);
  CHECK(r.budget.planned.cents == 100000031);
  CHECK(r.budget.by_funder.at("f2").cents == 100000000);
  CHECK(r.budget.funded().cents == 100000030);
}

TEST_CASE("the status as of a date follows the history (SPEC §11.1)") {
  auto l = cls::testing::load(
      {{"cls.yaml", cls::testing::manifest()},
       {"actions/a.yaml",
        "id: A\ntitle: A\nobjective: ob\nstatus: done\ndue: 2025-12-31\n"
        "history:\n  - {date: 2024-03-01, status: in-progress}\n  - {date: 2025-06-30, status: done}\n"
        "indicators: [{id: i, label: I, target: 10, values: [{date: 2024-06-30, value: 5}]}]\n"
        "budget:\n  planned: 100\n  spent:\n    - {date: 2024-05-01, amount: 10.10}\n"
        "    - {date: 2025-05-01, amount: 20.25}\n"
        "  funding:\n    - {funder: a, amount: 50}\n    - {funder: b, amount: 30, status: requested}\n"
        "    - {funder: c, amount: 5.5, year: 2025, status: paid}\n"}},
      "2026-11-25", false);
  const Action& a = l.project.actions.at(0);
  CHECK(a.status_as_of(*Date::parse("2024-02-29")) == Status::planned);
  CHECK(a.status_as_of(*Date::parse("2024-03-01")) == Status::in_progress);
  CHECK(a.status_as_of(*Date::parse("2025-06-29")) == Status::in_progress);
  CHECK(a.status_as_of(*Date::parse("2025-06-30")) == Status::done);
  const Rollup past = compute_rollup(l.project, *Date::parse("2024-12-31"));
  CHECK(past.actions[0].status == Status::in_progress);
  CHECK(past.actions[0].progress == doctest::Approx(0.5));
  CHECK(past.budget.spent.cents == 1010);
  const Rollup now = compute_rollup(l.project, *Date::parse("2026-01-31"));
  CHECK(now.actions[0].status == Status::done);
  CHECK(*now.actions[0].progress == 1.0);
  CHECK(!now.actions[0].late);
  CHECK(now.budget.spent.cents == 3035);  // exact cents
  CHECK(now.budget.by_funder.size() == 2);  // requested funding does not count
  CHECK(now.budget.funded().cents == 5550);
  // The bilan's year: spendings dated in it, funding of that year.
  const YearReview y = compute_year_review(l.project, 2025);
  CHECK(y.spent.cents == 2025);
  CHECK(y.funded.at("c").cents == 550);
  CHECK(y.requested.empty());
}
