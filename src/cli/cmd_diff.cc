// SPDX-License-Identifier: EUPL-1.2
// cls diff: what changed in the plan between two git revisions (SPEC §6).
#include <cstdio>
#include <memory>

#include "cli.h"
#include "cls/check.h"
#include "cls/history.h"
#include "cls/load.h"

namespace cls::cli {

namespace {

// A side that has errors is still compared (what loaded is worth showing, and
// an old revision cannot be fixed any more). Its errors go to standard error
// first, each file named as git names a file at a revision ("v1:actions/
// A.yaml:3:12: error: …"; no prefix for the working tree), then a warning
// that counts and progress may be off on that side.
void report_errors(const Project& p, Date today, Diagnostics& diags, const std::string& rev,
                   const std::string& where, bool color) {
  check_project(p, CheckOptions{today}, diags);
  const auto n = diags.errors();
  if (n == 0) return;
  diags.sort(p.files);
  const std::string prefix = rev.empty() ? "" : rev + ":";
  for (const auto& d : diags.all()) {
    if (d.severity != Severity::error) continue;
    std::fprintf(stderr, "%s%s\n", prefix.c_str(), format_text(d, p.files, color).c_str());
  }
  std::fprintf(stderr,
               "cls diff: warning: the project %s has %zu error%s (above); the changes shown are what could be "
               "read\n",
               where.c_str(), n, n == 1 ? "" : "s");
}

constexpr OutputFormat kFormats[] = {OutputFormat::markdown, OutputFormat::json};

}  // namespace

Runner diff_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string from, to;
    std::string format;
    std::string output;
  };
  auto o = std::make_shared<Options>();
  app.add_option("REV", o->from, "The earlier revision (a commit, tag, branch, HEAD~1…)")->required();
  app.add_option("REV2", o->to, "The later revision (default: the working tree, uncommitted changes included)");
  add_format_option(app, o->format, kFormats, OutputFormat::markdown);
  app.add_option("-o,--output", o->output, "Write to FILE (whole or not at all) instead of standard output")
      ->type_name("FILE");
  return [o, &g, &app] {
    const OutputFormat format = output_format(app, o->format, o->output, kFormats, OutputFormat::markdown);
    const auto root = project_root(g);
    const Date today = g.today_date();
    Revision from, to;
    try {
      from = read_revision(root, o->from);
      if (!o->to.empty()) to = read_revision(root, o->to);
    } catch (const HistoryError& e) {
      throw Exit{kUsage, std::string("cls diff: ") + e.what()};
    }

    Diagnostics before_diags, after_diags;
    const bool color = g.color_for(2);
    const Project before = load_project(std::move(from.files), before_diags);
    report_errors(before, today, before_diags, o->from, "at revision '" + o->from + "'", color);
    Project after;
    if (o->to.empty()) {
      after = load_project(root, after_diags);
      report_errors(after, today, after_diags, "", "in the working tree", color);
    } else {
      after = load_project(std::move(to.files), after_diags);
      report_errors(after, today, after_diags, o->to, "at revision '" + o->to + "'", color);
    }

    const PlanChanges changes = diff_plans(before, after, today);
    const DiffSides sides{from.name, from.commit, to.name, to.commit};
    write_output(o->output, format == OutputFormat::json ? changes_json(changes, sides)
                                                : changes_markdown(changes, sides, after));
    return kOk;
  };
}

}  // namespace cls::cli
