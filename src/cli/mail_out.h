// SPDX-License-Identifier: EUPL-1.2
// The messages of a meeting's convocations or compte rendu, one per
// recipient (SPEC §10), as `convocation --format eml`, `minutes --format
// eml` and `cls send` make them: read the agenda's attachments through the
// project's file reader, render the PDFs once, build the messages
// (mail.h), and the printable letters of those who have no e-mail address.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "cli.h"
#include "cls/convocation.h"
#include "cls/mail.h"

namespace cls::cli {

// The letters `cls convocation` writes (cmd_convocation.cc): --to, or
// everyone convened but the signatory, with --substitutes the copies.
std::vector<LetterTo> chosen_letters(const Project& p, const Meeting& m, const std::vector<std::string>& asked,
                                     bool substitutes);

struct MailOut {
  std::string file;        // the message's file name in DIR: MEETING--RECIPIENT.eml
  std::string recipient;   // "Marie Martin <m.martin@example.org>"
  std::string message_id;  // without angle brackets
  std::string bytes;       // the message, CRLF
};

struct MailBatch {
  std::vector<MailOut> messages;
  // Those without an e-mail address: their letter to print, written too.
  std::vector<OutputFile> printable;
  std::vector<std::string> printable_to;  // their names, in the same order
};

// The convocations as messages. `from` is --from (may be empty). Exit 2 when
// there is no sender.
MailBatch convocation_mails(const Globals& g, const Project& p, const Meeting& m, const std::vector<LetterTo>& letters,
                            const std::filesystem::path& dir, const std::string& from);
// The compte rendu as messages, to minutes_recipients() (mail.h).
MailBatch minutes_mails(const Globals& g, const Project& p, const Meeting& m, const std::filesystem::path& dir,
                        const std::string& from);

// On standard error: who has no e-mail address, and the file of the
// letter to print and post to them.
void report_printable(const Globals& g, const MailBatch& batch);

}  // namespace cls::cli
