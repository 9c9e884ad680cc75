// SPDX-License-Identifier: EUPL-1.2
// The report as CSV, one row per action, and the CSV writer `cls list` shares.
#include <fmt/format.h>

#include "cls/report.h"
#include "cls/text.h"

namespace cls {

CsvWriter::CsvWriter(CsvDialect dialect) : dialect_(dialect) {
  // The BOM is how a spreadsheet knows the file is UTF-8 rather than the
  // machine's legacy code page.
  if (dialect_ == CsvDialect::french) out_ = "\xEF\xBB\xBF";
}

// A field is quoted when it holds the separator, a quote or a line break
// (RFC 4180). A text is also quoted when it holds the other dialect's
// separator, so that the file still reads right in a spreadsheet that guesses
// the separator; numbers are left bare, as a spreadsheet reads them best.
void CsvWriter::field(std::string_view value, bool is_text) {
  const char sep = dialect_ == CsvDialect::french ? ';' : ',';
  if (row_started_) out_ += sep;
  row_started_ = true;
  const std::string_view specials = is_text ? std::string_view(",;\"\r\n") : std::string_view("\"\r\n");
  const bool quote = value.find_first_of(specials) != std::string_view::npos || value.find(sep) != std::string_view::npos;
  if (!quote) {
    out_ += value;
    return;
  }
  out_ += '"';
  for (char c : value) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
}

CsvWriter& CsvWriter::text(std::string_view value) {
  // A spreadsheet reads a formula from the first character that is not a
  // blank (SPEC §13: " =HYPERLINK(…)" too): a cell whose first non-blank
  // character is = + - @, or that starts with a tab or a carriage return, is
  // neutralised by a leading apostrophe.
  std::size_t first = 0;
  while (first < value.size() && (value[first] == ' ' || value[first] == '\n' ||
                                  value.substr(first, 2) == "\xC2\xA0")) {
    first += value[first] == ' ' || value[first] == '\n' ? 1 : 2;
  }
  const char lead = first < value.size() ? value[first] : '\0';
  if (!value.empty() && (lead == '=' || lead == '+' || lead == '-' || lead == '@' || value[0] == '\t' ||
                         value[0] == '\r' || lead == '\t' || lead == '\r')) {
    field("'" + std::string(value), true);
  } else {
    field(value, true);
  }
  return *this;
}

CsvWriter& CsvWriter::number(std::string_view plain) {
  std::string v(plain);
  if (dialect_ == CsvDialect::french) {
    for (char& c : v) {
      if (c == '.') c = ',';
    }
  }
  field(v, false);
  return *this;
}

CsvWriter& CsvWriter::number(double value, int max_decimals) {
  std::string v = fmt::format("{:.{}f}", value, max_decimals);
  if (v.find('.') != std::string::npos) {
    while (v.back() == '0') v.pop_back();
    if (v.back() == '.') v.pop_back();
  }
  if (v == "-0") v = "0";
  return number(v);
}

CsvWriter& CsvWriter::money(Money amount) { return number(amount.plain()); }

CsvWriter& CsvWriter::empty() {
  field("", false);
  return *this;
}

void CsvWriter::end_row() {
  out_ += "\r\n";
  row_started_ = false;
}

std::string report_csv(const Project& project, const Rollup& rollup, CsvDialect dialect) {
  const Lang lang = project.lang();
  CsvWriter csv(dialect);
  for (const char* column :
       {"id", "title", "axis", "axis_title", "objective", "objective_title", "status", "status_label",
        "lead", "lead_name", "start", "due", "late", "progress", "indicators_known",
        "indicators_total", "planned", "spent", "funded"}) {
    csv.text(column);
  }
  csv.end_row();
  for (const ActionRollup& ar : rollup.actions) {
    const Action& a = *ar.action;
    csv.text(a.id).text(a.title.value_or(""));
    if (ar.axis) {
      csv.text(ar.axis->id).text(ar.axis->title.value_or(""));
    } else {
      csv.empty().empty();
    }
    if (ar.objective) {
      csv.text(ar.objective->id).text(ar.objective->title.value_or(""));
    } else {
      csv.text(a.objective ? a.objective->id : "").empty();
    }
    csv.text(to_string(ar.status)).text(tr(lang, ar.status));
    if (a.lead) {
      const Actor* lead = project.actor(a.lead->id);
      csv.text(a.lead->id).text(lead && lead->name ? *lead->name : "");
    } else {
      csv.empty().empty();
    }
    if (a.start) csv.text(a.start->iso()); else csv.empty();
    if (a.due) csv.text(a.due->iso()); else csv.empty();
    csv.number(ar.late ? "1" : "0");
    if (ar.progress) csv.number(round_progress(*ar.progress), 4); else csv.empty();
    csv.number(std::to_string(ar.coverage.known)).number(std::to_string(ar.coverage.total));
    if (a.budget) {
      BudgetSum b;
      b.add(*a.budget);
      csv.money(b.planned).money(b.spent).money(b.funded());
    } else {
      csv.empty().empty().empty();
    }
    csv.end_row();
  }
  return csv.str();
}

}  // namespace cls
