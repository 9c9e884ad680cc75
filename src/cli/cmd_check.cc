// SPDX-License-Identifier: EUPL-1.2
// cls check: every problem of the project, compiler style (SPEC §2).
#include <cstdio>
#include <functional>
#include <memory>

#include "cli.h"
#include "cls/check.h"
#include "cls/history.h"
#include "cls/i18n.h"
#include "cls/load.h"

namespace cls::cli {

Runner check_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string format = "text";
    bool strict = false;
  };
  auto o = std::make_shared<Options>();
  app.add_option("--format", o->format, tr("Output format"))
      ->check(one_of({"text", "json", "sarif"}))
      ->type_name("text|json|sarif");
  app.add_flag("--strict", o->strict, tr("Fail (exit 1) on warnings too"));
  return [o, &g] {
    if (const auto region = region_root(g)) return check_region(g, *region, o->format, o->strict);  // SPEC §11
    const auto root = project_root(g);
    const Date today = g.today_date();
    Diagnostics diags;
    Project p = load_project(root, diags);
    check_project(p, CheckOptions{today}, diags);
    diags.sort(p.files);
    // JSON and SARIF are streamed to standard output as they are made
    // (diagnostic.h), never built whole in memory.
    const auto streamed = [](const std::function<void(std::FILE*)>& write) {
      write(stdout);
      if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        throw Exit{kUsage, std::string("cls: ") + tr("cannot write to standard output")};
      }
    };
    if (o->format == "json") {
      streamed([&](std::FILE* out) { write_json(out, diags, p.files); });
    } else if (o->format == "sarif") {
      // Forges name files from the top of the repository: a project in plan/
      // reports plan/actions/A.yaml (nothing is added outside git).
      const std::string prefix = path_in_repository(root).value_or("");
      streamed([&](std::FILE* out) { write_sarif(out, diags, p.files, CLS_VERSION, prefix); });
    } else {
      print_diagnostics(stdout, diags, p, g.color_for(1));
      if (!g.quiet) {
        const std::size_t e = diags.errors(), w = diags.warnings(), n = p.files.size();
        // TRANSLATORS: the three parts are the next three messages.
        const std::string summary = trf("{errors}, {warnings} in {files}",
                                        fmt::arg("errors", trnf("{} error", "{} errors", e, e)),
                                        fmt::arg("warnings", trnf("{} warning", "{} warnings", w, w)),
                                        fmt::arg("files", trnf("{} file", "{} files", n, n)));
        std::fprintf(stderr, "%s\n", summary.c_str());
      }
    }
    if (diags.has_errors() || (o->strict && diags.warnings() > 0)) return kInvalid;
    return kOk;
  };
}

}  // namespace cls::cli
