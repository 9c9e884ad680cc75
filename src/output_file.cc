// SPDX-License-Identifier: EUPL-1.2
#include "cls/output_file.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cls {

namespace fs = std::filesystem;

namespace {

std::string cannot_write(const fs::path& path, const std::string& why) {
  return "cannot write " + path.string() + ": " + why;
}

std::string error_text(int err) { return std::strerror(err); }

// The project whose YAML no output may replace (protect_project()).
fs::path& protected_root() {
  static fs::path root;
  return root;
}

bool inside(const fs::path& root, const fs::path& target) {
  auto [r, t] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  return r == root.end();
}

// Whether `path` (followed through links, or where it would be created) is
// a file of the protected project's YAML: cls.yaml, region.yaml, or a
// .yaml/.yml file under actors/, actions/ or meetings/.
bool is_project_yaml(const fs::path& path) {
  const fs::path& root = protected_root();
  if (root.empty()) return false;
  std::error_code ec;
  fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return false;
  if (!inside(root, real) || real == root) return false;
  const fs::path rel = real.lexically_relative(root);
  const std::string first = rel.begin()->string();
  const fs::path ext = rel.extension();
  const bool yaml = ext == ".yaml" || ext == ".yml";
  if (std::distance(rel.begin(), rel.end()) == 1) return first == "cls.yaml" || first == "region.yaml";
  return yaml && (first == "actors" || first == "actions" || first == "meetings");
}

// /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N and /proc/PID/fd/N
// (PID ours): a descriptor this process holds open.
std::optional<int> own_descriptor(const std::string& path) {
  if (path == "/dev/stdin") return 0;
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  std::string_view rest;
  const std::string own = "/proc/" + std::to_string(::getpid()) + "/fd/";
  for (const std::string& prefix : {std::string("/dev/fd/"), std::string("/proc/self/fd/"), own}) {
    if (path.starts_with(prefix)) rest = std::string_view(path).substr(prefix.size());
  }
  if (rest.empty()) return std::nullopt;
  int fd = -1;
  auto [end, err] = std::from_chars(rest.data(), rest.data() + rest.size(), fd);
  if (err != std::errc() || end != rest.data() + rest.size() || ::fcntl(fd, F_GETFD) < 0) return std::nullopt;
  return fd;
}

// Where one file goes, once its path is looked at.
struct Target {
  fs::path final;          // the name to rename onto (a link's target in replace mode)
  bool direct = false;     // a device, a pipe or a /proc or /dev path: written in place
  int descriptor = -1;     // direct, through this descriptor of ours (/dev/stdout)
  bool truncate = false;   // direct onto a regular file: truncated first, as `>` does
  bool existing = false;   // a regular file is there now
  mode_t perms = 0;        // its permissions, kept by the new file
};

Target resolve(const fs::path& path, WriteMode mode) {
  Target t{path};
  if (is_project_yaml(path)) {
    throw OutputError(cannot_write(path, "it is a file of the project's YAML, which cls never overwrites"));
  }
  struct stat st {};
  // -o follows a link, as `>` does; --out-dir and init look at the entry itself.
  const int found = mode == WriteMode::replace ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
  if (found != 0) return t;
  if (S_ISDIR(st.st_mode)) throw OutputError(cannot_write(path, "it is a directory"));
  if (mode != WriteMode::replace) {
    t.existing = S_ISREG(st.st_mode);
    t.perms = st.st_mode & 07777;
    return t;
  }
  // /dev/stdout and /proc/self/fd/N name an open descriptor: replacing what
  // they resolve to would leave the descriptor on a deleted file. The
  // descriptor itself is written to, as the program's own output would be:
  // at its offset, or at the end when it was opened to append (`>> log`).
  // Another regular file under /dev or /proc (/dev/shm) is truncated, then
  // written, as `>` does.
  const std::string text = path.string();
  if (!S_ISREG(st.st_mode) || text.starts_with("/dev/") || text.starts_with("/proc/")) {
    t.direct = true;
    if (auto fd = own_descriptor(text)) t.descriptor = *fd;
    t.truncate = S_ISREG(st.st_mode) && t.descriptor < 0;
    return t;
  }
  t.existing = true;
  t.perms = st.st_mode & 07777;
  std::error_code ec;
  if (fs::path real = fs::canonical(path, ec); !ec) t.final = real;
  return t;
}

// --- temporary files and signals ---------------------------------------------
//
// The temporary files staged and not yet in place, removed by the handler of
// SIGINT, SIGTERM and SIGHUP before the signal is raised again: an
// interrupted run leaves no .cls-XXXXXX behind. The list is changed only
// with those signals blocked, so the handler never sees it half changed; the
// handler calls only unlink, sigaction and raise (async-signal-safe).
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

std::vector<std::string>& pending_temps() {
  static std::vector<std::string> temps;
  return temps;
}

extern "C" void remove_temps_and_reraise(int sig) {
  for (const std::string& tmp : pending_temps()) ::unlink(tmp.c_str());
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  ::sigaction(sig, &dfl, nullptr);
  ::raise(sig);
}

// Blocks the cleanup signals for its lifetime (and installs their handler
// the first time, leaving alone a signal the caller ignores, as nohup does).
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : kCleanupSignals) sigaddset(&set, sig);
    ::sigprocmask(SIG_BLOCK, &set, &old_);
    static bool installed = false;
    if (!installed) {
      installed = true;
      for (int sig : kCleanupSignals) {
        struct sigaction now {};
        if (::sigaction(sig, nullptr, &now) != 0 || now.sa_handler == SIG_IGN) continue;
        struct sigaction act {};
        act.sa_handler = remove_temps_and_reraise;
        sigemptyset(&act.sa_mask);
        for (int other : kCleanupSignals) sigaddset(&act.sa_mask, other);
        ::sigaction(sig, &act, nullptr);
      }
    }
  }
  ~SignalsHeld() { ::sigprocmask(SIG_SETMASK, &old_, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t old_;
};

void forget_temp(const std::string& tmp) {
  SignalsHeld held;
  std::erase(pending_temps(), tmp);
}

mode_t default_perms() {
  // Output files are documents to share: readable by others, as with a
  // plain `>` redirection under the usual umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

bool write_all(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// One write_files call: what it created, so that a failure can undo it.
class Batch {
 public:
  explicit Batch(WriteMode mode) : mode_(mode) {}
  ~Batch() { rollback(); }

  // The directory `dir` must exist; outside replace mode it is created
  // (with its missing parents), and remembered for the rollback.
  void ensure_directory(const fs::path& dir, const fs::path& file) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return;
    if (fs::exists(fs::symlink_status(dir, ec))) {
      throw OutputError(cannot_write(file, dir.string() + " is not a directory"));
    }
    if (mode_ == WriteMode::replace) {
      throw OutputError(cannot_write(file, "no such directory " + dir.string()));
    }
    if (dir.has_parent_path() && dir.parent_path() != dir) ensure_directory(dir.parent_path(), file);
    if (::mkdir(dir.c_str(), 0777) == 0) {
      made_dirs_.push_back(dir);
    } else if (errno != EEXIST) {
      throw OutputError(cannot_write(file, "cannot create the directory " + dir.string() + ": " +
                                               error_text(errno)));
    }
  }

  // Writes `content` to a new temporary file in `dir`, flushed to disk.
  std::string stage(const fs::path& dir, const fs::path& file, const std::string& content, mode_t perms) {
    return stage(dir, file, perms, [&](int fd) { return write_all(fd, content); });
  }

  // The same, with what `fill(fd)` writes (false: it failed, errno says why).
  template <class Fill>
  std::string stage(const fs::path& dir, const fs::path& file, mode_t perms, Fill&& fill) {
    std::string tmp = (dir / ".cls-XXXXXX").string();
    int fd = -1;
    {
      SignalsHeld held;  // created and registered at once, for the signal handler
      fd = ::mkstemp(tmp.data());
      if (fd >= 0) pending_temps().push_back(tmp);
    }
    if (fd < 0) throw OutputError(cannot_write(file, error_text(errno)));
    temps_.push_back(tmp);
    struct Closer {
      int fd;
      ~Closer() {
        if (fd >= 0) ::close(fd);
      }
    } closer{fd};  // also when `fill` throws: the rollback then removes tmp
    errno = 0;
    bool ok = fill(fd) && ::fchmod(fd, perms) == 0 && ::fsync(fd) == 0;
    closer.fd = -1;
    int err = errno;
    if (::close(fd) != 0 && ok) {
      ok = false;
      err = errno;
    }
    if (!ok) throw OutputError(cannot_write(file, error_text(err ? err : EIO)));
    return tmp;
  }

  // Puts a staged file at its final name. False when create_new finds the
  // name taken.
  bool commit(const std::string& tmp, const fs::path& final, const fs::path& file) {
    bool placed = true;
    SignalsHeld held;  // in place and forgotten at once
    if (mode_ == WriteMode::create_new) {
      // link() fails on an existing name, where rename() would replace it.
      if (::link(tmp.c_str(), final.c_str()) != 0) {
        if (errno != EEXIST) throw OutputError(cannot_write(file, error_text(errno)));
        placed = false;
      }
      ::unlink(tmp.c_str());
    } else if (::rename(tmp.c_str(), final.c_str()) != 0) {
      throw OutputError(cannot_write(file, error_text(errno)));
    }
    std::erase(temps_, tmp);
    std::erase(pending_temps(), tmp);
    return placed;
  }

  // Everything is in place: nothing to undo.
  void done() {
    temps_.clear();
    made_dirs_.clear();
  }

 private:
  void rollback() {
    for (const auto& tmp : temps_) {
      ::unlink(tmp.c_str());
      forget_temp(tmp);
    }
    for (auto it = made_dirs_.rbegin(); it != made_dirs_.rend(); ++it) ::rmdir(it->c_str());
  }

  WriteMode mode_;
  std::vector<std::string> temps_;
  std::vector<fs::path> made_dirs_;
};

// A device, a pipe or a /dev or /proc path, written in place with what
// `fill(fd)` writes (resolve() says how).
template <class Fill>
void write_direct(const fs::path& path, const Target& target, Fill&& fill) {
  const int fd = target.descriptor >= 0
                     ? ::fcntl(target.descriptor, F_DUPFD_CLOEXEC, 3)
                     : ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | (target.truncate ? O_TRUNC : 0));
  if (fd < 0) throw OutputError(cannot_write(path, error_text(errno)));
  errno = 0;
  const bool ok = fill(fd);
  const int err = errno;
  ::close(fd);
  if (!ok) throw OutputError(cannot_write(path, error_text(err ? err : EIO)));
}

}  // namespace

void write_files(std::vector<OutputFile>& files, WriteMode mode) {
  Batch batch(mode);
  std::vector<Target> targets;
  std::vector<std::string> temps(files.size());
  const mode_t fresh = default_perms();
  try {
    for (const auto& f : files) targets.push_back(resolve(f.path, mode));
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (targets[i].direct) continue;
      const fs::path& final = targets[i].final;
      const fs::path dir = final.has_parent_path() ? final.parent_path() : fs::path(".");
      batch.ensure_directory(dir, files[i].path);
      temps[i] = batch.stage(dir, files[i].path, files[i].content,
                             targets[i].existing ? targets[i].perms : fresh);
    }
  } catch (const OutputError& e) {
    if (files.size() == 1) throw;
    throw OutputError(std::string(e.what()) + "; none of the " + std::to_string(files.size()) +
                      " files was written");
  }
  // Moving files into place fails only when the file system changes under
  // us (a directory removed, a disk unplugged): the files already moved stay.
  for (std::size_t i = 0; i < files.size(); ++i) {
    try {
      if (targets[i].direct) {
        write_direct(files[i].path, targets[i], [&](int fd) { return write_all(fd, files[i].content); });
        files[i].created = true;
      } else {
        files[i].created = batch.commit(temps[i], targets[i].final, files[i].path);
      }
    } catch (const OutputError& e) {
      if (i == 0) throw;
      throw OutputError(std::string(e.what()) + (i == 1 ? "; the file before it was written"
                                                        : "; the " + std::to_string(i) +
                                                              " files before it were written"));
    }
  }
  batch.done();
}

void protect_project(const fs::path& root) {
  std::error_code ec;
  fs::path real = fs::canonical(root, ec);
  protected_root() = ec ? fs::path() : real;
}

void write_file(const fs::path& path, const std::string& content) {
  std::vector<OutputFile> one{{path, content}};
  write_files(one, WriteMode::replace);
}

namespace {

// Runs `write` on a stdio stream over a duplicate of `fd`; true when all of
// it reached the descriptor.
bool write_stream(int fd, const std::function<void(std::FILE*)>& write) {
  const int copy = ::dup(fd);
  if (copy < 0) return false;
  std::FILE* f = ::fdopen(copy, "w");
  if (!f) {
    const int err = errno;
    ::close(copy);
    errno = err;
    return false;
  }
  struct Closer {
    std::FILE* f;
    ~Closer() {
      if (f) std::fclose(f);
    }
  } closer{f};
  errno = 0;
  write(f);
  bool ok = std::fflush(f) == 0 && !std::ferror(f);
  const int err = errno;
  closer.f = nullptr;
  if (std::fclose(f) != 0) ok = false;
  if (!ok) errno = err ? err : EIO;
  return ok;
}

}  // namespace

void write_file_streamed(const fs::path& path, const std::function<void(std::FILE*)>& write) {
  Batch batch(WriteMode::replace);
  const Target target = resolve(path, WriteMode::replace);
  if (target.direct) {
    write_direct(path, target, [&](int fd) { return write_stream(fd, write); });
    return;
  }
  const fs::path dir = target.final.has_parent_path() ? target.final.parent_path() : fs::path(".");
  batch.ensure_directory(dir, path);
  const std::string tmp = batch.stage(dir, path, target.existing ? target.perms : default_perms(),
                                      [&](int fd) { return write_stream(fd, write); });
  batch.commit(tmp, target.final, path);
  batch.done();
}

}  // namespace cls
