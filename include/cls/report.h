// SPDX-License-Identifier: EUPL-1.2
// `cls report` (SPEC §3): the tableau de bord, and with a year the bilan
// annuel, rendered from a Rollup as Markdown, HTML, JSON or CSV. Markdown and
// HTML come from the templates report.md.mustache and report.html.mustache
// (a project may override them, §5.5); JSON and CSV are machine formats with
// fixed keys and columns, written here.
#pragma once
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cls/attendance.h"
#include "cls/calendar.h"
#include "cls/model.h"
#include "cls/rollup.h"

namespace cls {

// --- The year of a bilan annuel ----------------------------------------------

struct YearDecision {
  const AgendaItem* item = nullptr;
  const Decision* decision = nullptr;
  DecisionResult result;
};

struct YearMeeting {
  const Meeting* meeting = nullptr;
  const Body* body = nullptr;  // null when the body does not exist
  MeetingCount count;
  std::vector<YearDecision> decisions;  // agenda order
};

struct YearReading {
  const Action* action = nullptr;
  const Indicator* indicator = nullptr;
  const Reading* reading = nullptr;
};

struct YearReview {
  int year = 0;
  // Where the year began: the same roll-up as of the last day of the year
  // before, so that the bilan can say how far each axis and the plan moved.
  Rollup start;
  std::vector<YearMeeting> meetings;  // held in the year (§4: attendance recorded), by date
  std::vector<YearReading> readings;  // dated in the year: by action (file order), indicator, date
  // The year's money (SPEC §11.1): dated spendings of the year, and funding
  // lines whose `year` is this one, granted or paid apart from requested.
  Money spent;
  std::map<std::string, Money> funded, requested;  // by funder id
  bool has_money() const { return spent.cents > 0 || !funded.empty() || !requested.empty(); }
};

YearReview compute_year_review(const Project& project, int year);

// Whether a progress at the start of the year and at `end` measure the same
// things, so that their difference is a change and not an artefact of what
// got its first reading: the same coverage at the level and at every level
// below it, down to the indicators of the actions that are not done. Both
// roll-ups must come from the same project.
bool comparable_axis(const Rollup& start, const Rollup& end, std::size_t axis);
bool comparable_plan(const Rollup& start, const Rollup& end);

// --- CSV -----------------------------------------------------------------------

// french: what a French spreadsheet opens as is (UTF-8 with BOM, ';' between
// fields, decimal comma); rfc4180: ',' and '.', no BOM. Both end lines with
// CRLF and quote a field holding the separator, a quote or a line break (a
// text also when it holds ',' or ';', whichever the dialect).
enum class CsvDialect { french, rfc4180 };

CsvDialect default_csv_dialect(Lang lang);  // french for fr, rfc4180 for en

class CsvWriter {
 public:
  explicit CsvWriter(CsvDialect dialect);
  // A text field from the files. One that a spreadsheet would read as a
  // formula (starting with = + - @, tab or carriage return) gets a leading
  // apostrophe, the usual guard against formula injection.
  CsvWriter& text(std::string_view value);
  // A number already formatted with '.' as the decimal point: the dialect's
  // decimal separator is put in; never guarded (a negative number is a number).
  CsvWriter& number(std::string_view plain);
  CsvWriter& number(double value, int max_decimals);  // trailing zeros dropped
  CsvWriter& money(Money amount);                     // "4500.50", "12000"
  CsvWriter& empty();
  void end_row();
  const std::string& str() const { return out_; }

 private:
  void field(std::string_view value, bool is_text);
  CsvDialect dialect_;
  std::string out_;
  bool row_started_ = false;
};

// --- JSON numbers ----------------------------------------------------------------

// Euros as a JSON-ready double (4500.5), exact from cents.
double money_euros(Money amount);
// A progress rounded to 4 decimals, for CSV, which people read (SPEC §9: JSON
// gives it whole).
double round_progress(double p);

// --- The report --------------------------------------------------------------------

enum class ReportFormat { markdown, html, json, csv, xlsx };

struct ReportOptions {
  ReportFormat format = ReportFormat::markdown;
  Date as_of;               // SPEC §3: only readings dated on or before count
  std::optional<int> year;  // the bilan annuel of that year (as_of is then Y-12-31)
  CsvDialect csv = CsvDialect::french;
};

// The whole report as the format says. Throws TemplateError (templates.h) when
// the project's own report template is wrong, XlsxError (xlsx.h) when the
// workbook cannot be made.
std::string render_report(const Project& project, const ReportOptions& options);
// The same into `out`; JSON is written as it is produced, never whole in
// memory (a national report is as large as the project's files).
void render_report(const Project& project, const ReportOptions& options, std::FILE* out);

std::string report_json(const Project& project, const Rollup& rollup, const YearReview* year);
void report_json(const Project& project, const Rollup& rollup, const YearReview* year, std::FILE* out);
std::string report_csv(const Project& project, const Rollup& rollup, CsvDialect dialect);
std::string report_markdown(const Project& project, const Rollup& rollup, const YearReview* year);
std::string report_html(const Project& project, const Rollup& rollup, const YearReview* year);
// The workbook (report_xlsx.cc): sheets Synthèse, Axes, Actions, Indicateurs,
// Budget, and Réunions for a bilan annuel (English names for lang: en).
void report_xlsx(const Project& project, const Rollup& rollup, const YearReview* year, std::FILE* out);

}  // namespace cls
