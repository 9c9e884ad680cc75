// SPDX-License-Identifier: EUPL-1.2
// Writing output files whole or not at all (SPEC §7). Every command that
// writes a file goes through here: report, agenda, minutes, ics, diff (-o),
// convocation --out-dir, templates export and init. Each file is first
// written to a temporary file beside its final name and flushed to disk, then
// renamed (or, when nothing may be overwritten, linked) into place: a reader,
// a crash or a full disk sees the old file or the new one, never half of one.
#pragma once
#include <cstdio>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cls {

enum class WriteMode {
  // `-o FILE`: replaces FILE, through a symbolic link as a shell's `>` would,
  // keeping its permissions. A device or a named pipe (a FIFO), and a path
  // under /dev or /proc, is written to directly, since it cannot be
  // replaced: /dev/stdout, /dev/fd/N or /proc/self/fd/N through the
  // descriptor itself (so `-o /dev/stdout >> log` appends), any other
  // regular file (/dev/shm/x) truncated first, as a shell's `>` would. Its
  // directory must exist. Temporary files are removed on SIGINT, SIGTERM and
  // SIGHUP.
  replace,
  // `--out-dir DIR`: replaces whatever is at DIR/NAME, a symbolic link
  // included, and never follows it out of DIR.
  replace_entry,
  // `init`, `templates export`: never over an existing file or link; such a
  // file is kept, and reported as kept (OutputFile::created is false).
  create_new,
};

struct OutputFile {
  std::filesystem::path path;
  std::string content;
  bool created = false;  // set by write_files: the file is now in place
};

// An I/O failure, with a message that names the file: "cannot write
// out/cr.md: no such directory out".
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Writes all of `files`, or none of them: every temporary file is written
// before any is moved into place, and a failure removes them all (and the
// directories this call created) before throwing OutputError. Directories
// missing on the way are created, except in WriteMode::replace, where a
// missing directory is an error (a mistyped -o path must not sprout any).
void write_files(std::vector<OutputFile>& files, WriteMode mode);

// The project whose YAML no output may replace (SPEC §13): from now on a
// path that is, or resolves to, its cls.yaml, region.yaml or a .yaml/.yml
// file under actors/, actions/ or meetings/ is refused (OutputError) before
// anything is written. The CLI calls it once the project is found.
void protect_project(const std::filesystem::path& root);

// One file, WriteMode::replace.
void write_file(const std::filesystem::path& path, const std::string& content);

// One file, WriteMode::replace, with what `write` puts on the stream it is
// given: for a document as large as the project (a national report in JSON),
// written as it is made instead of held whole in memory. Still whole or not
// at all: to a temporary file, renamed into place only if everything was
// written; when `write` throws, nothing is left and the exception goes on.
void write_file_streamed(const std::filesystem::path& path, const std::function<void(std::FILE*)>& write);

}  // namespace cls
