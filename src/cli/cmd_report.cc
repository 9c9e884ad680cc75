// SPDX-License-Identifier: EUPL-1.2
// cls report: the tableau de bord, or with --year the bilan annuel (SPEC §3).
#include <charconv>
#include <cstdio>
#include <memory>

#include "cli.h"
#include "cls/report.h"
#include "cls/templates.h"

namespace cls::cli {

Runner report_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string format = "md";
    std::string output;
    std::string as_of;
    std::string year;
    std::string csv;
  };
  auto o = std::make_shared<Options>();
  app.add_option("--format", o->format, "Output format (default md)")
      ->check(CLI::IsMember({"md", "html", "json", "csv"}))
      ->type_name("md|html|json|csv");
  app.add_option("-o,--output", o->output, "Write to FILE (whole or not at all) instead of standard output")
      ->type_name("FILE");
  auto* as_of = app.add_option("--as-of", o->as_of, "Compute as of this date (default: --today)")
                    ->type_name("YYYY-MM-DD");
  app.add_option("--year", o->year, "Bilan annuel of YEAR: as of YEAR-12-31, with its meetings and readings")
      ->type_name("YEAR")
      ->excludes(as_of);
  app.add_option("--csv", o->csv, "CSV dialect (default: fr for lang: fr, rfc4180 for lang: en)")
      ->check(CLI::IsMember({"fr", "rfc4180"}))
      ->type_name("fr|rfc4180");
  return [o, &g] {
    ReportOptions options;
    if (!o->year.empty()) {
      int y = 0;
      const char* end = o->year.data() + o->year.size();
      auto [p, ec] = std::from_chars(o->year.data(), end, y);
      if (ec != std::errc() || p != end || o->year.size() != 4 || y < 1) {
        throw Exit{kUsage, "cls report: invalid --year '" + o->year + "' (expected a year such as 2026)"};
      }
      options.year = y;
      options.as_of = *Date::from_ymd(y, 12, 31);
    } else if (!o->as_of.empty()) {
      auto d = Date::parse(o->as_of);
      if (!d) throw Exit{kUsage, "cls report: invalid --as-of '" + o->as_of + "' (expected YYYY-MM-DD)"};
      options.as_of = *d;
    } else {
      options.as_of = g.today_date();
    }
    if (!o->csv.empty() && o->format != "csv") {
      throw Exit{kUsage, "cls report: --csv applies to --format csv only"};
    }
    if (o->format == "html") options.format = ReportFormat::html;
    else if (o->format == "json") options.format = ReportFormat::json;
    else if (o->format == "csv") options.format = ReportFormat::csv;
    else options.format = ReportFormat::markdown;

    const Project p = load_checked(g);
    options.csv = o->csv.empty() ? default_csv_dialect(p.lang())
                  : o->csv == "fr" ? CsvDialect::french
                                   : CsvDialect::rfc4180;
    try {
      if (o->output.empty() || o->output == "-") {
        // Streamed: a national report is as large as the project's files.
        render_report(p, options, stdout);
        if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
          throw Exit{kUsage, "cls: cannot write to standard output"};
        }
      } else {
        // Streamed too, into a temporary file renamed into place once whole.
        write_output_streamed(o->output, [&](std::FILE* f) { render_report(p, options, f); });
      }
    } catch (const TemplateError& e) {
      throw Exit{kInvalid, e.what()};
    }
    return kOk;
  };
}

}  // namespace cls::cli
