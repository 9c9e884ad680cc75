// SPDX-License-Identifier: EUPL-1.2
#include "cls/sendmail.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace cls {

namespace fs = std::filesystem;

namespace {

bool executable_file(const fs::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(p.c_str(), X_OK) == 0;
}

// `name` on PATH (then in `more`), or "" when it is nowhere.
std::string find_program(const std::string& name, const std::string& more = "") {
  if (name.find('/') != std::string::npos) return executable_file(name) ? name : "";
  const char* path = std::getenv("PATH");
  std::string dirs = std::string(path ? path : "/usr/local/bin:/usr/bin:/bin") + more;
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t colon = dirs.find(':', start);
    const std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
    if (executable_file(candidate)) return candidate.string();
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return "";
}

// Writes all of `data` to `fd`; false when the reader went away.
bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

// No tab nor line break inside a field of the log.
std::string field(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace

std::vector<std::string> split_command(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) {
        word += line[++i];
      } else {
        word += c;
      }
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
      in_word = true;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote) throw SendError("CLS_SENDMAIL: unclosed quote in " + std::string(line));
  if (in_word) words.push_back(word);
  return words;
}

std::vector<std::string> sendmail_command(const char* env) {
  if (env && std::string_view(env).find_first_not_of(" \t\n") != std::string_view::npos) {
    std::vector<std::string> words = split_command(env);
    if (words.empty() || find_program(words[0]).empty()) {
      throw SendError("CLS_SENDMAIL names " + (words.empty() ? std::string("nothing") : words[0]) +
                      ", which is not a program that can be run");
    }
    return words;
  }
  const std::string found = find_program("sendmail", ":/usr/sbin:/usr/lib");
  if (found.empty()) {
    throw SendError(
        "no sendmail program: install a mail transfer agent that provides it (`apt-get install msmtp-mta`, "
        "then configure ~/.msmtprc), or name the command in CLS_SENDMAIL");
  }
  return {found, "-t", "-i"};
}

SendResult pipe_to(const std::vector<std::string>& command, const std::string& message) {
  if (command.empty()) return {false, "no command"};
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return {false, std::string("cannot create a pipe: ") + std::strerror(errno)};
  std::vector<std::string> args = command;
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
  posix_spawn_file_actions_adddup2(&actions, 2, 1);  // its output is not ours: to standard error
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, args[0].c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[0]);
  if (spawned != 0) {
    ::close(fds[1]);
    return {false, "cannot run " + command[0] + ": " + std::strerror(spawned)};
  }
  // A command that exits without reading all must not kill us with SIGPIPE.
  struct sigaction ignore {}, old {};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old);
  std::string local;
  local.reserve(message.size());
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '\r' && i + 1 < message.size() && message[i + 1] == '\n') continue;
    local += message[i];
  }
  const bool written = write_all(fds[1], local);
  ::close(fds[1]);
  ::sigaction(SIGPIPE, &old, nullptr);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return {false, std::string("lost track of ") + command[0] + ": " + std::strerror(errno)};
  }
  if (WIFSIGNALED(status)) return {false, "killed by signal " + std::to_string(WTERMSIG(status))};
  if (WEXITSTATUS(status) != 0) return {false, "exit " + std::to_string(WEXITSTATUS(status))};
  // Its exit status is the command's word, as for every sendmail caller: a
  // command that took the message without reading it all is its business.
  (void)written;
  return {true, ""};
}

std::string sent_log_line(const SentLogEntry& e) {
  return field(e.time) + "\t" + field(e.file) + "\t" + field(e.recipient) + "\t" + field(e.message_id) + "\t" +
         field(e.result) + "\n";
}

std::vector<SentLogEntry> read_sent_log(const fs::path& path) {
  std::vector<SentLogEntry> out;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::vector<std::string> f = split_tabs(line);
    if (f.size() != 5) continue;
    out.push_back({f[0], f[1], f[2], f[3], f[4]});
  }
  return out;
}

void append_sent_log(const fs::path& path, const SentLogEntry& entry) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) throw SendError("cannot write " + path.string() + ": " + std::strerror(errno));
  const std::string line = sent_log_line(entry);
  const bool ok = write_all(fd, line) && ::fsync(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (!ok) throw SendError("cannot write " + path.string() + ": " + std::strerror(err));
}

std::string log_time_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

}  // namespace cls
