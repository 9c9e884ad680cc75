// SPDX-License-Identifier: EUPL-1.2
// What every subcommand shares: the global options (SPEC §7), loading the
// project, and writing results. Each subcommand lives in its own cmd_*.cc and
// is one row of the table in main.cc.
#pragma once
#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "cls/calendar.h"
#include "cls/diagnostic.h"
#include "cls/model.h"
#include "cls/output_file.h"

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
};

// The project root from -C or the current directory (exit 2 when none).
std::filesystem::path project_root(const Globals& g);

// Loads and checks the project for a command that renders from it: errors
// are printed to standard error and end the command with status 1.
Project load_checked(const Globals& g);

// Writes `content` to `path` whole or not at all (output_file.h); "-" or
// empty is standard output. Exit 2 on I/O error.
void write_output(const std::string& path, const std::string& content);
// The same, for a document written as it is made (cls report -o): whole or
// not at all all the same (output_file.h, write_file_streamed).
void write_output_streamed(const std::string& path, const std::function<void(std::FILE*)>& write);

// Writes all of `files` or none (output_file.h). Exit 2 on I/O error.
void write_outputs(std::vector<OutputFile>& files, WriteMode mode);

// Prints diagnostics as `cls check` does in text.
void print_diagnostics(std::FILE* out, const Diagnostics& diags, const Project& p, bool color);

}  // namespace cls::cli
