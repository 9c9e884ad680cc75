// SPDX-License-Identifier: EUPL-1.2
#include "cli.h"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

#include "cls/check.h"
#include "cls/french_words.h"
#include "cls/i18n.h"
#include "cls/load.h"
#include "cls/pdf.h"

namespace cls::cli {

namespace fs = std::filesystem;

Date Globals::today_date() const {
  std::string text = today;
  if (text.empty()) {
    if (const char* env = std::getenv("CLS_TODAY"); env && *env) text = env;
  }
  if (text.empty()) return today_from_clock();
  if (auto d = Date::parse(text)) return *d;
  throw Exit{kUsage, "cls: " + trf("invalid date for --today / CLS_TODAY: '{}' (expected YYYY-MM-DD)", text)};
}

bool Globals::color_for(int fd) const {
  if (color == "always") return true;
  if (color == "never") return false;
  if (const char* nc = std::getenv("NO_COLOR"); nc && *nc) return false;
  if (const char* term = std::getenv("TERM"); term && std::string(term) == "dumb") return false;
  return isatty(fd) != 0;
}

fs::path project_root(const Globals& g) {
  const fs::path start = g.directory.empty() ? fs::current_path() : fs::path(g.directory);
  if (!g.directory.empty()) {
    std::error_code ec;
    if (!fs::is_directory(start, ec)) throw Exit{kUsage, "cls: " + trf("no such directory: {}", g.directory)};
  }
  auto root = find_project_root(start);
  if (!root) {
    throw Exit{kUsage, "cls: " + (g.directory.empty()
                                      ? std::string(tr("no cls.yaml found in the current directory or its parents "
                                                       "(run `cls init` to start a project, or use -C DIR)"))
                                      : trf("no cls.yaml found in {} or its parents "
                                            "(run `cls init` to start a project, or use -C DIR)",
                                            g.directory))};
  }
  protect_project(*root);  // -o never replaces the project's YAML (SPEC §13)
  return *root;
}

void print_diagnostics(std::FILE* out, const Diagnostics& diags, const Project& p, bool color) {
  for (const auto& d : diags.all()) {
    std::fprintf(out, "%s\n", format_text(d, p.files, color).c_str());
  }
}

Project load_checked(const Globals& g) {
  const fs::path root = project_root(g);
  const Date today = g.today_date();
  Diagnostics diags;
  Project p = load_project(root, diags);
  check_project(p, CheckOptions{today}, diags);
  if (diags.has_errors()) {
    diags.sort(p.files);
    Diagnostics errors;
    for (const auto& d : diags.all()) {
      if (d.severity == Severity::error) errors.add(d);
    }
    errors.sort(p.files);  // places the lines "and N more" again
    print_diagnostics(stderr, errors, p, g.color_for(2));
    throw Exit{kInvalid, "cls: " + trnf("the project has {} error; run `cls check` for details",
                                        "the project has {} errors; run `cls check` for details",
                                        errors.errors(), errors.errors())};
  }
  return p;
}

void warn_about_meeting(const Globals& g, const Project& p, const Meeting& m) {
  if (g.quiet) return;
  Diagnostics diags;
  check_meeting(p, m, CheckOptions{g.today_date()}, diags);
  diags.sort(p.files);
  print_diagnostics(stderr, diags, p, g.color_for(2));
}

void write_output(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size() || std::fflush(stdout) != 0) {
      throw Exit{kUsage, std::string("cls: ") + tr("cannot write to standard output")};
    }
    return;
  }
  try {
    write_file(path, content);
  } catch (const OutputError& e) {
    throw Exit{kUsage, std::string("cls: ") + e.what()};
  }
}

void write_output_streamed(const std::string& path, const std::function<void(std::FILE*)>& write) {
  try {
    write_file_streamed(path, write);
  } catch (const OutputError& e) {
    throw Exit{kUsage, std::string("cls: ") + e.what()};
  }
}

CLI::Validator one_of(std::vector<std::string> names) {
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ",") + n;
  return CLI::Validator(
      [names, list](std::string& value) -> std::string {
        for (const std::string& n : names) {
          if (n == value) return {};
        }
        std::string msg = value + " not in {" + list + "}";
        const std::vector<std::string_view> candidates(names.begin(), names.end());
        if (const std::string near = words::suggest(value, candidates); !near.empty()) {
          msg += trf("; did you mean '{}'?", near);
        }
        return msg;
      },
      "");
}

CLI::Option* add_format_option(CLI::App& app, std::string& target, std::span<const OutputFormat> supported,
                               OutputFormat fallback) {
  std::vector<std::string> names;
  for (OutputFormat f : supported) names.emplace_back(format_name(f));
  const std::string help = supported.size() == 1
                               ? "Output format (the only one: " + names[0] + ")"
                               : "Output format (default: from the -o file's extension, else " +
                                     std::string(format_name(fallback)) + ")";
  return app.add_option("--format", target, help)
      ->check(one_of(names))
      ->type_name(format_list(supported, "|"));
}

OutputFormat output_format(const CLI::App& app, const std::string& format, const std::string& output,
                           std::span<const OutputFormat> supported, OutputFormat fallback, bool to_folder) {
  const std::string command = "cls " + app.get_name();
  OutputFormat chosen;
  try {
    chosen = choose_output_format(format, output, supported, fallback);
  } catch (const FormatError& e) {
    throw Exit{kUsage, command + ": " + e.what()};
  }
  if (chosen == OutputFormat::pdf || chosen == OutputFormat::xlsx) {
    if (!to_folder && (output.empty() || output == "-") && isatty(1)) {
      const std::string what = chosen == OutputFormat::pdf ? "a PDF" : "an Excel workbook";
      throw Exit{kUsage, command + ": " + what + " is not for a terminal: write it to a file with -o FILE." +
                             std::string(format_extension(chosen)) + ", or redirect standard output"};
    }
  }
  if (chosen == OutputFormat::pdf) {
    try {
      find_weasyprint();
    } catch (const PdfError& e) {
      throw Exit{kUsage, command + ": " + e.what()};
    }
  }
  return chosen;
}

std::string to_pdf(const std::string& html) {
  try {
    return html_to_pdf(html);
  } catch (const PdfError& e) {
    throw Exit{kUsage, std::string("cls: ") + e.what()};
  }
}

std::vector<std::string> to_pdfs(const std::string& html, const std::vector<std::string>& keys,
                                 const std::function<std::string(std::size_t)>& letter_html) {
  try {
    return html_letters_to_pdfs(html, keys, letter_html);
  } catch (const PdfError& e) {
    throw Exit{kUsage, std::string("cls: ") + e.what()};
  }
}

void write_outputs(std::vector<OutputFile>& files, WriteMode mode) {
  try {
    write_files(files, mode);
  } catch (const OutputError& e) {
    throw Exit{kUsage, std::string("cls: ") + e.what()};
  }
}

void write_document(const Project& p, OutputFormat format, const std::string& output,
                    const std::function<std::string(DocFormat)>& render) {
  std::string doc;
  try {
    doc = render(template_format(format));
  } catch (const TemplateError& e) {
    throw Exit{kInvalid, template_error_text(e, p.root)};
  }
  if (format == OutputFormat::pdf) doc = to_pdf(doc);
  write_output(output, doc);
}

}  // namespace cls::cli
