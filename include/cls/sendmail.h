// SPDX-License-Identifier: EUPL-1.2
// Handing messages to the local mail transfer agent (SPEC §10): the sendmail
// interface every MTA provides (msmtp, Postfix, exim), `sendmail -t -i`, or
// the command line in CLS_SENDMAIL; and the log of what was sent
// (DIR/sent.log), which makes `cls send` resumable. Besides pdf.h, the only
// module that starts a program: through fork/exec (posix_spawn), never a
// shell, the message on its standard input.
#pragma once
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cls {

struct SendError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A command line split into words as a shell would split it, without any
// expansion: blanks separate words, '…' and "…" quote (a backslash escapes
// the next character outside '…'). Throws SendError on an unclosed quote.
std::vector<std::string> split_command(std::string_view line);

// The command to hand messages to: CLS_SENDMAIL's words when `env` is set
// and not blank, else `sendmail -t -i`, sendmail found on PATH, then in
// /usr/sbin and /usr/lib. Throws SendError, saying what to install or set,
// when there is none.
std::vector<std::string> sendmail_command(const char* env);

// The outcome of one hand-over: ok when the command exited 0; else `detail`
// says why ("exit 75", "killed by signal 9", "cannot run …").
struct SendResult {
  bool ok = false;
  std::string detail;
};

// Runs `command` with `message` on its standard input, in the local line
// format (CRLF line ends become LF, as the sendmail interface reads them);
// its standard output goes to our standard error, with its own. Sent when
// the command exits 0: its exit status is its word, as for any sendmail caller.
SendResult pipe_to(const std::vector<std::string>& command, const std::string& message);

// One line of DIR/sent.log: one attempt to send one message, tab-separated,
// in this order. `time` is the clock's (the log is not a document):
// 2026-12-06T16:30:00Z.
struct SentLogEntry {
  std::string time, file, recipient, message_id, result;  // result: "sent" or "failed: exit 75"
  bool sent() const { return result == "sent"; }
};
std::string sent_log_line(const SentLogEntry& entry);
// The entries of a log (a missing file has none; lines that do not parse are
// skipped).
std::vector<SentLogEntry> read_sent_log(const std::filesystem::path& path);
// Appends one line and flushes it to disk, so that a batch cut short still
// records what went. Throws SendError when the log cannot be written.
void append_sent_log(const std::filesystem::path& path, const SentLogEntry& entry);
// The clock, UTC, as the log writes it.
std::string log_time_now();

}  // namespace cls
