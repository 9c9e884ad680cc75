// SPDX-License-Identifier: EUPL-1.2
// Loading a project (SPEC §1): find it, read cls.yaml, actors/, actions/ and
// meetings/, and build the model. Problems of form (YAML, schema, ids, dates)
// are reported here; problems of meaning are the checker's (check.h).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cls/diagnostic.h"
#include "cls/model.h"
#include "cls/yaml_tree.h"

namespace cls {

// The directory holding cls.yaml: `start` or its nearest parent that has one.
std::optional<std::filesystem::path> find_project_root(const std::filesystem::path& start);

// The limits on each file of a project (cls-check(1), LIMITS): files of up
// to 4 MiB, so that a list of ten thousand actors (an annuaire exported from
// a spreadsheet, ~330 bytes per actor) still loads, while a file of tens of
// MB is refused by its size at once.
inline constexpr YamlLimits kProjectFileLimits{};

// One file of a project, its path relative to the root ("actions/PREV-02.yaml").
struct SourceFile {
  SourceFile() = default;
  SourceFile(std::string path_, std::string bytes_, std::string problem_ = {})
      : path(std::move(path_)), bytes(std::move(bytes_)), problem(std::move(problem_)) {}
  std::string path;
  std::string bytes;
  std::string problem;  // not empty: the file cannot be read, and why (reported, not parsed)
};

// The project's files in sorted path order: cls.yaml, and every .yaml/.yml file
// under actors/, actions/ and meetings/ (subfolders included; symbolic links
// to directories are not followed, so a link loop cannot trap the walk).
// Files that cannot be read are reported and skipped.
std::vector<std::string> project_files(const std::filesystem::path& root, Diagnostics& diags);

// Reads and parses the files of `root` in parallel, then merges in path order.
Project load_project(const std::filesystem::path& root, Diagnostics& diags,
                     const YamlLimits& limits = kProjectFileLimits);

// The same from bytes already in memory (a git revision, a fuzzer input).
// `files` need not be sorted.
Project load_project(std::vector<SourceFile> files, Diagnostics& diags,
                     const YamlLimits& limits = kProjectFileLimits);

}  // namespace cls
