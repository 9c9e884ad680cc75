// cls templates list | export DIR [NAME...]: the document templates built
// into the binary, and which of them the project overrides (SPEC §5.5).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cls/load.h"
#include "cls/templates.h"

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

// Writes `text` to `path` whole, or not at all, and never over an existing
// file: a temporary file is linked to its final name, which fails if the name
// is taken. False when the file exists.
bool write_new_file(const fs::path& path, const std::string& text) {
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string tmp = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(tmp.data());
  if (fd < 0) throw Exit{kUsage, "cls: cannot write " + path.string() + ": " + std::strerror(errno)};
  bool ok = true;
  std::size_t done = 0;
  while (ok && done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ok = false; else done += static_cast<std::size_t>(n);
  }
  const mode_t mask = umask(0);
  umask(mask);
  ok = fchmod(fd, 0666 & ~mask) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  int err = ok ? 0 : errno;
  bool exists = false;
  if (ok && ::link(tmp.c_str(), path.c_str()) != 0) {
    err = errno;
    exists = err == EEXIST;
    ok = false;
  }
  ::unlink(tmp.c_str());
  if (exists) return false;
  if (!ok) throw Exit{kUsage, "cls: cannot write " + path.string() + ": " + std::strerror(err)};
  return true;
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
      for (const TemplateSource& t : all) width = std::max(width, t.name.size());
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
        out += t.name + std::string(width + 2 - t.name.size(), ' ') + where + "\n";
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
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) {
      throw Exit{kUsage, "cls: cannot create the directory " + o->dir +
                             (ec ? ": " + ec.message() : ": a file has this name")};
    }
    for (const EmbeddedTemplate& e : chosen) {
      const fs::path path = dir / std::string(e.name);
      if (write_new_file(path, std::string(e.text))) {
        if (!g.quiet) std::printf("%s\n", path.string().c_str());
      } else {
        if (!g.quiet) std::fprintf(stderr, "cls: kept %s: the file exists\n", path.string().c_str());
      }
    }
    std::fflush(stdout);
    return kOk;
  };
}

}  // namespace cls::cli
