// SPDX-License-Identifier: EUPL-1.2
#include "cls/output_format.h"

#include <algorithm>
#include <filesystem>

namespace cls {

namespace {

struct Entry {
  OutputFormat format;
  std::string_view name;
  std::string_view one;   // in a message: "a PDF file"
  std::string_view many;  // "PDF files"
};

constexpr Entry kFormats[] = {
    {OutputFormat::markdown, "md", "a Markdown file", "Markdown files"},
    {OutputFormat::html, "html", "an HTML file", "HTML files"},
    {OutputFormat::json, "json", "a JSON file", "JSON files"},
    {OutputFormat::csv, "csv", "a CSV file", "CSV files"},
    {OutputFormat::xlsx, "xlsx", "an Excel workbook", "Excel workbooks"},
    {OutputFormat::pdf, "pdf", "a PDF file", "PDF files"},
    {OutputFormat::ics, "ics", "an iCalendar file", "iCalendar files"},
    {OutputFormat::eml, "eml", "an e-mail file", "e-mail files"},
    {OutputFormat::text, "text", "a text file", "text files"},
};

const Entry& entry(OutputFormat f) {
  for (const Entry& e : kFormats) {
    if (e.format == f) return e;
  }
  return kFormats[0];
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool supports(std::span<const OutputFormat> supported, OutputFormat f) {
  return std::find(supported.begin(), supported.end(), f) != supported.end();
}

}  // namespace

std::string_view format_name(OutputFormat format) { return entry(format).name; }

std::string_view format_extension(OutputFormat format) {
  return format == OutputFormat::text ? "txt" : entry(format).name;
}

std::optional<OutputFormat> parse_format(std::string_view name) {
  if (name == "markdown") return OutputFormat::markdown;
  for (const Entry& e : kFormats) {
    if (e.name == name) return e.format;
  }
  return std::nullopt;
}

std::optional<OutputFormat> format_of_file(std::string_view path) {
  if (path.empty() || path == "-") return std::nullopt;
  // path::extension() gives "" for ".pdf" (a hidden file) and for "a/b.d/c".
  const std::string ext = lower(std::filesystem::path(path).extension().string());
  if (ext.size() < 2) return std::nullopt;
  const std::string_view bare = std::string_view(ext).substr(1);
  if (bare == "htm") return OutputFormat::html;
  if (bare == "markdown") return OutputFormat::markdown;
  if (bare == "txt") return OutputFormat::text;
  if (bare == "text") return std::nullopt;  // "text" is a --format word, not an extension
  return parse_format(bare);
}

std::string format_list(std::span<const OutputFormat> supported, std::string_view separator) {
  std::string out;
  for (OutputFormat f : supported) {
    if (!out.empty()) out += separator;
    out += format_name(f);
  }
  return out;
}

OutputFormat choose_output_format(std::string_view format_option, std::string_view output_path,
                                  std::span<const OutputFormat> supported, OutputFormat fallback) {
  std::optional<OutputFormat> asked;
  if (!format_option.empty()) {
    asked = parse_format(format_option);
    if (!asked || !supports(supported, *asked)) {
      throw FormatError("unknown --format '" + std::string(format_option) + "' (expected " +
                        format_list(supported, ", ") + ")");
    }
  }
  std::optional<OutputFormat> named = format_of_file(output_path);
  // ".txt" says "text", which Markdown, CSV or JSON also are: it only picks
  // the text format of a command that has one (cls list).
  if (named == OutputFormat::text && !supports(supported, OutputFormat::text)) named.reset();
  if (named && !supports(supported, *named)) {
    const std::string ext = std::filesystem::path(output_path).extension().string();
    throw FormatError("-o " + std::string(output_path) + ": this command does not write " +
                      std::string(entry(*named).many) + " (" + ext + "); it writes " +
                      format_list(supported, ", "));
  }
  if (asked && named && *asked != *named) {
    throw FormatError("--format " + std::string(format_option) + " contradicts -o " + std::string(output_path) +
                      " (" + std::string(entry(*named).one) + " by its name): drop --format, or name the file *." +
                      std::string(format_extension(*asked)) + "; nothing was written");
  }
  if (asked) return *asked;
  if (named) return *named;
  return fallback;
}

}  // namespace cls
