#include "cls/report.h"

#include <algorithm>
#include <cmath>

#include "cls/text.h"

namespace cls {

double money_euros(Money amount) { return static_cast<double>(amount.cents) / 100.0; }

double round_progress(double p) { return std::round(p * 10000.0) / 10000.0; }

YearReview compute_year_review(const Project& project, int year) {
  YearReview y;
  y.year = year;
  for (const Meeting& m : project.meetings) {
    if (!m.held() || !m.date || m.date->year() != year) continue;
    YearMeeting ym;
    ym.meeting = &m;
    ym.body = m.body ? project.body(m.body->id) : nullptr;
    ym.count = count_meeting(project, m);
    for (const AgendaItem& item : m.agenda) {
      for (const Decision& d : item.decisions) {
        ym.decisions.push_back({&item, &d, decide(d, ym.count.present_or_represented())});
      }
    }
    y.meetings.push_back(std::move(ym));
  }
  std::stable_sort(y.meetings.begin(), y.meetings.end(), [](const YearMeeting& a, const YearMeeting& b) {
    return *a.meeting->date < *b.meeting->date;
  });
  for (const Action& a : project.actions) {
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

CsvDialect default_csv_dialect(Lang lang) {
  return lang == Lang::fr ? CsvDialect::french : CsvDialect::rfc4180;
}

std::string render_report(const Project& project, const ReportOptions& options) {
  const Rollup rollup = compute_rollup(project, options.as_of);
  std::optional<YearReview> year;
  if (options.year) year = compute_year_review(project, *options.year);
  const YearReview* y = year ? &*year : nullptr;
  switch (options.format) {
    case ReportFormat::json: return report_json(project, rollup, y);
    case ReportFormat::csv: return report_csv(project, rollup, options.csv);
    case ReportFormat::html: return report_html(project, rollup, y);
    case ReportFormat::markdown: break;
  }
  return report_markdown(project, rollup, y);
}

}  // namespace cls
