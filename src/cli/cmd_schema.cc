// SPDX-License-Identifier: EUPL-1.2
// cls schema [DIR]: the JSON Schemas of the project's files (schema.h), for
// editors. Without DIR, into the project's .cls/schemas/, where `cls init`
// points the files' `# yaml-language-server: $schema=` lines, so that
// `cls schema` after an upgrade refreshes them.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "cls/i18n.h"
#include "cls/load.h"
#include "cls/schema.h"

namespace cls::cli {

namespace fs = std::filesystem;

Runner schema_command(CLI::App& app, const Globals& g) {
  auto dir = std::make_shared<std::string>();
  app.add_option("DIR", *dir,
                 tr("Where to write the schemas (created if missing; default: the project's .cls/schemas)"))
      ->type_name(tr("DIR"));
  return [dir, &g] {
    fs::path out;
    if (!dir->empty()) {
      out = *dir;
      if (!g.directory.empty() && out.is_relative()) out = fs::path(g.directory) / out;
    } else {
      out = project_root(g) / schema::kProjectFolder;
    }
    std::vector<OutputFile> files;
    for (const schema::SchemaFile& s : schema::schemas()) files.push_back({out / s.name, s.json});
    // Generated files: replaced whole, each one or none (output_file.h).
    write_outputs(files, WriteMode::replace_entry);
    if (!g.quiet) {
      // Named from the current directory when inside it, as given otherwise.
      std::error_code ec;
      const fs::path here = fs::current_path(ec);
      for (const OutputFile& f : files) {
        fs::path shown = f.path.is_absolute() && !ec ? f.path.lexically_relative(here) : f.path;
        if (shown.empty() || *shown.begin() == "..") shown = f.path;
        std::printf("%s\n", shown.string().c_str());
      }
    }
    std::fflush(stdout);
    return kOk;
  };
}

}  // namespace cls::cli
