// SPDX-License-Identifier: EUPL-1.2
#include "cls/rollup.h"

#include <algorithm>
#include <cmath>

namespace cls {

namespace {

// A weight as the roll-up uses it: default 1, and never negative, so that a
// typo cannot turn a mean into an extrapolation.
double weight_of(const Field<double>& w) {
  const double v = w.value_or(1.0);
  return std::isfinite(v) && v > 0 ? v : 0.0;
}

// Accumulates a weighted mean over the children that have a known progress,
// and their coverage.
struct Mean {
  double sum = 0, weights = 0;
  Coverage coverage;

  void add(std::optional<double> progress, double weight) {
    ++coverage.total;
    if (!progress) return;
    ++coverage.known;
    sum += *progress * weight;
    weights += weight;
  }
  std::optional<double> value() const {
    if (coverage.known == 0 || !(weights > 0)) return std::nullopt;
    const double v = sum / weights;
    if (!std::isfinite(v)) return std::nullopt;
    return std::clamp(v, 0.0, 1.0);  // rounding could step just outside
  }
};

}  // namespace

Money BudgetSum::funded() const {
  Money total;
  for (const auto& [funder, amount] : by_funder) total += amount;
  return total;
}

void BudgetSum::add(const Budget& b) {
  planned += b.planned.value_or(Money{});
  spent += b.spent.value_or(Money{});
  for (const Funding& f : b.funding) {
    if (f.funder.id.empty() || !f.amount || !f.counts()) continue;
    by_funder[f.funder.id] += *f.amount;
  }
}

void BudgetSum::add(const Budget& b, Date as_of) {
  if (b.spendings.empty()) return add(b);
  for (const Spending& s : b.spendings) {
    if (s.amount && (!s.date || *s.date <= as_of)) spent += *s.amount;
  }
  planned += b.planned.value_or(Money{});
  for (const Funding& f : b.funding) {
    if (f.funder.id.empty() || !f.amount || !f.counts()) continue;
    by_funder[f.funder.id] += *f.amount;
  }
}

void BudgetSum::add(const BudgetSum& b) {
  planned += b.planned;
  spent += b.spent;
  for (const auto& [funder, amount] : b.by_funder) by_funder[funder] += amount;
}

const ActionRollup* Rollup::find_action(std::string_view id) const {
  const Action* a = project ? project->action(id) : nullptr;
  if (!a) return nullptr;
  const auto index = static_cast<std::size_t>(a - project->actions.data());
  return index < actions.size() ? &actions[index] : nullptr;
}

std::optional<double> indicator_current(const Indicator& ind, Date as_of,
                                        std::optional<Date>* date_of_latest) {
  const bool accumulate = ind.accumulate.value_or(false);
  std::optional<double> latest;
  std::optional<Date> latest_date;
  double sum = ind.baseline.value_or(0.0);
  for (const Reading& r : ind.values) {
    if (!r.date || !r.value || *r.date > as_of) continue;
    if (accumulate) {
      sum += *r.value;
      latest = sum;
      if (!latest_date || *r.date >= *latest_date) latest_date = *r.date;
    } else if (!latest_date || *r.date >= *latest_date) {
      // >=: on a same date, the later one in the file wins.
      latest = *r.value;
      latest_date = *r.date;
    }
  }
  if (date_of_latest) *date_of_latest = latest_date;
  if (latest && !std::isfinite(*latest)) return std::nullopt;
  return latest;
}

std::optional<double> indicator_progress(double baseline, double target,
                                         std::optional<double> current) {
  if (!current || target == baseline) return std::nullopt;
  // The same formula reads a decrease: target below baseline makes both the
  // numerator and the denominator negative while the value goes down.
  const double p = (*current - baseline) / (target - baseline);
  if (std::isnan(p)) return std::nullopt;
  return std::clamp(p, 0.0, 1.0);
}

IndicatorRollup rollup_indicator(const Indicator& ind, Date as_of) {
  IndicatorRollup ir;
  ir.indicator = &ind;
  ir.baseline = ind.baseline.value_or(0.0);
  ir.target = ind.target.value_or(ir.baseline);
  ir.weight = weight_of(ind.weight);
  ir.current = indicator_current(ind, as_of, &ir.current_date);
  ir.progress = indicator_progress(ir.baseline, ir.target, ir.current);
  return ir;
}

std::vector<IndicatorRollup> rollup_indicators(const Action& action, Date as_of) {
  std::vector<IndicatorRollup> out;
  out.reserve(action.indicators.size());
  for (const Indicator& ind : action.indicators) out.push_back(rollup_indicator(ind, as_of));
  return out;
}

Rollup compute_rollup(const Project& project, Date as_of) {
  Rollup r;
  r.as_of = as_of;
  r.project = &project;
  const auto& axes = project.manifest.axes;

  // Objectives are addressed by (axis, position): index where each starts.
  std::vector<std::size_t> first_objective(axes.size() + 1, 0);
  for (std::size_t a = 0; a < axes.size(); ++a) {
    first_objective[a + 1] = first_objective[a] + axes[a].objectives.size();
  }
  std::vector<Mean> objective_means(first_objective.back());
  std::vector<std::vector<std::size_t>> objective_actions(first_objective.back());
  std::vector<StatusCounts> objective_counts(first_objective.back());
  std::vector<BudgetSum> objective_budgets(first_objective.back());

  r.actions.reserve(project.actions.size());
  for (const Action& action : project.actions) {
    ActionRollup ar;
    ar.action = &action;
    ar.status = action.status_as_of(as_of);  // SPEC §11.1: the status in force then
    ar.weight = weight_of(action.weight);
    if (action.objective) {
      ar.objective = project.objective(action.objective->id);
      if (ar.objective && ar.objective->axis < axes.size()) ar.axis = &axes[ar.objective->axis];
    }
    Mean mean;
    for (const Indicator& ind : action.indicators) {
      const IndicatorRollup ir = rollup_indicator(ind, as_of);
      mean.add(ir.progress, ir.weight);
    }
    ar.coverage = mean.coverage;
    switch (ar.status) {
      case Status::done: ar.progress = 1.0; break;
      case Status::abandoned: ar.progress = std::nullopt; break;
      default: ar.progress = mean.value(); break;
    }
    ar.late = action.due && *action.due < as_of && ar.status != Status::done &&
              ar.status != Status::abandoned;

    const std::size_t index = r.actions.size();
    r.status_counts[ar.status] += 1;
    if (ar.late) r.late.push_back(index);
    if (!ar.takes_part()) r.abandoned.push_back(index);
    if (ar.objective) {
      const std::size_t o = first_objective[ar.objective->axis] +
                            static_cast<std::size_t>(ar.objective - axes[ar.objective->axis].objectives.data());
      objective_counts[o][ar.status] += 1;
      if (ar.takes_part()) {
        objective_means[o].add(ar.progress, ar.weight);
        objective_actions[o].push_back(index);
        if (action.budget) objective_budgets[o].add(*action.budget, as_of);
      }
    } else if (ar.takes_part() && action.budget) {
      r.budget.add(*action.budget, as_of);  // no objective (an error of the file): still the plan's money
    }
    r.actions.push_back(std::move(ar));
  }

  std::stable_sort(r.late.begin(), r.late.end(), [&](std::size_t a, std::size_t b) {
    return *r.actions[a].action->due < *r.actions[b].action->due;
  });

  Mean plan;
  r.axes.reserve(axes.size());
  for (std::size_t a = 0; a < axes.size(); ++a) {
    AxisRollup axr;
    axr.axis = &axes[a];
    Mean mean;
    for (std::size_t i = 0; i < axes[a].objectives.size(); ++i) {
      const std::size_t o = first_objective[a] + i;
      ObjectiveRollup orr;
      orr.objective = &axes[a].objectives[i];
      orr.weight = weight_of(orr.objective->weight);
      orr.progress = objective_means[o].value();
      orr.coverage = objective_means[o].coverage;
      orr.actions = std::move(objective_actions[o]);
      orr.status_counts = objective_counts[o];
      orr.budget = std::move(objective_budgets[o]);
      mean.add(orr.progress, orr.weight);
      for (Status s : kAllStatuses) axr.status_counts[s] += orr.status_counts[s];
      axr.budget.add(orr.budget);
      axr.objectives.push_back(std::move(orr));
    }
    axr.progress = mean.value();
    axr.coverage = mean.coverage;
    plan.add(axr.progress, 1.0);
    r.budget.add(axr.budget);
    r.axes.push_back(std::move(axr));
  }
  r.progress = plan.value();
  r.coverage = plan.coverage;
  return r;
}

}  // namespace cls
