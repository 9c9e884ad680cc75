// SPDX-License-Identifier: EUPL-1.2
#include "cls/output_format.h"

#include <doctest/doctest.h>

#include <array>

using namespace cls;

namespace {

constexpr std::array kReport{OutputFormat::markdown, OutputFormat::html, OutputFormat::json,
                             OutputFormat::csv,      OutputFormat::pdf,  OutputFormat::xlsx};
constexpr std::array kCalendar{OutputFormat::ics};

OutputFormat report(std::string_view format, std::string_view output) {
  return choose_output_format(format, output, kReport, OutputFormat::markdown);
}

std::string error_of(std::string_view format, std::string_view output) {
  try {
    report(format, output);
  } catch (const FormatError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the extension of a file names its format") {
  CHECK(format_of_file("tableau.html") == OutputFormat::html);
  CHECK(format_of_file("out/CR.HTM") == OutputFormat::html);
  CHECK(format_of_file("a.Pdf") == OutputFormat::pdf);
  CHECK(format_of_file("bilan.xlsx") == OutputFormat::xlsx);
  CHECK(format_of_file("notes.markdown") == OutputFormat::markdown);
  CHECK(format_of_file("x.md") == OutputFormat::markdown);
  CHECK(format_of_file("x.json") == OutputFormat::json);
  CHECK(format_of_file("x.csv") == OutputFormat::csv);
  CHECK(format_of_file("x.ics") == OutputFormat::ics);
  CHECK(format_of_file("x.eml") == OutputFormat::eml);
  CHECK(format_of_file("liste.txt") == OutputFormat::text);
  CHECK_FALSE(format_of_file("x.text"));
  CHECK_FALSE(format_of_file("x.docx"));
  CHECK_FALSE(format_of_file("notes"));
  CHECK_FALSE(format_of_file(".pdf"));       // a hidden file with no extension
  CHECK_FALSE(format_of_file("dir.pdf/x"));  // the folder's name says nothing
  CHECK_FALSE(format_of_file("-"));
  CHECK_FALSE(format_of_file(""));
}

TEST_CASE("--format, else the file's extension, else the default") {
  CHECK(report("", "") == OutputFormat::markdown);
  CHECK(report("", "-") == OutputFormat::markdown);
  CHECK(report("", "tableau.html") == OutputFormat::html);
  CHECK(report("", "bilan.xlsx") == OutputFormat::xlsx);
  CHECK(report("", "notes.txt") == OutputFormat::markdown);  // the report has no text format: the default
  CHECK(report("json", "notes.txt") == OutputFormat::json);
  constexpr std::array list{OutputFormat::text, OutputFormat::json};
  CHECK(choose_output_format("", "actions.txt", list, OutputFormat::json) == OutputFormat::text);
  CHECK(report("", "tableau") == OutputFormat::markdown);
  CHECK(report("json", "") == OutputFormat::json);
  CHECK(report("json", "export.dat") == OutputFormat::json);
  CHECK(report("html", "t.HTM") == OutputFormat::html);  // agreeing is fine
  CHECK(report("markdown", "t.md") == OutputFormat::markdown);
  CHECK(choose_output_format("", "", kCalendar, OutputFormat::ics) == OutputFormat::ics);
}

TEST_CASE("a contradiction or a format the command does not write is an error") {
  CHECK(error_of("html", "tableau.pdf") ==
        "--format html contradicts -o tableau.pdf (a PDF file by its name): drop --format, or name the "
        "file *.html; nothing was written");
  CHECK(error_of("", "rdv.ics") == "-o rdv.ics: this command does not write iCalendar files (.ics); it writes "
                                   "md, html, json, csv, pdf, xlsx");
  CHECK(error_of("md", "rdv.ics").starts_with("-o rdv.ics: this command does not write"));
  CHECK(error_of("ics", "") == "unknown --format 'ics' (expected md, html, json, csv, pdf, xlsx)");
  CHECK(error_of("docx", "") == "unknown --format 'docx' (expected md, html, json, csv, pdf, xlsx)");
  CHECK_THROWS_AS(choose_output_format("", "a.pdf", kCalendar, OutputFormat::ics), FormatError);
}

TEST_CASE("format names and extensions") {
  CHECK(format_name(OutputFormat::markdown) == "md");
  CHECK(format_extension(OutputFormat::text) == "txt");
  CHECK(format_extension(OutputFormat::pdf) == "pdf");
  CHECK(parse_format("markdown") == OutputFormat::markdown);
  CHECK(parse_format("xlsx") == OutputFormat::xlsx);
  CHECK_FALSE(parse_format("PDF"));  // --format words are lower case, as the help gives them
  CHECK(format_list(kReport, "|") == "md|html|json|csv|pdf|xlsx");
}
