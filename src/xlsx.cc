// SPDX-License-Identifier: EUPL-1.2
#include "cls/xlsx.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>

#include <xlsxwriter.h>

namespace cls {

namespace fs = std::filesystem;

namespace {

// Excel's limit on a cell's text is 32,767 characters; a longer text (a
// description pasted from a report) is cut on a character boundary.
constexpr std::size_t kMaxCellBytes = 32000;

std::string cell_text(std::string_view value) {
  std::string out;
  out.reserve(std::min(value.size(), kMaxCellBytes));
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (out.size() >= kMaxCellBytes && (c & 0xC0) != 0x80) {
      out += "…";
      break;
    }
    // XML 1.0 has no place for other control characters.
    out += c < 0x20 && c != '\t' && c != '\n' ? ' ' : value[i];
  }
  return out;
}

lxw_worksheet* sheet_of(void* p) { return static_cast<lxw_worksheet*>(p); }

}  // namespace

struct XlsxWorkbook::Impl {
  fs::path dir;
  std::string file;
  lxw_workbook* book = nullptr;
  bool closed = false;
  lxw_format* header = nullptr;
  lxw_format* formats[6] = {};  // by XlsxKind
  std::deque<XlsxSheet> sheets;  // stable addresses for add_sheet's references

  lxw_format* format(XlsxKind kind) const { return formats[static_cast<int>(kind)]; }

  ~Impl() {
    if (book && !closed) workbook_close(book);  // nothing to keep: the folder goes next
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir, ec);
  }
};

XlsxWorkbook::XlsxWorkbook(const XlsxProperties& properties) : impl_(std::make_unique<Impl>()) {
  const char* tmp = std::getenv("TMPDIR");
  std::string tmpl = (fs::path(tmp && *tmp ? tmp : "/tmp") / "cls-xlsx-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) {
    throw XlsxError("cannot create a temporary folder for the workbook in " + fs::path(tmpl).parent_path().string() +
                    ": " + std::strerror(errno));
  }
  impl_->dir = tmpl;
  impl_->file = (impl_->dir / "workbook.xlsx").string();
  std::string tmpdir = impl_->dir.string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir.data();
  impl_->book = workbook_new_opt(impl_->file.c_str(), &options);
  if (!impl_->book) throw XlsxError("libxlsxwriter could not start a workbook");

  std::string title = properties.title, subject = properties.subject, author = properties.author,
              company = properties.company;
  lxw_doc_properties props{};
  props.title = title.data();
  props.subject = subject.data();
  props.author = author.data();
  props.company = company.data();
  // Midnight UTC of the document's date; 0 would mean "now" to libxlsxwriter.
  props.created = static_cast<time_t>(properties.created.days()) * 86400;
  if (props.created == 0) props.created = 1;
  workbook_set_properties(impl_->book, &props);

  const bool fr = properties.lang == Lang::fr;
  lxw_format* h = workbook_add_format(impl_->book);
  format_set_bold(h);
  format_set_bg_color(h, 0xE8E8F4);
  format_set_font_color(h, 0x000091);
  format_set_bottom(h, LXW_BORDER_THIN);
  format_set_text_wrap(h);
  format_set_align(h, LXW_ALIGN_VERTICAL_TOP);
  impl_->header = h;
  auto numeric = [&](const char* code) {
    lxw_format* f = workbook_add_format(impl_->book);
    format_set_num_format(f, code);
    return f;
  };
  impl_->formats[static_cast<int>(XlsxKind::integer)] = numeric("0");
  impl_->formats[static_cast<int>(XlsxKind::percent)] = numeric("0%");
  impl_->formats[static_cast<int>(XlsxKind::date)] = numeric(fr ? "dd/mm/yyyy" : "yyyy-mm-dd");
  // The separators are the reader's: a French Excel shows "12 000,00 €".
  impl_->formats[static_cast<int>(XlsxKind::euros)] = numeric(fr ? "#,##0.00\\ \"€\"" : "\"€\"#,##0.00");
}

XlsxWorkbook::~XlsxWorkbook() = default;

XlsxSheet& XlsxWorkbook::add_sheet(std::string_view name, std::vector<XlsxColumn> columns) {
  if (!impl_->sheets.empty()) impl_->sheets.back().finish();
  const std::string n(name);
  lxw_worksheet* ws = workbook_add_worksheet(impl_->book, n.c_str());
  if (!ws) throw XlsxError("libxlsxwriter refused the sheet name '" + n + "'");
  impl_->sheets.push_back(XlsxSheet(*this, ws, std::move(columns)));
  return impl_->sheets.back();
}

void XlsxWorkbook::write(std::FILE* out) {
  if (!impl_->sheets.empty()) impl_->sheets.back().finish();
  impl_->closed = true;
  if (const lxw_error err = workbook_close(impl_->book); err != LXW_NO_ERROR) {
    throw XlsxError(std::string("libxlsxwriter could not write the workbook: ") + lxw_strerror(err));
  }
  std::FILE* in = std::fopen(impl_->file.c_str(), "rb");
  if (!in) throw XlsxError("cannot read back the workbook: " + std::string(std::strerror(errno)));
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) {
    if (std::fwrite(buf, 1, n, out) != n) break;  // the caller checks ferror()
  }
  const bool failed = std::ferror(in) != 0;
  std::fclose(in);
  if (failed) throw XlsxError("cannot read back the workbook");
}

XlsxSheet::XlsxSheet(XlsxWorkbook& book, void* worksheet, std::vector<XlsxColumn> columns)
    : book_(&book), worksheet_(worksheet), columns_(std::move(columns)) {
  lxw_worksheet* ws = sheet_of(worksheet_);
  for (std::uint16_t c = 0; c < columns_.size(); ++c) worksheet_set_column(ws, c, c, columns_[c].width, nullptr);
  for (std::uint16_t c = 0; c < columns_.size(); ++c) {
    const std::string h = cell_text(columns_[c].header);
    worksheet_write_string(ws, 0, c, h.c_str(), book_->impl_->header);
  }
  worksheet_freeze_panes(ws, 1, 0);
}

void XlsxSheet::next(int error) {
  if (error == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE) {
    throw XlsxError("more rows than an Excel sheet holds (1,048,576)");
  }
  if (error != LXW_NO_ERROR) {
    throw XlsxError(std::string("libxlsxwriter could not write a cell: ") + lxw_strerror(static_cast<lxw_error>(error)));
  }
  ++col_;
}

XlsxSheet& XlsxSheet::text(std::string_view value) {
  if (value.empty()) return blank();
  const std::string t = cell_text(value);
  next(worksheet_write_string(sheet_of(worksheet_), row_, col_, t.c_str(), nullptr));
  return *this;
}

XlsxSheet& XlsxSheet::number(double value) {
  const XlsxKind kind = col_ < columns_.size() ? columns_[col_].kind : XlsxKind::number;
  next(worksheet_write_number(sheet_of(worksheet_), row_, col_, value, book_->impl_->format(kind)));
  return *this;
}

XlsxSheet& XlsxSheet::number(const std::optional<double>& value) { return value ? number(*value) : blank(); }

XlsxSheet& XlsxSheet::integer(std::int64_t value) {
  next(worksheet_write_number(sheet_of(worksheet_), row_, col_, static_cast<double>(value),
                              book_->impl_->format(XlsxKind::integer)));
  return *this;
}

XlsxSheet& XlsxSheet::percent(const std::optional<double>& value) {
  if (!value) return blank();
  next(worksheet_write_number(sheet_of(worksheet_), row_, col_, *value, book_->impl_->format(XlsxKind::percent)));
  return *this;
}

XlsxSheet& XlsxSheet::date(const std::optional<Date>& value) {
  if (!value) return blank();
  lxw_datetime dt{value->year(), value->month(), value->day(), 0, 0, 0};
  next(worksheet_write_datetime(sheet_of(worksheet_), row_, col_, &dt, book_->impl_->format(XlsxKind::date)));
  return *this;
}

XlsxSheet& XlsxSheet::euros(Money amount) {
  next(worksheet_write_number(sheet_of(worksheet_), row_, col_, static_cast<double>(amount.cents) / 100.0,
                              book_->impl_->format(XlsxKind::euros)));
  return *this;
}

XlsxSheet& XlsxSheet::boolean(bool value) {
  next(worksheet_write_boolean(sheet_of(worksheet_), row_, col_, value ? 1 : 0, nullptr));
  return *this;
}

XlsxSheet& XlsxSheet::blank() {
  ++col_;
  return *this;
}

void XlsxSheet::end_row() {
  ++row_;
  col_ = 0;
}

void XlsxSheet::finish() {
  if (columns_.empty()) return;
  const lxw_row_t last = row_ > 1 ? row_ - 1 : 1;  // a filter needs a row under the header
  worksheet_autofilter(sheet_of(worksheet_), 0, 0, last, static_cast<lxw_col_t>(columns_.size() - 1));
}

}  // namespace cls
