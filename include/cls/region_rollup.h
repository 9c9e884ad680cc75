// SPDX-License-Identifier: EUPL-1.2
// The regional roll-up (SPEC §11): per project, per theme across projects,
// per funder, and the population covered, as of one date. Pure: the loaded
// region in, numbers out; region_report*.cc render it.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cls/region.h"
#include "cls/rollup.h"

namespace cls {

struct RegionProjectRollup {
  const RegionMember* member = nullptr;
  Rollup rollup;  // the project's own roll-up: its progress is its `cls report`'s
  std::optional<std::int64_t> population;
};

struct ThemeRollup {
  const Theme* theme = nullptr;
  std::optional<double> progress;  // weighted mean (action weight) of its actions' known progress
  Coverage coverage;               // of its actions taking part
  std::vector<std::string> actions;  // "PROJECT/ACTION", taking part, in project then file order
  StatusCounts status_counts;        // every action of the theme, abandoned too
  BudgetSum budget;                  // actions taking part
};

struct RegionRollup {
  Date as_of;
  std::vector<RegionProjectRollup> projects;  // usable projects, as listed
  std::vector<const RegionMember*> left_out;  // projects with errors, or not found
  std::vector<ThemeRollup> themes;            // the region's, in its order
  BudgetSum budget;                           // the usable projects'
  StatusCounts status_counts;
  int late = 0;
  // Population covered: the sum of the projects' `population` (a project
  // without one adds nothing and is counted in `without_population`).
  std::int64_t population = 0;
  int without_population = 0;
  // Distinct INSEE codes across the projects (each counted once), and those
  // that more than one project lists, with how many.
  std::size_t communes = 0;
  std::vector<std::pair<std::string, int>> shared_communes;
  // A regional bilan (--year): the year's dated spending and its funding
  // (SPEC §11.1), summed over the usable projects.
  std::optional<int> year;
  Money year_spent;
  std::map<std::string, Money> year_funded, year_requested;
};

RegionRollup compute_region_rollup(const Region& region, const std::vector<RegionMember>& members, Date as_of,
                                   std::optional<int> year = std::nullopt);

}  // namespace cls
