// The report as JSON: the machine contract of SPEC §3. Keys keep the order of
// the spec; progress is a number in [0, 1] or null, never NaN; money is euros.
#include <cmath>
#include <nlohmann/json.hpp>

#include "cls/report.h"
#include "cls/text.h"

namespace cls {

namespace {

using Json = nlohmann::ordered_json;

// Integral values print as integers (20, not 20.0): indicator values are
// counts most of the time, and scripts compare them as such.
Json number(double v) {
  if (!std::isfinite(v)) return nullptr;
  if (v == std::trunc(v) && std::fabs(v) < 9e15) return static_cast<std::int64_t>(v);
  return v;
}

Json progress(const std::optional<double>& p) {
  if (!p || !std::isfinite(*p)) return nullptr;
  return number(round_progress(*p));
}

Json money(Money m) {
  if (m.cents % 100 == 0) return m.cents / 100;
  return money_euros(m);
}

Json coverage(const Coverage& c) { return Json{{"known", c.known}, {"total", c.total}}; }

Json status_counts(const StatusCounts& counts) {
  Json j = Json::object();
  for (Status s : kAllStatuses) j[std::string(to_string(s))] = counts[s];
  return j;
}

Json budget(const BudgetSum& b) {
  Json by_funder = Json::object();
  for (const auto& [funder, amount] : b.by_funder) by_funder[funder] = money(amount);
  return Json{{"planned", money(b.planned)}, {"spent", money(b.spent)}, {"funded", money(b.funded())},
              {"by_funder", by_funder}};
}

Json optional_date(const Field<Date>& d) { return d ? Json(d->iso()) : Json(nullptr); }

Json text(const Field<std::string>& t) { return t ? Json(*t) : Json(nullptr); }

}  // namespace

std::string report_json(const Project& project, const Rollup& r, const YearReview* year) {
  Json out;
  out["as_of"] = r.as_of.iso();
  if (year) out["year"] = year->year;
  out["project"] = Json{{"id", text(project.manifest.id)}, {"title", text(project.manifest.title)}};
  out["progress"] = progress(r.progress);
  out["coverage"] = coverage(r.coverage);
  out["status_counts"] = status_counts(r.status_counts);

  Json axes = Json::array();
  for (const AxisRollup& axr : r.axes) {
    Json objectives = Json::array();
    for (const ObjectiveRollup& o : axr.objectives) {
      Json actions = Json::array();
      for (std::size_t i : o.actions) actions.push_back(r.actions[i].action->id);
      objectives.push_back(Json{{"id", o.objective->id},
                                {"title", text(o.objective->title)},
                                {"weight", number(o.weight)},
                                {"progress", progress(o.progress)},
                                {"coverage", coverage(o.coverage)},
                                {"status_counts", status_counts(o.status_counts)},
                                {"actions", actions},
                                {"budget", budget(o.budget)}});
    }
    axes.push_back(Json{{"id", axr.axis->id},
                        {"title", text(axr.axis->title)},
                        {"progress", progress(axr.progress)},
                        {"coverage", coverage(axr.coverage)},
                        {"status_counts", status_counts(axr.status_counts)},
                        {"objectives", objectives},
                        {"budget", budget(axr.budget)}});
  }
  out["axes"] = axes;

  Json actions = Json::array();
  for (const ActionRollup& ar : r.actions) {
    const Action& a = *ar.action;
    Json indicators = Json::array();
    for (const IndicatorRollup& ir : ar.indicators) {
      const Indicator& ind = *ir.indicator;
      indicators.push_back(Json{
          {"id", ind.id},
          {"label", text(ind.label)},
          {"type", ind.type.value_or(IndicatorType::process) == IndicatorType::result ? "result" : "process"},
          {"unit", text(ind.unit)},
          {"baseline", number(ir.baseline)},
          {"target", number(ir.target)},
          {"accumulate", ind.accumulate.value_or(false)},
          {"weight", number(ir.weight)},
          {"current", ir.current ? number(*ir.current) : Json(nullptr)},
          {"current_date", ir.current_date ? Json(ir.current_date->iso()) : Json(nullptr)},
          {"progress", progress(ir.progress)}});
    }
    BudgetSum b;
    if (a.budget) b.add(*a.budget);
    actions.push_back(Json{{"id", a.id},
                           {"title", text(a.title)},
                           {"objective", ar.objective ? Json(ar.objective->id) : Json(nullptr)},
                           {"axis", ar.axis ? Json(ar.axis->id) : Json(nullptr)},
                           {"status", to_string(ar.status)},
                           {"lead", a.lead ? Json(a.lead->id) : Json(nullptr)},
                           {"start", optional_date(a.start)},
                           {"due", optional_date(a.due)},
                           {"late", ar.late},
                           {"weight", number(ar.weight)},
                           {"progress", progress(ar.progress)},
                           {"coverage", coverage(ar.coverage)},
                           {"indicators", indicators},
                           {"budget", a.budget ? budget(b) : Json(nullptr)}});
  }
  out["actions"] = actions;

  Json late = Json::array(), abandoned = Json::array();
  for (std::size_t i : r.late) late.push_back(r.actions[i].action->id);
  for (std::size_t i : r.abandoned) abandoned.push_back(r.actions[i].action->id);
  out["late"] = late;
  out["abandoned"] = abandoned;
  out["budget"] = budget(r.budget);

  if (year) {
    Json meetings = Json::array();
    for (const YearMeeting& ym : year->meetings) {
      const Meeting& m = *ym.meeting;
      Json decisions = Json::array();
      for (const YearDecision& yd : ym.decisions) {
        Json vote = nullptr;
        if (yd.decision->vote) {
          vote = Json{{"for", yd.decision->vote->for_},
                      {"against", yd.decision->vote->against},
                      {"abstain", yd.decision->vote->abstain}};
        }
        decisions.push_back(Json{{"item", text(yd.item->title)},
                                 {"text", text(yd.decision->text)},
                                 {"vote", vote},
                                 {"outcome", yd.result.outcome ? Json(to_string(*yd.result.outcome)) : Json(nullptr)},
                                 {"unanimous", yd.result.unanimous}});
      }
      meetings.push_back(Json{{"id", m.id},
                              {"body", m.body ? Json(m.body->id) : Json(nullptr)},
                              {"title", meeting_title(project, m)},
                              {"date", m.date->iso()},
                              {"quorum_reached", ym.count.quorum_reached()},
                              {"decisions", decisions}});
    }
    Json readings = Json::array();
    for (const YearReading& yr : year->readings) {
      readings.push_back(Json{{"action", yr.action->id},
                              {"indicator", yr.indicator->id},
                              {"date", yr.reading->date->iso()},
                              {"value", number(*yr.reading->value)},
                              {"note", text(yr.reading->note)}});
    }
    Json start_axes = Json::array();
    for (std::size_t a = 0; a < year->start.axes.size(); ++a) {
      const AxisRollup& axr = year->start.axes[a];
      start_axes.push_back(Json{{"id", axr.axis->id},
                                {"progress", progress(axr.progress)},
                                {"coverage", coverage(axr.coverage)},
                                {"comparable", comparable_axis(year->start, r, a)}});
    }
    out["year_start"] = Json{{"as_of", year->start.as_of.iso()},
                             {"progress", progress(year->start.progress)},
                             {"coverage", coverage(year->start.coverage)},
                             {"comparable", comparable_plan(year->start, r)},
                             {"axes", start_axes}};
    out["meetings"] = meetings;
    out["readings"] = readings;
  }
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace cls
