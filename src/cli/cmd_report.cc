// SPDX-License-Identifier: EUPL-1.2
// cls report: the tableau de bord, or with --year the bilan annuel (SPEC §3).
#include <charconv>
#include <cstdio>
#include <memory>

#include "cli.h"
#include "cls/region_report.h"
#include "cls/report.h"
#include "cls/templates.h"
#include "cls/xlsx.h"

namespace cls::cli {

namespace {
constexpr OutputFormat kFormats[] = {OutputFormat::markdown, OutputFormat::html, OutputFormat::json,
                                     OutputFormat::csv,      OutputFormat::pdf,  OutputFormat::xlsx};
}

Runner report_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string format;
    std::string output;
    std::string as_of;
    std::string year;
    std::string csv;
  };
  auto o = std::make_shared<Options>();
  add_format_option(app, o->format, kFormats, OutputFormat::markdown);
  app.add_option("-o,--output", o->output, "Write to FILE (whole or not at all) instead of standard output")
      ->type_name("FILE");
  auto* as_of = app.add_option("--as-of", o->as_of, "Compute as of this date (default: --today)")
                    ->type_name("YYYY-MM-DD");
  app.add_option("--year", o->year, "Bilan annuel of YEAR: as of YEAR-12-31, with its meetings and readings")
      ->type_name("YEAR")
      ->excludes(as_of);
  app.add_option("--csv", o->csv, "CSV dialect (default: fr for lang: fr, rfc4180 for lang: en)")
      ->check(one_of({"fr", "rfc4180"}))
      ->type_name("fr|rfc4180");
  return [o, &g, &app] {
    const OutputFormat format = output_format(app, o->format, o->output, kFormats, OutputFormat::markdown);
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
    if (!o->csv.empty() && format != OutputFormat::csv) {
      throw Exit{kUsage, "cls report: --csv applies to CSV only (--format csv, or -o FILE.csv)"};
    }
    switch (format) {
      case OutputFormat::html:
      case OutputFormat::pdf: options.format = ReportFormat::html; break;  // WeasyPrint prints the HTML
      case OutputFormat::json: options.format = ReportFormat::json; break;
      case OutputFormat::csv: options.format = ReportFormat::csv; break;
      case OutputFormat::xlsx: options.format = ReportFormat::xlsx; break;
      default: options.format = ReportFormat::markdown;
    }

    if (const auto region = region_root(g)) {  // SPEC §11: the regional report
      RegionReportOptions ro;
      ro.format = options.format;
      ro.as_of = options.as_of;
      ro.year = options.year;
      ro.csv = o->csv == "rfc4180" ? CsvDialect::rfc4180 : CsvDialect::french;
      try {
        return report_region(g, *region, ro, format, o->output);
      } catch (const XlsxError& e) {
        throw Exit{kUsage, std::string("cls report: ") + e.what()};
      }
    }
    const Project p = load_checked(g);
    options.csv = o->csv.empty() ? default_csv_dialect(p.lang())
                  : o->csv == "fr" ? CsvDialect::french
                                   : CsvDialect::rfc4180;
    try {
      if (format == OutputFormat::pdf) {
        write_output(o->output, to_pdf(render_report(p, options)));
      } else if (o->output.empty() || o->output == "-") {
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
    } catch (const XlsxError& e) {
      throw Exit{kUsage, std::string("cls report: ") + e.what()};
    }
    return kOk;
  };
}

}  // namespace cls::cli
