// SPDX-License-Identifier: EUPL-1.2
// The format of a command's output (SPEC §9): one rule for every command.
// `--format` when given; else what the extension of the `-o` file says; else
// the command's default. A `--format` that contradicts the file's extension,
// or an extension the command cannot write, is a usage error: the user meant
// something, and guessing which of the two would write the wrong file.
#pragma once
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cls {

enum class OutputFormat { markdown, html, json, csv, xlsx, pdf, ics, eml, text };

// The word `--format` takes: "md", "html", "json", "csv", "xlsx", "pdf",
// "ics", "eml", "text".
std::string_view format_name(OutputFormat format);
// The extension of a file of this format, without the dot: the name, but
// "txt" for text (convocation --out-dir names its files with it).
std::string_view format_extension(OutputFormat format);
// A `--format` word: the names above, and "markdown"; nullopt otherwise.
std::optional<OutputFormat> parse_format(std::string_view name);
// What a file's extension says, case-insensitively: .md .markdown .html .htm
// .json .csv .xlsx .pdf .ics .eml .txt; nullopt for any other extension, for
// none ("notes", ".pdf" is a hidden file without one) and for "-" (standard
// output).
std::optional<OutputFormat> format_of_file(std::string_view path);

// A usage error of --format and -o, with the message to print after the
// command's name.
struct FormatError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// The rule itself. `supported` lists the formats the command writes (in the
// order its help gives them), `fallback` is its default (one of them).
// Throws FormatError when `format_option` is not empty and not supported,
// when it contradicts what `output_path` names, or when `output_path` has an
// extension of a format the command does not write. ".txt" is the exception:
// for a command without a text format it says nothing (Markdown, CSV and
// JSON are text too), and the rule goes on to --format or the default.
OutputFormat choose_output_format(std::string_view format_option, std::string_view output_path,
                                  std::span<const OutputFormat> supported, OutputFormat fallback);

// "md|html|pdf": the supported names, for help texts and messages.
std::string format_list(std::span<const OutputFormat> supported, std::string_view separator);

}  // namespace cls
