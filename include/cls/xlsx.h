// SPDX-License-Identifier: EUPL-1.2
// Excel workbooks (SPEC §9), written with libxlsxwriter: sheets of one table
// each, a header row that stays in view, filters on, column widths set, and
// cells typed as what they hold (numbers, dates, percentages, euros), so
// that a coordinator sorts, filters and adds them up in Excel or LibreOffice.
//
// The workbook is built in libxlsxwriter's constant-memory mode (each row
// goes to a temporary file as soon as the next one starts: a national plan
// does not sit in memory twice), in a private temporary folder, then copied
// to the caller's stream: the commands write it through output_file.h like
// any other output. The same content gives the same bytes: the document's
// date is the one given (never the clock), and libxlsxwriter dates the zip
// entries 1980-01-01.
#pragma once
#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cls/calendar.h"
#include "cls/model.h"

namespace cls {

struct XlsxError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What a column holds, which sets the format of its cells.
enum class XlsxKind {
  text,
  integer,  // 0
  number,   // General: 14.2, 120
  percent,  // 0 %: a progress in [0, 1]
  date,     // 03/12/2026 (fr), 2026-12-03 (en)
  euros,    // 12 000,00 € in a French Excel
};

struct XlsxColumn {
  std::string header;
  double width = 12;  // in characters, as Excel counts them
  XlsxKind kind = XlsxKind::text;
};

class XlsxWorkbook;

// One sheet: its header row is written when it is added; rows follow, one
// cell after the other in the columns' order. A cell of the wrong kind for
// its column is still written as asked (the column's kind is its format).
class XlsxSheet {
 public:
  XlsxSheet& text(std::string_view value);
  XlsxSheet& number(double value);
  XlsxSheet& number(const std::optional<double>& value);  // blank when unknown
  XlsxSheet& integer(std::int64_t value);
  XlsxSheet& percent(const std::optional<double>& value);  // blank when unknown
  XlsxSheet& date(const std::optional<Date>& value);       // blank when none
  XlsxSheet& euros(Money amount);
  XlsxSheet& boolean(bool value);  // TRUE / FALSE (VRAI / FAUX in a French Excel)
  XlsxSheet& blank();
  void end_row();

 private:
  friend class XlsxWorkbook;
  XlsxSheet(XlsxWorkbook& book, void* worksheet, std::vector<XlsxColumn> columns);
  void finish();  // the filter over the rows written
  void next(int error);
  XlsxWorkbook* book_;
  void* worksheet_;
  std::vector<XlsxColumn> columns_;
  std::uint32_t row_ = 1;
  std::uint16_t col_ = 0;
};

struct XlsxProperties {
  std::string title, subject, author, company;
  Date created;  // the document's date: the report's "as of", never the clock
  Lang lang = Lang::fr;  // date and euro formats
};

class XlsxWorkbook {
 public:
  explicit XlsxWorkbook(const XlsxProperties& properties);
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  // A new sheet (the one before it is then complete): `name` at most 31
  // characters, none of []:*?/\.
  XlsxSheet& add_sheet(std::string_view name, std::vector<XlsxColumn> columns);
  // Closes the workbook and copies its bytes into `out` (errors: the caller
  // checks ferror()). Throws XlsxError when libxlsxwriter fails.
  void write(std::FILE* out);

 private:
  friend class XlsxSheet;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cls
