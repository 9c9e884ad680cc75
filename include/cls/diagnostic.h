// SPDX-License-Identifier: EUPL-1.2
// Diagnostics: what `cls check` reports (SPEC §2). Every stage (load, check)
// appends to one Diagnostics sink, so a run reports every problem it finds.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cls {

// Where a key or value stands: an index into the project's file list and a
// 1-based line and column (0 = unknown, e.g. a whole-file problem).
//
// Packed in 8 bytes, 4-aligned: the model keeps one for every key and value,
// some 135 per fiche action, so its size is a good part of the model's (see
// bench/README.md, "Memory"). 20 bits of file index (a project reads at most
// kMaxFiles files), 22 of line and 21 of column: a file holds at most 4 MiB
// (cls-check(1), LIMITS), so a line past 4 194 303 or a column past
// 2 097 151 (a single line of more than 2 MiB) is kept as that number.
//
// The last bit is not part of the position: it belongs to whatever holds the
// Loc (a Field keeps there whether it has a value). So copying a Loc never
// copies it, and assigning a position to a Loc leaves it as it was.
template <class T>
struct Field;

struct __attribute__((packed, aligned(4))) Loc {
  static constexpr std::uint32_t kNoFile = (1u << 20) - 1;
  static constexpr std::uint32_t kMaxFiles = 1'000'000;  // < kNoFile
  static constexpr std::uint32_t kMaxLine = (1u << 22) - 1;
  static constexpr std::uint32_t kMaxCol = (1u << 21) - 1;

  std::uint64_t file : 20;
  std::uint64_t line : 22;
  std::uint64_t col : 21;

  Loc() : file(kNoFile), line(0), col(0), owner_bit_(0) {}
  Loc(std::uint32_t file_index, std::uint32_t line_no, std::uint32_t col_no)
      : file(file_index < kNoFile ? file_index : kNoFile),
        line(line_no < kMaxLine ? line_no : kMaxLine),
        col(col_no < kMaxCol ? col_no : kMaxCol),
        owner_bit_(0) {}
  Loc(const Loc& other) : file(other.file), line(other.line), col(other.col), owner_bit_(0) {}
  Loc& operator=(const Loc& other) {
    file = other.file;
    line = other.line;
    col = other.col;
    return *this;
  }
  bool known() const { return file != kNoFile; }

 private:
  template <class T>
  friend struct Field;
  std::uint64_t owner_bit_ : 1;
};
static_assert(sizeof(Loc) == 8 && alignof(Loc) == 4);

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string rule;  // stable id from SPEC §2, e.g. "schema/unknown-key"
  Loc loc;
  std::string message;
  // Not 0: this is the line "and N more" that closes the diagnostics of
  // `rule` in the file of `loc`, N = more, past the cap (Diagnostics).
  std::size_t more = 0;
};

// The one sink of diagnostics. The same rule on the same file is kept at
// most kMaxPerRuleAndFile times (the first ones reported); past that, only
// counted, and sort() closes them with one "and N more" diagnostic: a file of
// 690 000 wrong references keeps 100 of them, so memory and output stay
// bounded by the files (SPEC §13). errors() and warnings() count them all.
class Diagnostics {
 public:
  static constexpr std::size_t kMaxPerRuleAndFile = 100;

  void error(std::string_view rule, Loc loc, std::string message);
  void warning(std::string_view rule, Loc loc, std::string message);
  void add(Diagnostic d);
  void append(Diagnostics&& other);

  // What is kept, with the "and N more" lines once sort() has placed them.
  const std::vector<Diagnostic>& all() const { return all_; }
  std::size_t errors() const { return errors_; }
  std::size_t warnings() const { return warnings_; }
  bool has_errors() const { return errors_ > 0; }

  // Stable order for output: by file path, line, column, then rule; each
  // file's "and N more" lines after its diagnostics, by rule.
  void sort(const std::vector<std::string>& files);

 private:
  struct Count {
    std::uint32_t file;
    std::string rule;
    Severity severity;
    std::size_t kept = 0;
    std::size_t dropped = 0;
  };
  std::vector<Diagnostic> all_;
  std::vector<Count> counts_;  // in the order first met
  std::unordered_map<std::string, std::size_t> index_;  // (file, severity, rule) → counts_
  std::size_t errors_ = 0, warnings_ = 0;

  Count& count_of(std::uint32_t file, std::string_view rule, Severity severity);
};

// Output formats of `cls check` (SPEC §2). `files` maps Loc::file to a path
// relative to the project root. The JSON and SARIF documents are written as
// they are made (write_json, write_sarif into a stream), never whole in
// memory; format_json and format_sarif give them as text.
std::string format_text(const Diagnostic& d, const std::vector<std::string>& files, bool color);
std::string format_json(const Diagnostics& diags, const std::vector<std::string>& files);
void write_json(std::FILE* out, const Diagnostics& diags, const std::vector<std::string>& files);
// SARIF 2.1.0 for forges; `uri_prefix` is the project's path from the top of
// its repository ("plan/", "" at the top: history.h path_in_repository).
std::string format_sarif(const Diagnostics& diags, const std::vector<std::string>& files,
                         std::string_view tool_version, std::string_view uri_prefix = {});
void write_sarif(std::FILE* out, const Diagnostics& diags, const std::vector<std::string>& files,
                 std::string_view tool_version, std::string_view uri_prefix = {});
// The message of an "and N more" line.
std::string more_message(std::size_t more);

// Text from a file, quoted for a message: 'text', cut at about `max_bytes`
// (at a character boundary, so that the message stays valid UTF-8) with "…".
std::string quote_value(std::string_view text, std::size_t max_bytes = 40);

// The nearest candidate to `word` by edit distance, or "" when none is close
// enough to be a plausible misspelling ("did you mean …?").
std::string nearest(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace cls
