// SPDX-License-Identifier: EUPL-1.2
#include "cls/report.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "cls/report_cts.h"
#include "cls/text.h"

namespace cls {

double money_euros(Money amount) { return static_cast<double>(amount.cents) / 100.0; }

double round_progress(double p) { return std::round(p * 10000.0) / 10000.0; }

YearReview compute_year_review(const Project& project, int year) {
  YearReview y;
  y.year = year;
  const std::optional<Date> new_year = Date::from_ymd(year, 1, 1);
  y.start = compute_rollup(project, new_year ? new_year->plus_days(-1) : Date{});
  for (const Meeting& m : project.meetings) {
    if (!m.held() || !m.date || m.date->year() != year) continue;
    YearMeeting ym;
    ym.meeting = &m;
    ym.body = m.body ? project.body(m.body->id) : nullptr;
    ym.count = count_meeting(project, m);
    for (const AgendaItem& item : m.agenda) {
      for (const Decision& d : item.decisions) {
        ym.decisions.push_back({&item, &d, decide(project, m, ym.count, d)});
      }
    }
    y.meetings.push_back(std::move(ym));
  }
  std::stable_sort(y.meetings.begin(), y.meetings.end(), [](const YearMeeting& a, const YearMeeting& b) {
    return *a.meeting->date < *b.meeting->date;
  });
  for (const Action& a : project.actions) {
    if (a.budget) {
      for (const Spending& s : a.budget->spendings) {
        if (s.date && s.amount && s.date->year() == year) y.spent += *s.amount;
      }
      for (const Funding& f : a.budget->funding) {
        if (!f.year || *f.year != year || !f.amount || f.funder.id.empty()) continue;
        (f.counts() ? y.funded : y.requested)[f.funder.id] += *f.amount;
      }
    }
    for (const Indicator& ind : a.indicators) {
      const std::size_t first = y.readings.size();
      for (const Reading& r : ind.values) {
        if (r.date && r.value && r.date->year() == year) y.readings.push_back({&a, &ind, &r});
      }
      std::stable_sort(y.readings.begin() + static_cast<std::ptrdiff_t>(first), y.readings.end(),
                       [](const YearReading& p, const YearReading& q) {
                         return *p.reading->date < *q.reading->date;
                       });
    }
  }
  return y;
}

namespace {

bool same(const Coverage& a, const Coverage& b) { return a.known == b.known && a.total == b.total; }

}  // namespace

bool comparable_axis(const Rollup& start, const Rollup& end, std::size_t axis) {
  if (axis >= start.axes.size() || axis >= end.axes.size()) return false;
  const AxisRollup& s = start.axes[axis];
  const AxisRollup& e = end.axes[axis];
  if (!same(s.coverage, e.coverage) || s.objectives.size() != e.objectives.size()) return false;
  for (std::size_t o = 0; o < e.objectives.size(); ++o) {
    if (!same(s.objectives[o].coverage, e.objectives[o].coverage)) return false;
    for (std::size_t i : e.objectives[o].actions) {
      // A done action is at 1 whatever its readings say.
      if (end.actions[i].status != Status::done && !same(start.actions[i].coverage, end.actions[i].coverage)) {
        return false;
      }
    }
  }
  return true;
}

bool comparable_plan(const Rollup& start, const Rollup& end) {
  if (!same(start.coverage, end.coverage)) return false;
  for (std::size_t a = 0; a < end.axes.size(); ++a) {
    if (!comparable_axis(start, end, a)) return false;
  }
  return true;
}

CsvDialect default_csv_dialect(Lang lang) {
  return lang == Lang::fr ? CsvDialect::french : CsvDialect::rfc4180;
}

namespace {

// What every format shows: the roll-up, and the year of a bilan annuel.
struct Figures {
  Rollup rollup;
  std::optional<YearReview> year;
  const YearReview* year_or_null() const { return year ? &*year : nullptr; }
};

Figures compute_figures(const Project& project, const ReportOptions& options) {
  Figures f{compute_rollup(project, options.as_of), std::nullopt};
  if (options.year) f.year = compute_year_review(project, *options.year);
  return f;
}

}  // namespace

std::string render_report(const Project& project, const ReportOptions& options) {
  const Figures f = compute_figures(project, options);
  const YearReview* y = f.year_or_null();
  switch (options.format) {
    case ReportFormat::json: return report_json(project, f.rollup, y);
    case ReportFormat::csv: return report_csv(project, f.rollup, options.csv);
    case ReportFormat::html: return y && cts_bilan(project) ? report_cts_html(project, f.rollup, *y)
                                                            : report_html(project, f.rollup, y);
    case ReportFormat::xlsx: {
      char* bytes = nullptr;
      std::size_t size = 0;
      std::FILE* mem = ::open_memstream(&bytes, &size);
      if (!mem) throw std::bad_alloc();
      try {
        report_xlsx(project, f.rollup, y, mem);
      } catch (...) {
        std::fclose(mem);
        std::free(bytes);
        throw;
      }
      std::fclose(mem);
      std::string out(bytes, size);
      std::free(bytes);
      return out;
    }
    case ReportFormat::markdown: break;
  }
  return y && cts_bilan(project) ? report_cts_markdown(project, f.rollup, *y) : report_markdown(project, f.rollup, y);
}

void render_report(const Project& project, const ReportOptions& options, std::FILE* out) {
  if (options.format != ReportFormat::json && options.format != ReportFormat::xlsx) {
    const std::string text = render_report(project, options);
    std::fwrite(text.data(), 1, text.size(), out);  // errors: the caller checks ferror()
    return;
  }
  const Figures f = compute_figures(project, options);
  if (options.format == ReportFormat::xlsx) {
    report_xlsx(project, f.rollup, f.year_or_null(), out);
  } else {
    report_json(project, f.rollup, f.year_or_null(), out);
  }
}

}  // namespace cls
