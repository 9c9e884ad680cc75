// SPDX-License-Identifier: EUPL-1.2
// What every subcommand shares: the global options (SPEC §7), loading the
// project, and writing results. Each subcommand lives in its own cmd_*.cc and
// is one row of the table in main.cc.
#pragma once
#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "cls/calendar.h"
#include "cls/documents.h"
#include "cls/diagnostic.h"
#include "cls/model.h"
#include "cls/output_file.h"
#include "cls/output_format.h"

namespace cls {
struct RegionReportOptions;
}

namespace cls::cli {

// Exit statuses of SPEC §7.
constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

// Thrown to stop a command with a message on standard error and a status.
struct Exit {
  int status;
  std::string message;
};

struct Globals {
  std::string directory;  // -C
  std::string today;      // --today or CLS_TODAY
  std::string color = "auto";
  bool quiet = false;

  Date today_date() const;       // --today, CLS_TODAY, else the clock
  bool color_for(int fd) const;  // --color, NO_COLOR, isatty
};

// A subcommand: `setup` declares its options on `app` and returns what to run
// once the command line is parsed.
using Runner = std::function<int()>;
struct Command {
  const char* name;
  const char* summary;
  Runner (*setup)(CLI::App& app, const Globals& globals);
  const char* alias = nullptr;  // another name ("emargement" for attendance-sheet)
};

// The project root from -C or the current directory (exit 2 when none).
std::filesystem::path project_root(const Globals& g);

// Loads and checks the project for a command that renders from it: errors
// are printed to standard error and end the command with status 1.
Project load_checked(const Globals& g);

// Prints on standard error the warnings of `cls check` that concern one
// meeting (check_meeting(): notice, mandates, addresses, composition…), as
// every document command does before it renders (SPEC §8.3); none with -q.
void warn_about_meeting(const Globals& g, const Project& p, const Meeting& m);

// Writes `content` to `path` whole or not at all (output_file.h); "-" or
// empty is standard output. Exit 2 on I/O error.
void write_output(const std::string& path, const std::string& content);
// The same, for a document written as it is made (cls report -o): whole or
// not at all all the same (output_file.h, write_file_streamed).
void write_output_streamed(const std::string& path, const std::function<void(std::FILE*)>& write);

// Writes all of `files` or none (output_file.h). Exit 2 on I/O error.
void write_outputs(std::vector<OutputFile>& files, WriteMode mode);

// A check that a value is one of `names`, whose message suggests the one
// meant: "--format: jsno not in {text,json,sarif}; did you mean 'json'?".
CLI::Validator one_of(std::vector<std::string> names);

// --format for a command that writes `supported` (SPEC §9): only those
// words, and a help that names them and says the rule.
CLI::Option* add_format_option(CLI::App& app, std::string& target, std::span<const OutputFormat> supported,
                               OutputFormat fallback);
// The output format by the one rule of output_format.h: --format, else the
// -o file's extension, else `fallback`. Exit 2, before anything is written,
// on a contradiction or an extension the command cannot write. A PDF or an
// Excel workbook is refused on a terminal (exit 2: it would only garble it),
// and a PDF needs WeasyPrint (exit 2 when it is missing, saying how to
// install it): both are known before the project is loaded. `to_folder`:
// the command writes into a folder (--out-dir), not to -o or standard output.
OutputFormat output_format(const CLI::App& app, const std::string& format, const std::string& output,
                           std::span<const OutputFormat> supported, OutputFormat fallback, bool to_folder = false);
// The PDF of an HTML document, or of letters one PDF each (pdf.h); exit 2
// when WeasyPrint fails.
std::string to_pdf(const std::string& html);

// One document of a meeting written to `output` (agenda, émargement, pouvoirs):
// `render` gives it in the template format of `format` (a template error is
// the project's, exit 1), then it goes through WeasyPrint for PDF.
void write_document(const Project& p, OutputFormat format, const std::string& output,
                    const std::function<std::string(DocFormat)>& render);
std::vector<std::string> to_pdfs(const std::string& html, const std::vector<std::string>& keys,
                                 const std::function<std::string(std::size_t)>& letter_html);

// A region's root (SPEC §11, cmd_region.cc): when the nearest folder from -C
// or the current directory up that holds cls.yaml or region.yaml holds
// region.yaml only. `cls check` and `cls report` then work on the region.
std::optional<std::filesystem::path> region_root(const Globals& g);
int check_region(const Globals& g, const std::filesystem::path& root, const std::string& format, bool strict);
// The regional report: written with the projects that have no error; exit 1
// when some were left out (their errors on standard error).
int report_region(const Globals& g, const std::filesystem::path& root, const RegionReportOptions& options,
                  OutputFormat format, const std::string& output);
// Prints diagnostics as `cls check` does in text.
void print_diagnostics(std::FILE* out, const Diagnostics& diags, const Project& p, bool color);

}  // namespace cls::cli
