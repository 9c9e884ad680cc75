// SPDX-License-Identifier: EUPL-1.2
// Indicator roll-ups (SPEC §3): from the readings of the indicators up to the
// progress of the whole plan, the late actions and the budget by funder, all
// as of one date. Pure: a project and a date in, numbers out; `cls report`,
// `cls list`, the agenda and `cls diff` render from it.
#pragma once
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cls/calendar.h"
#include "cls/model.h"

namespace cls {

// How many children of a level had a known progress, out of how many take part
// (abandoned actions do not; every objective and axis does).
struct Coverage {
  int known = 0;
  int total = 0;
};

// Actions per status, indexed by Status (planned … abandoned). Abandoned
// actions are counted here: the counts say where the plan stands, they are
// not a progress roll-up.
struct StatusCounts {
  std::array<int, 5> n{};
  int& operator[](Status s) { return n[static_cast<std::size_t>(s)]; }
  int operator[](Status s) const { return n[static_cast<std::size_t>(s)]; }
  int total() const { return n[0] + n[1] + n[2] + n[3] + n[4]; }
};

inline constexpr std::array<Status, 5> kAllStatuses = {
    Status::planned, Status::in_progress, Status::done, Status::suspended, Status::abandoned};

// Planned, spent and funding by funder (actor id → amount, sorted by id).
struct BudgetSum {
  Money planned, spent;
  std::map<std::string, Money> by_funder;
  Money funded() const;  // the sum of by_funder
  // Funding counts when granted or paid (SPEC §11.1); every spending counts.
  void add(const Budget& b);
  // The same as of a date: dated spendings after `as_of` do not count yet.
  void add(const Budget& b, Date as_of);
  void add(const BudgetSum& b);
};

struct IndicatorRollup {
  const Indicator* indicator = nullptr;
  double baseline = 0, target = 0;
  std::optional<double> current;   // unknown when no reading dated on or before the date
  std::optional<Date> current_date;  // date of the latest reading that counted
  std::optional<double> progress;  // in [0, 1]
  double weight = 1;
  bool decreasing() const { return target < baseline; }
};

struct ActionRollup {
  const Action* action = nullptr;
  const Objective* objective = nullptr;  // null when the objective does not exist
  const Axis* axis = nullptr;
  Status status = Status::planned;
  bool late = false;
  std::optional<double> progress;  // unknown for abandoned actions, always
  Coverage coverage;               // of its indicators
  // Its indicators' roll-ups are not kept (125,000 of them at 50,000 actions
  // would be 9 MB beside the model): rollup_indicators() gives them again.
  double weight = 1;
  bool takes_part() const { return status != Status::abandoned; }
};

struct ObjectiveRollup {
  const Objective* objective = nullptr;
  std::optional<double> progress;
  Coverage coverage;                 // of its actions taking part
  std::vector<std::size_t> actions;  // indexes into Rollup::actions, taking part only, file order
  StatusCounts status_counts;        // every action of the objective, abandoned too
  BudgetSum budget;                  // actions taking part
  double weight = 1;
};

struct AxisRollup {
  const Axis* axis = nullptr;
  std::optional<double> progress;
  Coverage coverage;  // of its objectives
  std::vector<ObjectiveRollup> objectives;
  StatusCounts status_counts;
  BudgetSum budget;
};

struct Rollup {
  Date as_of;
  std::optional<double> progress;  // the plan
  Coverage coverage;               // of the axes
  std::vector<AxisRollup> axes;    // manifest order
  std::vector<ActionRollup> actions;  // every action, file order
  std::vector<std::size_t> late;       // indexes into actions, by due date then file order
  std::vector<std::size_t> abandoned;  // indexes into actions, file order
  StatusCounts status_counts;
  BudgetSum budget;  // the plan: actions taking part (abandoned ones are listed apart)

  // The roll-up of an action by id, or null (the first of duplicates).
  // `actions` follows the project's order, so the project's index serves.
  const ActionRollup* find_action(std::string_view id) const;
  const Project* project = nullptr;
};

// The value of an indicator as of `as_of` (SPEC §3): the latest reading
// (levels; on a same date the last one in the file) or the baseline plus the
// sum of the readings (increments). Unknown when no reading counts.
std::optional<double> indicator_current(const Indicator& ind, Date as_of,
                                        std::optional<Date>* date_of_latest = nullptr);

// clamp((current − baseline) / (target − baseline), 0, 1); unknown when
// `current` is, or when the target equals the baseline (an error of the file).
std::optional<double> indicator_progress(double baseline, double target,
                                         std::optional<double> current);

// One indicator as of `as_of`: its current value and progress (SPEC §3).
IndicatorRollup rollup_indicator(const Indicator& ind, Date as_of);

// The indicators of an action as of `as_of`, in file order: what its
// ActionRollup's progress was computed from.
std::vector<IndicatorRollup> rollup_indicators(const Action& action, Date as_of);

// The whole roll-up as of `as_of`. Linear in the size of the project.
// Weights below zero count as zero; a level whose known children all weigh
// zero has an unknown progress.
Rollup compute_rollup(const Project& project, Date as_of);

}  // namespace cls
