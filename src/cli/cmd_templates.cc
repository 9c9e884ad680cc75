// SPDX-License-Identifier: EUPL-1.2
// cls templates list | export DIR [NAME...]: the document templates built
// into the binary, and which of them the project overrides (SPEC §5.5).
#include <cstdio>
#include <memory>

#include "cli.h"
#include "cls/load.h"
#include "cls/templates.h"
#include "cls/utf8.h"

namespace cls::cli {

namespace fs = std::filesystem;

namespace {

bool is_template(std::string_view name) {
  constexpr std::string_view suffix = ".mustache";
  return name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
}

// The project the command runs in, if any: -C names one (and must), else the
// current directory or a parent may hold one.
std::optional<fs::path> optional_project(const Globals& g) {
  if (!g.directory.empty()) return project_root(g);
  return find_project_root(fs::current_path());
}

}  // namespace

Runner templates_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string dir;
    std::vector<std::string> names;
  };
  auto o = std::make_shared<Options>();
  app.require_subcommand(1, 1);
  CLI::App* list = app.add_subcommand(
      "list", "Name the templates, and say which ones the project's templates/ folder overrides");
  CLI::App* exp = app.add_subcommand(
      "export", "Write the built-in templates into DIR to start from (never over an existing file)");
  exp->add_option("DIR", o->dir, "Where to write them (created if missing), e.g. templates")->required();
  exp->add_option("NAME", o->names, "Only these templates (default: all)");
  return [o, list, exp, &g] {
    if (list->parsed()) {
      const std::optional<fs::path> root = optional_project(g);
      const std::vector<TemplateSource> all = list_templates(root ? *root : fs::path());
      std::size_t width = 0;
      for (const TemplateSource& t : all) width = std::max(width, display_width(t.name));
      std::string out;
      for (const TemplateSource& t : all) {
        if (!is_template(t.name)) continue;
        std::string where;
        if (t.builtin()) {
          where = "built-in";
        } else {
          bool builtin = false;
          for (const EmbeddedTemplate& e : builtin_templates()) builtin = builtin || e.name == t.name;
          where = std::string(builtin ? "overridden by " : "project's own: ") + "templates/" + t.name;
        }
        out += t.name + std::string(width + 2 - display_width(t.name), ' ') + where + "\n";
      }
      write_output("-", out);
      return kOk;
    }
    (void)exp;
    std::vector<EmbeddedTemplate> chosen;
    for (const std::string& name : o->names) {
      bool found = false;
      for (const EmbeddedTemplate& e : builtin_templates()) {
        if (e.name == name && is_template(e.name)) {
          chosen.push_back(e);
          found = true;
        }
      }
      if (!found) {
        throw Exit{kUsage, "cls: no built-in template named '" + name + "' (see `cls templates list`)"};
      }
    }
    if (o->names.empty()) {
      for (const EmbeddedTemplate& e : builtin_templates()) {
        if (is_template(e.name)) chosen.push_back(e);
      }
    }
    const fs::path dir(o->dir);
    std::vector<OutputFile> files;
    for (const EmbeddedTemplate& e : chosen) files.push_back({dir / std::string(e.name), std::string(e.text)});
    write_outputs(files, WriteMode::create_new);
    for (const OutputFile& f : files) {
      if (g.quiet) continue;
      if (f.created) {
        std::printf("%s\n", f.path.string().c_str());
      } else {
        std::fprintf(stderr, "cls: kept %s: the file exists\n", f.path.string().c_str());
      }
    }
    std::fflush(stdout);
    return kOk;
  };
}

}  // namespace cls::cli
