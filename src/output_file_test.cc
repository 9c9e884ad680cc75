// SPDX-License-Identifier: EUPL-1.2
// Output files whole or not at all: replacing, links, devices, batches that
// fail half way, and never overwriting in create_new mode.
#include "cls/output_file.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace cls;

namespace {

// A scratch directory, removed at the end of the test.
struct TempDir {
  fs::path root;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "cls-output-test-XXXXXX").string();
    root = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  fs::path operator/(const std::string& rel) const { return root / rel; }
  // Every name under the root, hidden ones included, sorted.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      out.push_back(e.path().lexically_relative(root).generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

mode_t perms_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("-o writes a new file, and replaces an old one keeping its permissions") {
  TempDir t;
  write_file(t / "report.md", "nouveau");
  CHECK(read(t / "report.md") == "nouveau");
  put(t / "private.md", "ancien");
  fs::permissions(t / "private.md", fs::perms::owner_read | fs::perms::owner_write);
  write_file(t / "private.md", "remplacé");
  CHECK(read(t / "private.md") == "remplacé");
  CHECK(perms_of(t / "private.md") == 0600);
  // No temporary file is left beside them.
  CHECK(t.names() == std::vector<std::string>{"private.md", "report.md"});
}

TEST_CASE("-o writes through a symbolic link, as > does, and the link stays") {
  TempDir t;
  fs::create_directory(t / "real");
  put(t / "real/dash.html", "ancien");
  fs::create_symlink("real/dash.html", t / "dash.html");
  write_file(t / "dash.html", "nouveau");
  CHECK(fs::is_symlink(t / "dash.html"));
  CHECK(read(t / "real/dash.html") == "nouveau");
  CHECK(t.names() == std::vector<std::string>{"dash.html", "real", "real/dash.html"});
}

TEST_CASE("-o into a missing directory, onto a directory or a file's child fails and leaves nothing") {
  TempDir t;
  CHECK_THROWS_WITH_AS(write_file(t / "missing/report.md", "x"),
                       doctest::Contains("no such directory"), OutputError);
  fs::create_directory(t / "folder");
  CHECK_THROWS_WITH_AS(write_file(t / "folder", "x"), doctest::Contains("it is a directory"), OutputError);
  put(t / "file", "keep");
  CHECK_THROWS_WITH_AS(write_file(t / "file/report.md", "x"), doctest::Contains("is not a directory"),
                       OutputError);
  CHECK(t.names() == std::vector<std::string>{"file", "folder"});
  CHECK(read(t / "file") == "keep");
}

TEST_CASE("-o onto a device writes to it and does not replace it") {
  // As root, a rename over /dev/null would replace the device by a file.
  write_file("/dev/null", "rien");
  struct stat st {};
  REQUIRE(::stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
  CHECK_THROWS_WITH_AS(write_file("/dev/full", "plein"), doctest::Contains("No space left"), OutputError);
}

TEST_CASE("--out-dir replaces a link found in it rather than write where it points") {
  TempDir t;
  fs::create_directories(t / "out");
  put(t / "secret", "intact");
  fs::create_symlink("../secret", t / "out/m--a.md");
  std::vector<OutputFile> files{{t / "out/m--a.md", "lettre A"}, {t / "out/m--b.md", "lettre B"}};
  write_files(files, WriteMode::replace_entry);
  CHECK(read(t / "secret") == "intact");
  CHECK_FALSE(fs::is_symlink(t / "out/m--a.md"));
  CHECK(read(t / "out/m--a.md") == "lettre A");
  CHECK(read(t / "out/m--b.md") == "lettre B");
  CHECK(files[0].created);
  CHECK(files[1].created);
}

TEST_CASE("a batch that cannot be written whole writes nothing, directories included") {
  TempDir t;
  put(t / "blocker", "a file where a directory is needed");
  std::vector<OutputFile> files{{t / "new/dir/a.md", "A"}, {t / "blocker/b.md", "B"}};
  CHECK_THROWS_WITH_AS(write_files(files, WriteMode::replace_entry),
                       doctest::Contains("none of the 2 files was written"), OutputError);
  CHECK(t.names() == std::vector<std::string>{"blocker"});
}

TEST_CASE("create_new never overwrites: an existing file or link is kept and reported") {
  TempDir t;
  fs::create_directories(t / "p/actors");
  put(t / "p/actors/partenaires.yaml", "mine");
  fs::create_symlink("nowhere", t / "p/cls.yaml");
  std::vector<OutputFile> files{{t / "p/cls.yaml", "id: x"},
                                {t / "p/actors/partenaires.yaml", "theirs"},
                                {t / "p/meetings/m.yaml", "id: m"}};
  write_files(files, WriteMode::create_new);
  CHECK_FALSE(files[0].created);
  CHECK_FALSE(files[1].created);
  CHECK(files[2].created);
  CHECK(fs::is_symlink(t / "p/cls.yaml"));
  CHECK(read(t / "p/actors/partenaires.yaml") == "mine");
  CHECK(read(t / "p/meetings/m.yaml") == "id: m");
  CHECK(t.names() == std::vector<std::string>{"p", "p/actors", "p/actors/partenaires.yaml", "p/cls.yaml",
                                              "p/meetings", "p/meetings/m.yaml"});
}

TEST_CASE("a streamed file is whole or not at all, like any other") {
  TempDir t;
  put(t / "report.json", "old");
  ::chmod((t / "report.json").c_str(), 0640);
  // Written through the stream, in many pieces: all of it lands, with the
  // old file's permissions.
  write_file_streamed(t / "report.json", [](std::FILE* f) {
    for (int i = 0; i < 100000; ++i) std::fputs("0123456789", f);
  });
  CHECK(read(t / "report.json").size() == 1000000);
  CHECK(perms_of(t / "report.json") == 0640);
  CHECK(t.names() == std::vector<std::string>{"report.json"});

  // The writer fails half way (a template error, say): the old file stays,
  // no temporary file is left, and the exception reaches the caller.
  put(t / "report.json", "old");
  CHECK_THROWS_AS(write_file_streamed(t / "report.json",
                                      [](std::FILE* f) {
                                        std::fputs("half of it", f);
                                        throw std::runtime_error("template error");
                                      }),
                  std::runtime_error);
  CHECK(read(t / "report.json") == "old");
  CHECK(t.names() == std::vector<std::string>{"report.json"});

  // A missing directory is an error, and nothing is created.
  CHECK_THROWS_AS(write_file_streamed(t / "out/report.json", [](std::FILE* f) { std::fputs("x", f); }),
                  OutputError);
  CHECK(t.names() == std::vector<std::string>{"report.json"});
}

TEST_CASE("a streamed file to a full disk is an error and leaves nothing") {
  if (!fs::exists("/dev/full")) return;  // Linux only
  // Written directly (a device), so the error is the device's: ENOSPC.
  CHECK_THROWS_WITH_AS(write_file_streamed("/dev/full", [](std::FILE* f) { std::fputs("x", f); }),
                       doctest::Contains("No space left on device"), OutputError);
}

TEST_CASE("-o never replaces the project's YAML (SPEC §13)") {
  TempDir t;
  fs::create_directories(t / "p/actions");
  put(t / "p/cls.yaml", "id: x\n");
  put(t / "p/actions/A.yaml", "id: A\n");
  protect_project(t / "p");
  for (const char* rel : {"p/cls.yaml", "p/actions/A.yaml", "p/actions/../cls.yaml", "p/actions/new.yml",
                          "p/region.yaml", "p/meetings/m.yaml"}) {
    CAPTURE(rel);
    CHECK_THROWS_AS(write_file(t / rel, "report"), OutputError);
  }
  fs::create_symlink(t / "p/actions/A.yaml", t / "link.md");
  CHECK_THROWS_AS(write_file(t / "link.md", "report"), OutputError);
  CHECK(read(t / "p/cls.yaml") == "id: x\n");
  CHECK(read(t / "p/actions/A.yaml") == "id: A\n");
  write_file(t / "p/report.md", "report");  // beside it: fine
  write_file(t / "p/actions/notes.md", "notes");
  CHECK(read(t / "p/report.md") == "report");
  protect_project({});
}

TEST_CASE("-o onto a descriptor of ours writes through it: appends when it was opened to append") {
  TempDir t;
  put(t / "log", "first line\n");
  const int fd = ::open((t / "log").c_str(), O_WRONLY | O_APPEND);
  REQUIRE(fd >= 0);
  write_file("/proc/self/fd/" + std::to_string(fd), "appended\n");
  write_file("/dev/fd/" + std::to_string(fd), "again\n");
  ::close(fd);
  CHECK(read(t / "log") == "first line\nappended\nagain\n");
}

TEST_CASE("-o onto a regular file under /dev/shm truncates it first, as > does") {
  if (!fs::is_directory("/dev/shm")) return;
  const fs::path shm = "/dev/shm/cls-output-test-" + std::to_string(::getpid());
  put(shm, std::string(10000, 'o'));
  write_file(shm, "short\n");
  CHECK(read(shm) == "short\n");
  fs::remove(shm);
}
