// SPDX-License-Identifier: EUPL-1.2
// Reading a project's files from disk: which files make the project, and the
// one way they are read (SPEC §1, §13), with its link and size policy. The
// loader (load.h) reads YAML through it, templates.cc the project's templates.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cls {

// A file of the project as found on disk, and why it cannot be read, if so:
// such a file is reported with its name rather than silently left out, so
// that CI never passes on a file it did not read.
struct ListedFile {
  std::string path;     // relative to the root, with '/'
  std::string problem;  // empty when the file can be read
};

// cls.yaml and every .yaml/.yml file under actors/, actions/ and meetings/
// (subfolders included), sorted by path. Symbolic links to directories are
// not followed (a link loop cannot trap the walk); a link to a file outside
// the project, a dangling link, a pipe, a socket or a device is listed with
// its problem.
std::vector<ListedFile> list_project_files(const std::filesystem::path& root);

// Reads a whole regular file of at most `max_bytes`. Opened without
// blocking, so that a named pipe put in place of a file cannot hang the run,
// and refused past the size limit before anything is read. On failure
// returns false with `error` saying why, in words for a diagnostic.
bool read_project_file(const std::filesystem::path& path, std::size_t max_bytes, std::string& out,
                       std::string& error);

// Reads the project's template `name` (templates/NAME, a plain file name) as
// read_project_file() does, with a stricter link policy (SPEC §13): a
// template that is a symbolic link, or that resolves outside the project's
// templates/ folder (templates/ itself a link), is refused, so that a link
// to /proc/self/environ cannot put a CI job's secrets in a published report.
bool read_project_template(const std::filesystem::path& root, std::string_view name, std::size_t max_bytes,
                           std::string& out, std::string& error);

}  // namespace cls
