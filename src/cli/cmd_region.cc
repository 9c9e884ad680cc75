// SPDX-License-Identifier: EUPL-1.2
// `cls check` and `cls report` at a region's root (SPEC §11): the commands
// find region.yaml where they would find cls.yaml (the directory given by -C,
// or the current one, or the nearest parent holding either; a folder with
// both is a project). cmd_check.cc and cmd_report.cc hand over to these.
#include <cstdio>

#include "cli.h"
#include "cls/history.h"
#include "cls/i18n.h"
#include "cls/pdf.h"
#include "cls/region.h"
#include "cls/region_report.h"

namespace cls::cli {

namespace fs = std::filesystem;

std::optional<fs::path> region_root(const Globals& g) {
  const fs::path start = g.directory.empty() ? fs::current_path() : fs::path(g.directory);
  std::error_code ec;
  if (!fs::is_directory(start, ec)) return std::nullopt;  // project_root() says what is wrong
  const auto root = find_root(start);
  if (!root || !root->is_region) return std::nullopt;
  return root->dir;
}

namespace {

struct LoadedRegion {
  Region region;
  std::vector<RegionMember> members;
  Diagnostics diags;  // every diagnostic, files named from the region's root
  std::vector<std::string> files;
};

LoadedRegion load(const Globals& g, const fs::path& root, bool keep_warnings) {
  LoadedRegion l;
  Diagnostics region_diags;
  l.region = load_region(root, region_diags);
  l.members = load_region_projects(l.region, g.today_date(), keep_warnings);
  l.diags = region_diagnostics(l.region, region_diags, l.members, l.files);
  l.diags.sort(l.files);
  return l;
}

void print(std::FILE* out, const Diagnostics& diags, const std::vector<std::string>& files, bool color,
           bool errors_only) {
  for (const auto& d : diags.all()) {
    if (errors_only && d.severity != Severity::error) continue;
    std::fprintf(out, "%s\n", format_text(d, files, color).c_str());
  }
}

}  // namespace

int check_region(const Globals& g, const fs::path& root, const std::string& format, bool strict) {
  const LoadedRegion l = load(g, root, true);
  if (format == "json") {
    write_output("-", format_json(l.diags, l.files));
  } else if (format == "sarif") {
    const std::string prefix = path_in_repository(root).value_or("");
    write_output("-", format_sarif(l.diags, l.files, CLS_VERSION, prefix));
  } else {
    print(stdout, l.diags, l.files, g.color_for(1), false);
    if (!g.quiet) {
      const std::size_t e = l.diags.errors(), w = l.diags.warnings(), n = l.files.size();
      const std::size_t p = l.members.size();
      const std::string summary = trf("{errors}, {warnings} in {files}",
                                      fmt::arg("errors", trnf("{} error", "{} errors", e, e)),
                                      fmt::arg("warnings", trnf("{} warning", "{} warnings", w, w)),
                                      fmt::arg("files", trnf("{} file", "{} files", n, n)));
      std::fprintf(stderr, "%s (%s)\n", summary.c_str(), trnf("{} project", "{} projects", p, p).c_str());
    }
  }
  if (l.diags.has_errors() || (strict && l.diags.warnings() > 0)) return kInvalid;
  return kOk;
}

int report_region(const Globals& g, const fs::path& root, const RegionReportOptions& options, OutputFormat format,
                  const std::string& output) {
  const LoadedRegion l = load(g, root, false);
  // region.yaml itself must be right: without it there is no list to report
  // on. A listed project that is missing is left out like a broken one.
  bool region_errors = false;
  for (const auto& d : l.diags.all()) {
    if (d.severity == Severity::error && d.loc.file == 0 && d.rule != "region/project") region_errors = true;
  }
  if (l.diags.has_errors()) print(stderr, l.diags, l.files, g.color_for(2), true);
  if (region_errors) {
    throw Exit{kInvalid, "cls: " + std::string(tr("region.yaml has errors; run `cls check` for details"))};
  }
  const RegionRollup r = compute_region_rollup(l.region, l.members, options.as_of, options.year);
  std::string text = render_region_report(l.region, r, options);
  if (format == OutputFormat::pdf) text = to_pdf(text);
  write_output(output, text);
  if (!r.left_out.empty()) {
    if (!g.quiet) {
      std::fprintf(stderr, "cls: %s\n",
                   trnf("{} project has errors and is left out of the figures (said in the report)",
                        "{} projects have errors and are left out of the figures (said in the report)",
                        r.left_out.size(), r.left_out.size())
                       .c_str());
    }
    return kInvalid;
  }
  return kOk;
}

}  // namespace cls::cli
