// SPDX-License-Identifier: EUPL-1.2
#include "cls/region_rollup.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace cls {

namespace {

double weight_of(const Field<double>& w) {
  const double v = w.value_or(1.0);
  return std::isfinite(v) && v > 0 ? v : 0.0;
}

struct Mean {
  double sum = 0, weights = 0;
  Coverage coverage;
  void add(std::optional<double> p, double w) {
    ++coverage.total;
    if (!p) return;
    ++coverage.known;
    sum += *p * w;
    weights += w;
  }
  std::optional<double> value() const {
    if (coverage.known == 0 || !(weights > 0)) return std::nullopt;
    const double v = sum / weights;
    return std::isfinite(v) ? std::optional<double>(std::clamp(v, 0.0, 1.0)) : std::nullopt;
  }
};

}  // namespace

RegionRollup compute_region_rollup(const Region& region, const std::vector<RegionMember>& members, Date as_of,
                                   std::optional<int> year) {
  RegionRollup rr;
  rr.as_of = as_of;
  rr.year = year;
  std::vector<Mean> means(region.themes.size());
  rr.themes.resize(region.themes.size());
  for (std::size_t t = 0; t < region.themes.size(); ++t) rr.themes[t].theme = &region.themes[t];
  std::map<std::string_view, int> communes;

  for (const RegionMember& m : members) {
    if (!m.usable()) {
      rr.left_out.push_back(&m);
      continue;
    }
    RegionProjectRollup pr;
    pr.member = &m;
    pr.rollup = compute_rollup(m.project, as_of);
    if (m.project.manifest.population) {
      pr.population = *m.project.manifest.population;
      rr.population += *pr.population;
    } else {
      ++rr.without_population;
    }
    std::set<std::string_view> own;  // a commune listed twice by one project counts once
    for (const Ref& c : m.project.manifest.communes) {
      if (own.insert(c.id).second) ++communes[c.id];
    }
    rr.budget.add(pr.rollup.budget);
    for (Status s : kAllStatuses) rr.status_counts[s] += pr.rollup.status_counts[s];
    rr.late += static_cast<int>(pr.rollup.late.size());

    if (year) {
      for (const Action& a : m.project.actions) {
        if (!a.budget) continue;
        for (const Spending& sp : a.budget->spendings) {
          if (sp.date && sp.amount && sp.date->year() == *year) rr.year_spent += *sp.amount;
        }
        for (const Funding& f : a.budget->funding) {
          if (!f.year || *f.year != *year || !f.amount || f.funder.id.empty()) continue;
          (f.counts() ? rr.year_funded : rr.year_requested)[f.funder.id] += *f.amount;
        }
      }
    }
    const std::string project_id = m.project.manifest.id.value_or(m.path);
    for (const ActionRollup& ar : pr.rollup.actions) {
      std::set<std::size_t> counted;  // a theme listed twice by one action counts once
      for (const Ref& ref : ar.action->themes) {
        const Theme* theme = region.theme(ref.id);
        if (!theme) continue;
        const auto t = static_cast<std::size_t>(theme - region.themes.data());
        if (!counted.insert(t).second) continue;
        ThemeRollup& tr = rr.themes[t];
        tr.status_counts[ar.status] += 1;
        if (!ar.takes_part()) continue;
        means[t].add(ar.progress, weight_of(ar.action->weight));
        tr.actions.push_back(project_id + "/" + ar.action->id);
        if (ar.action->budget) tr.budget.add(*ar.action->budget, as_of);
      }
    }
    rr.projects.push_back(std::move(pr));
  }
  for (std::size_t t = 0; t < rr.themes.size(); ++t) {
    rr.themes[t].progress = means[t].value();
    rr.themes[t].coverage = means[t].coverage;
  }
  rr.communes = communes.size();
  for (const auto& [code, n] : communes) {
    if (n > 1) rr.shared_communes.emplace_back(std::string(code), n);
  }
  return rr;
}

}  // namespace cls
