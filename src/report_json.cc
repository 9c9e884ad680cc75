// SPDX-License-Identifier: EUPL-1.2
// The report as JSON: the machine contract of SPEC §3. Keys keep the order of
// the spec; progress is a number in [0, 1] or null, never NaN, at full
// precision (SPEC §9); money is euros.
// Written as it goes (json_writer.h): a national report holds every action.
#include <cmath>

#include "cls/json_writer.h"
#include "cls/report.h"
#include "cls/report_cts.h"
#include "cls/text.h"

namespace cls {

namespace {

// Integral values print as integers (20, not 20.0): indicator values are
// counts most of the time, and scripts compare them as such.
void number(JsonWriter& w, double v) {
  if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9e15) {
    w.value(static_cast<std::int64_t>(v));
  } else {
    w.value(v);  // null when not finite
  }
}

void progress(JsonWriter& w, const std::optional<double>& p) {
  if (!p || !std::isfinite(*p)) {
    w.null();
  } else {
    number(w, *p);  // exact (SPEC §9): 1 and 0 as integers, any other the shortest round trip
  }
}

void money(JsonWriter& w, Money m) {
  if (m.cents % 100 == 0) {
    w.value(static_cast<std::int64_t>(m.cents / 100));
  } else {
    w.value(money_euros(m));
  }
}

void coverage(JsonWriter& w, const Coverage& c) {
  w.begin_object().key("known").value(c.known).key("total").value(c.total).end_object();
}

void status_counts(JsonWriter& w, const StatusCounts& counts) {
  w.begin_object();
  for (Status s : kAllStatuses) w.key(to_string(s)).value(counts[s]);
  w.end_object();
}

void budget(JsonWriter& w, const BudgetSum& b) {
  w.begin_object();
  money(w.key("planned"), b.planned);
  money(w.key("spent"), b.spent);
  money(w.key("funded"), b.funded());
  w.key("by_funder").begin_object();
  for (const auto& [funder, amount] : b.by_funder) money(w.key(funder), amount);
  w.end_object().end_object();
}

void optional_date(JsonWriter& w, const std::optional<Date>& d) {
  if (d) {
    w.value(d->iso());
  } else {
    w.null();
  }
}

void text(JsonWriter& w, const Field<std::string>& t) {
  if (t) {
    w.value(*t);
  } else {
    w.null();
  }
}

void id_or_null(JsonWriter& w, const std::string* id) {
  if (id) {
    w.value(*id);
  } else {
    w.null();
  }
}

void ids(JsonWriter& w, const Rollup& r, const std::vector<std::size_t>& actions) {
  w.begin_array();
  for (std::size_t i : actions) w.value(r.actions[i].action->id);
  w.end_array();
}

void axes(JsonWriter& w, const Rollup& r) {
  w.begin_array();
  for (const AxisRollup& axr : r.axes) {
    w.begin_object();
    w.key("id").value(axr.axis->id);
    text(w.key("title"), axr.axis->title);
    progress(w.key("progress"), axr.progress);
    coverage(w.key("coverage"), axr.coverage);
    status_counts(w.key("status_counts"), axr.status_counts);
    w.key("objectives").begin_array();
    for (const ObjectiveRollup& o : axr.objectives) {
      w.begin_object();
      w.key("id").value(o.objective->id);
      text(w.key("title"), o.objective->title);
      number(w.key("weight"), o.weight);
      progress(w.key("progress"), o.progress);
      coverage(w.key("coverage"), o.coverage);
      status_counts(w.key("status_counts"), o.status_counts);
      ids(w.key("actions"), r, o.actions);
      budget(w.key("budget"), o.budget);
      w.end_object();
    }
    w.end_array();
    budget(w.key("budget"), axr.budget);
    w.end_object();
  }
  w.end_array();
}

void indicator(JsonWriter& w, const IndicatorRollup& ir) {
  const Indicator& ind = *ir.indicator;
  w.begin_object();
  w.key("id").value(ind.id);
  text(w.key("label"), ind.label);
  w.key("type").value(ind.type.value_or(IndicatorType::process) == IndicatorType::result ? "result" : "process");
  text(w.key("unit"), ind.unit);
  number(w.key("baseline"), ir.baseline);
  number(w.key("target"), ir.target);
  w.key("accumulate").value(ind.accumulate.value_or(false));
  number(w.key("weight"), ir.weight);
  if (ir.current) {
    number(w.key("current"), *ir.current);
  } else {
    w.key("current").null();
  }
  optional_date(w.key("current_date"), ir.current_date);
  progress(w.key("progress"), ir.progress);
  w.end_object();
}

void action(JsonWriter& w, const ActionRollup& ar, Date as_of) {
  const Action& a = *ar.action;
  w.begin_object();
  w.key("id").value(a.id);
  text(w.key("title"), a.title);
  id_or_null(w.key("objective"), ar.objective ? &ar.objective->id : nullptr);
  id_or_null(w.key("axis"), ar.axis ? &ar.axis->id : nullptr);
  w.key("status").value(to_string(ar.status));
  id_or_null(w.key("lead"), a.lead ? &a.lead->id : nullptr);
  optional_date(w.key("start"), a.start.get());
  optional_date(w.key("due"), a.due.get());
  w.key("late").value(ar.late);
  number(w.key("weight"), ar.weight);
  progress(w.key("progress"), ar.progress);
  coverage(w.key("coverage"), ar.coverage);
  w.key("indicators").begin_array();
  for (const Indicator& ind : a.indicators) indicator(w, rollup_indicator(ind, as_of));
  w.end_array();
  if (a.budget) {
    BudgetSum b;
    b.add(*a.budget, as_of);
    budget(w.key("budget"), b);
  } else {
    w.key("budget").null();
  }
  w.end_object();
}

// Where the plan stood on 31 December of the year before, and whether each
// level can be compared with today's (the same indicators measured at both ends).
void year_start(JsonWriter& w, const Rollup& r, const YearReview& year) {
  const Rollup& start = year.start;
  w.begin_object();
  w.key("as_of").value(start.as_of.iso());
  progress(w.key("progress"), start.progress);
  coverage(w.key("coverage"), start.coverage);
  w.key("comparable").value(comparable_plan(start, r));
  w.key("axes").begin_array();
  for (std::size_t a = 0; a < start.axes.size(); ++a) {
    const AxisRollup& axr = start.axes[a];
    w.begin_object();
    w.key("id").value(axr.axis->id);
    progress(w.key("progress"), axr.progress);
    coverage(w.key("coverage"), axr.coverage);
    w.key("comparable").value(comparable_axis(start, r, a));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void year_meetings(JsonWriter& w, const Project& project, const YearReview& year) {
  w.begin_array();
  for (const YearMeeting& ym : year.meetings) {
    const Meeting& m = *ym.meeting;
    w.begin_object();
    w.key("id").value(m.id);
    id_or_null(w.key("body"), m.body ? &m.body->id : nullptr);
    w.key("title").value(meeting_title(project, m));
    w.key("date").value(m.date->iso());
    w.key("quorum_reached").value(ym.count.quorum_reached());
    w.key("decisions").begin_array();
    for (const YearDecision& yd : ym.decisions) {
      w.begin_object();
      text(w.key("item"), yd.item->title);
      text(w.key("text"), yd.decision->text);
      if (const auto& vote = yd.decision->vote) {
        w.key("vote").begin_object();
        w.key("for").value(vote->for_).key("against").value(vote->against).key("abstain").value(vote->abstain);
        w.end_object();
      } else {
        w.key("vote").null();
      }
      if (yd.result.outcome) {
        w.key("outcome").value(to_string(*yd.result.outcome));
      } else {
        w.key("outcome").null();
      }
      w.key("unanimous").value(yd.result.unanimous);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

void year_readings(JsonWriter& w, const YearReview& year) {
  w.begin_array();
  for (const YearReading& yr : year.readings) {
    w.begin_object();
    w.key("action").value(yr.action->id);
    w.key("indicator").value(yr.indicator->id);
    w.key("date").value(yr.reading->date->iso());
    number(w.key("value"), *yr.reading->value);
    text(w.key("note"), yr.reading->note());
    w.end_object();
  }
  w.end_array();
}

}  // namespace

namespace {

void write_report(JsonWriter& w, const Project& project, const Rollup& r, const YearReview* year) {
  w.begin_object();
  w.key("as_of").value(r.as_of.iso());
  if (year) w.key("year").value(year->year);
  w.key("project").begin_object();
  text(w.key("id"), project.manifest.id);
  text(w.key("title"), project.manifest.title);
  w.end_object();
  progress(w.key("progress"), r.progress);
  coverage(w.key("coverage"), r.coverage);
  status_counts(w.key("status_counts"), r.status_counts);
  axes(w.key("axes"), r);
  w.key("actions").begin_array();
  for (const ActionRollup& ar : r.actions) action(w, ar, r.as_of);
  w.end_array();
  ids(w.key("late"), r, r.late);
  ids(w.key("abandoned"), r, r.abandoned);
  budget(w.key("budget"), r.budget);
  if (year) {
    year_start(w.key("year_start"), r, *year);
    year_meetings(w.key("meetings"), project, *year);
    year_readings(w.key("readings"), *year);
    if (cts_bilan(project)) report_cts_json(w.key("cts"), project, *year);  // SPEC §8.4
    // The year's money (SPEC §11.1): dated spendings, funding of the year.
    w.key("year_budget").begin_object();
    money(w.key("spent"), year->spent);
    w.key("funded").begin_object();
    for (const auto& [funder, amount] : year->funded) money(w.key(funder), amount);
    w.end_object();
    w.key("requested").begin_object();
    for (const auto& [funder, amount] : year->requested) money(w.key(funder), amount);
    w.end_object();
    w.end_object();
  }
  w.end_object();
}

}  // namespace

std::string report_json(const Project& project, const Rollup& r, const YearReview* year) {
  JsonWriter w;
  write_report(w, project, r, year);
  return w.finish();
}

void report_json(const Project& project, const Rollup& r, const YearReview* year, std::FILE* out) {
  JsonWriter w(out);
  write_report(w, project, r, year);
  w.finish();
}

}  // namespace cls
