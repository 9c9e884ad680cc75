// SPDX-License-Identifier: EUPL-1.2
// The loader against hostile projects: positions in what it reports, files
// that are not files (pipes, link loops, folders named x.yaml), files it may
// not read, sizes; and every input the fuzzer found, replayed.
#include "cls/load.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../fuzz/fuzz_project.h"
#include "test_project.h"

using namespace cls;
using cls::testing::with;
using V = std::vector<std::string>;
namespace fs = std::filesystem;

namespace {

const std::string kAction = "id: A1\ntitle: Action\nobjective: ob\n";

// A scratch project on disk, removed at the end of the test.
struct TempProject {
  fs::path root;
  TempProject() {
    std::string tmpl = (fs::temp_directory_path() / "cls-load-test-XXXXXX").string();
    root = mkdtemp(tmpl.data());
    write("cls.yaml", cls::testing::manifest());
    write("actors/all.yaml", cls::testing::actors());
  }
  ~TempProject() {
    std::error_code ec;
    fs::permissions(root, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(root, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  }
};

struct DiskLoad {
  Project project;
  Diagnostics diags;
  bool messages_contain(const std::string& text) const {
    for (const auto& d : diags.all()) {
      if (d.message.find(text) != std::string::npos) return true;
    }
    return false;
  }
  // "path: message" of each error, sorted.
  std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const auto& d : diags.all()) {
      if (d.severity == Severity::error) out.push_back(project.files.at(d.loc.file) + ": " + d.message);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

DiskLoad load_dir(const fs::path& root, const YamlLimits& limits = kProjectFileLimits) {
  DiskLoad l;
  l.project = load_project(root, l.diags, limits);
  return l;
}

}  // namespace

TEST_CASE("positions point at the value, in characters, after a BOM and with CRLF") {
  auto l = with("actions/a.yaml",
                "\xEF\xBB\xBFid: A1\r\ntitle: \"Écrans été\"\r\nobjective: ob\r\nstatus: fini\r\n"
                "partners: [à, ééé]\r\n");
  CHECK(l.at("schema/enum") == V{"4:9"});
  CHECK(l.at("ref/unknown") == V{"5:12", "5:15"});
  REQUIRE(l.project.actions.size() == 1);
  CHECK(*l.project.actions[0].title == "Écrans été");
}

TEST_CASE("an unclosed quote is reported, not loaded as a long title") {
  auto l = with("actions/a.yaml", "id: A1\ntitle: \"Ateliers écrans\nobjective: ob\nstatus: done\n");
  CHECK(l.at("yaml/syntax") == V{"2:8"});
  CHECK(l.project.actions.empty());
}

TEST_CASE("dates of the year 3000 and later are refused (SPEC §13)") {
  auto l = with("actions/a.yaml", "id: a\ntitle: T\nobjective: ob\nstart: 3026-01-01\ndue: 2999-12-31\n");
  CHECK(l.count("date/invalid") == 1);
  for (const auto& d : l.diags.all()) {
    if (d.rule == "date/invalid") CHECK(d.message.find("past the year 2999") != std::string::npos);
  }
}

TEST_CASE("long values are cut in messages, at a character boundary") {
  auto l = with("actions/a.yaml", "id: " + std::string(39, 'x') + "éé\ntitle: T\nobjective: ob\n" +
                                      std::string(39, 'k') + "é: 1\ndue: " + std::string(10'000, '9') + "\n");
  CHECK(l.count("schema/id") == 1);
  CHECK(l.count("schema/unknown-key") == 1);
  CHECK(l.count("date/invalid") == 1);
  for (const auto& d : l.diags.all()) {
    CHECK_MESSAGE(find_invalid_utf8(d.message) == std::string_view::npos, d.message);
    CHECK_MESSAGE(d.message.size() < 300, d.message);
  }
  CHECK(l.messages().find("'" + std::string(39, 'x') + "…'") != std::string::npos);
}

TEST_CASE("hostile values are errors, never numbers, dates or ids") {
  auto l = with("actions/a.yaml", kAction +
                                      "weight: .nan\nstart: 2026-02-30\ndue: 0000-01-01\n"
                                      "budget: {planned: 1e400, spent: .inf}\n"
                                      "indicators:\n  - {id: i, label: L, baseline: -.inf, target: 1e400}\n");
  CHECK(l.at("schema/type") == V{"4:9", "7:19", "7:33", "9:33", "9:48"});
  CHECK(l.at("date/invalid") == V{"5:8", "6:6"});
  for (const char* bad : {"../x", "a/b", "/etc/passwd", "\"\"", "x y", "-x", "é"}) {
    auto b = with("actions/a.yaml", std::string("id: ") + bad + "\ntitle: T\nobjective: ob\n");
    CHECK_MESSAGE(b.count("schema/id") == 1, bad);
  }
}

TEST_CASE("a folder named x.yaml is walked, not read") {
  TempProject t;
  t.write("actions/x.yaml/a.yaml", kAction);
  auto l = load_dir(t.root);
  CHECK(l.errors().empty());
  CHECK(l.project.actions.size() == 1);
}

TEST_CASE("link loops, dangling links and links out of the project are reported") {
  TempProject t;
  fs::create_directories(t.root / "actions");
  fs::create_symlink("loop.yaml", t.root / "actions/loop.yaml");
  fs::create_symlink("nowhere.yaml", t.root / "actions/dangling.yaml");
  // A file outside the project: a secret of the machine, which diagnostics
  // would quote if it were read.
  const fs::path secret = t.root.string() + "-secret.yaml";
  std::ofstream(secret) << "token: s3cr3t\n";
  fs::create_symlink(secret, t.root / "actions/secret.yaml");
  t.write("actions/real.yml", kAction);
  fs::create_symlink("real.yml", t.root / "actions/inside.yaml");  // inside: read
  fs::create_symlink("..", t.root / "actions/up");                 // folders: not followed
  auto l = load_dir(t.root);
  fs::remove(secret);
  CHECK(l.errors() ==
        V{"actions/dangling.yaml: cannot read the file: No such file or directory",
          "actions/loop.yaml: cannot read the file: Too many levels of symbolic links",
          "actions/secret.yaml: symbolic link to a file outside the project: cls reads only the project's files"});
  CHECK(l.project.actions.size() == 2);  // real.yml and the link to it
  CHECK(l.messages_contain("s3cr3t") == false);
}

TEST_CASE("a named pipe called x.yaml is reported, without hanging") {
  TempProject t;
  fs::create_directories(t.root / "meetings");
  REQUIRE(mkfifo((t.root / "meetings/x.yaml").c_str(), 0644) == 0);
  const auto start = std::chrono::steady_clock::now();
  auto l = load_dir(t.root);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(l.errors() == V{"meetings/x.yaml: not a regular file (a named pipe, a socket or a device)"});
}

TEST_CASE("an unreadable file is reported (not testable as root, who reads anything)") {
  TempProject t;
  t.write("actions/a.yaml", kAction);
  fs::permissions(t.root / "actions/a.yaml", fs::perms::none);
  auto l = load_dir(t.root);
  if (geteuid() == 0) {
    MESSAGE("running as root: the unreadable file is read anyway");
    CHECK(l.project.actions.size() == 1);
  } else {
    CHECK(l.errors() == V{"actions/a.yaml: cannot open the file: Permission denied"});
  }
}

TEST_CASE("files over the size limit are refused before they are read") {
  TempProject t;
  t.write("actions/big.yaml", kAction + "description: |\n" + std::string(5000, 'x') + "\n");
  YamlLimits limits;
  limits.max_bytes = 4096;
  auto l = load_dir(t.root, limits);
  CHECK(l.errors() == V{"actions/big.yaml: the file is too large (5 KiB, more than 4 KiB); split it into "
                        "several files"});
  // The whole-file diagnostic has no line.
  CHECK(l.diags.all().at(0).loc.line == 0);
}

TEST_CASE("project_files lists problems under their own names, sorted") {
  TempProject t;
  fs::create_directories(t.root / "actions");
  fs::create_symlink("b.yaml", t.root / "actions/a.yaml");  // dangling
  t.write("actions/c.yaml", kAction);
  Diagnostics diags;
  const auto files = project_files(t.root, diags);
  CHECK(files == V{"actions/a.yaml", "actions/c.yaml", "actors/all.yaml", "cls.yaml"});
  REQUIRE(diags.all().size() == 1);
  CHECK(files.at(diags.all()[0].loc.file) == "actions/a.yaml");
}

TEST_CASE("a cls.yaml that cannot be parsed or read is reported as such, not as missing") {
  TempProject t;
  t.write("cls.yaml", ",\n");  // yaml-cpp 0.7 loops on it until the node limit
  auto broken = load_dir(t.root);
  REQUIRE(broken.errors().size() == 1);
  CHECK(broken.errors()[0].starts_with("cls.yaml: "));
  CHECK_FALSE(broken.messages_contain("no cls.yaml"));
  YamlLimits small;
  small.max_bytes = 16;
  t.write("cls.yaml", cls::testing::manifest());
  auto large = load_dir(t.root, small);
  CHECK(large.messages_contain("too large"));
  CHECK_FALSE(large.messages_contain("no cls.yaml"));
  // Without any cls.yaml, that is what is said.
  fs::remove(t.root / "cls.yaml");
  CHECK(load_dir(t.root).messages_contain("no cls.yaml in the project"));
}

TEST_CASE("a link in place of cls.yaml that goes nowhere is reported") {
  TempProject t;
  fs::remove(t.root / "cls.yaml");
  fs::create_symlink("nowhere.yaml", t.root / "cls.yaml");
  auto l = load_dir(t.root);
  CHECK(l.errors().at(0) == "cls.yaml: cannot read the file: broken symbolic link");
}

// Every finding of the fuzzer (fuzz/regressions/) and every seed goes through
// the fuzz target's body again, in this build (and so under the sanitizers in
// the sanitizer build): a fixed crash stays fixed.
TEST_CASE("fuzzer findings and seeds replay cleanly") {
  std::size_t n = 0;
  for (const char* dir : {"fuzz/regressions", "fuzz/seeds"}) {
    const fs::path path = fs::path(CLS_SOURCE_DIR) / dir;
    if (!fs::is_directory(path)) continue;
    std::vector<fs::path> inputs;
    for (const auto& e : fs::directory_iterator(path)) inputs.push_back(e.path());
    std::sort(inputs.begin(), inputs.end());
    for (const auto& input : inputs) {
      std::ifstream in(input, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      INFO(input.string());
      cls::fuzz::run_one(bytes.str());
      ++n;
    }
  }
  CHECK(n > 0);
}

TEST_CASE("the fuzz input format splits at head's file headers") {
  auto files = cls::fuzz::split_input("id: x\n==> actions/a.yaml <==\nid: A\n\n==> meetings/m.yml <==\nid: M");
  REQUIRE(files.size() == 3);
  CHECK(files[0].path == "cls.yaml");
  CHECK(files[0].bytes == "id: x\n");
  CHECK(files[1].path == "actions/a.yaml");
  CHECK(files[1].bytes == "id: A\n\n");
  CHECK(files[2].path == "meetings/m.yml");
  CHECK(files[2].bytes == "id: M");
}
