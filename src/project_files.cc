// SPDX-License-Identifier: EUPL-1.2
#include "cls/project_files.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cls/yaml_tree.h"

namespace cls {

namespace fs = std::filesystem;

namespace {

bool has_yaml_extension(const fs::path& p) {
  const auto ext = p.extension();
  return ext == ".yaml" || ext == ".yml";
}

bool inside(const fs::path& root, const fs::path& target) {
  auto [r, t] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  return r == root.end();
}

// Classifies one directory entry named *.yaml / *.yml (or cls.yaml).
void consider(const fs::path& root, const fs::path& real_root, const fs::directory_entry& e,
              std::vector<ListedFile>& out) {
  std::string rel = e.path().lexically_relative(root).generic_string();
  std::error_code ec;
  if (e.is_symlink(ec)) {
    // A link loop or a dangling link fails here; a link to a file outside
    // the project (a secret of the CI machine, say) is refused, since
    // diagnostics quote what they read.
    const fs::path target = fs::canonical(e.path(), ec);
    if (ec) {
      out.push_back({std::move(rel), "cannot read the file: " + ec.message()});
      return;
    }
    if (fs::is_directory(target, ec)) return;  // not followed
    if (!inside(real_root, target)) {
      out.push_back({std::move(rel),
                     "symbolic link to a file outside the project: cls reads only the project's files"});
      return;
    }
  }
  // The type as the directory listing gave it: no stat per file (a national
  // project has tens of thousands), except for a link, followed here.
  const bool is_directory = e.is_directory(ec);
  const bool is_regular = !ec && e.is_regular_file(ec);
  if (ec) {
    out.push_back({std::move(rel), "cannot read the file: " + ec.message()});
  } else if (is_directory) {
    return;  // a folder named x.yaml: its files are walked like any folder's
  } else if (!is_regular) {
    out.push_back({std::move(rel), "not a regular file (a named pipe, a socket or a device)"});
  } else {
    out.push_back({std::move(rel), {}});
  }
}

}  // namespace

std::vector<ListedFile> list_project_files(const fs::path& root) {
  std::vector<ListedFile> out;
  std::error_code ec;
  fs::path real_root = fs::canonical(root, ec);
  if (ec) real_root = fs::absolute(root, ec).lexically_normal();
  if (fs::directory_entry manifest(root / "cls.yaml", ec); !ec && manifest.exists(ec)) {
    consider(root, real_root, manifest, out);
  } else if (fs::is_symlink(root / "cls.yaml", ec)) {
    out.push_back({"cls.yaml", "cannot read the file: broken symbolic link"});
  }
  for (const char* folder : {"actors", "actions", "meetings"}) {
    const fs::path dir = root / folder;
    if (!fs::is_directory(dir, ec)) continue;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (has_yaml_extension(it->path())) consider(root, real_root, *it, out);
    }
    if (ec) {
      out.push_back({folder, "cannot read the folder: " + ec.message()});
      ec.clear();
    }
  }
  std::sort(out.begin(), out.end(), [](const ListedFile& a, const ListedFile& b) { return a.path < b.path; });
  return out;
}

namespace {

// Reads the regular file open at `fd` (closed here), refused past `max_bytes`
// before anything is read.
bool read_open_file(int fd, std::size_t max_bytes, std::string& out, std::string& error) {
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0;
  if (!ok) {
    error = "cannot read the file: " + std::generic_category().message(errno);
  } else if (!S_ISREG(st.st_mode)) {
    error = "not a regular file (a named pipe, a socket or a device)";
    ok = false;
  } else if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    YamlLimits limits;
    limits.max_bytes = max_bytes;
    error = file_too_large(static_cast<std::size_t>(st.st_size), limits);
    ok = false;
  } else {
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    while (done < out.size()) {
      const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = "cannot read the file: " + std::generic_category().message(errno);
        ok = false;
        break;
      }
      if (n == 0) break;  // shrank since fstat: keep what is there
      done += static_cast<std::size_t>(n);
    }
    out.resize(done);
  }
  ::close(fd);
  return ok;
}

}  // namespace

bool read_project_file(const fs::path& path, std::size_t max_bytes, std::string& out, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    error = "cannot open the file: " + std::generic_category().message(errno);
    return false;
  }
  return read_open_file(fd, max_bytes, out, error);
}

bool read_project_template(const fs::path& root, std::string_view name, std::size_t max_bytes, std::string& out,
                           std::string& error) {
  const fs::path file = root / "templates" / fs::path(std::string(name));
  struct stat st {};
  if (::lstat(file.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    error = "a symbolic link: cls reads only the template files of the project's templates/ folder, "
            "never a link (replace it by the file itself)";
    return false;
  }
  // templates/ itself, or a folder above it, may be a link out of the
  // project: what the name resolves to must be a file of the project's own
  // templates/ folder.
  std::error_code ec;
  fs::path real_root = fs::canonical(root, ec);
  const fs::path real_file = ec ? fs::path() : fs::canonical(file, ec);
  if (!ec && !inside(real_root / "templates", real_file)) {
    error = "resolves outside the project's templates/ folder (a link on the way): cls reads only the "
            "project's own templates";
    return false;
  }
  // O_NOFOLLOW: a link put in place since the check above is refused too.
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW);
  if (fd < 0) {
    error = errno == ELOOP ? "a symbolic link: cls reads only the template files of the project's templates/ "
                             "folder, never a link (replace it by the file itself)"
                           : "cannot open the file: " + std::generic_category().message(errno);
    return false;
  }
  return read_open_file(fd, max_bytes, out, error);
}

}  // namespace cls
