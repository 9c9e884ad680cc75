// SPDX-License-Identifier: EUPL-1.2
// cls send MEETING: the convocations (or, with --minutes, the compte rendu)
// by e-mail (SPEC §10): the messages written to DIR, each handed to
// sendmail, every attempt logged in DIR/sent.log so that a second run sends
// only what has not gone yet.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <unistd.h>

#include "cli.h"
#include "cls/i18n.h"
#include "cls/sendmail.h"
#include "mail_out.h"

namespace cls::cli {

namespace fs = std::filesystem;

Runner send_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string meeting, out_dir, from;
    bool minutes = false, dry_run = false, resend = false, substitutes = false;
  };
  auto o = std::make_shared<Options>();
  app.add_option("MEETING", o->meeting, "The meeting's id, or the name of its file under meetings/")->required();
  app.add_flag("--minutes", o->minutes, "Send the compte rendu to the participants instead of the convocations");
  app.add_flag("--dry-run", o->dry_run, "Write the messages and say what would be sent, but send nothing");
  app.add_flag("--resend", o->resend, "Send again the messages sent.log records as sent");
  app.add_flag("--substitutes", o->substitutes,
               "Also send each titulaire's substitute their copy of the convocation");
  app.add_option("--out-dir", o->out_dir,
                 "Where the messages and sent.log are kept (default: envois/MEETING, or "
                 "envois/MEETING-compte-rendu with --minutes)")
      ->type_name("DIR");
  app.add_option("--from", o->from, "The sender (default: the organisation's e-mail in cls.yaml)")
      ->type_name("ADDRESS");
  return [o, &g] {
    // One line at a time, in step with what goes to standard error.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const Project p = load_checked(g);
    const Meeting* m = find_meeting(p, o->meeting);
    if (!m) throw Exit{kUsage, "cls: " + meeting_not_found(p, o->meeting)};
    if (o->minutes && !m->held()) {
      throw Exit{kUsage, "cls: " + trf("meeting {} has not been held yet: there are no minutes to send", m->id)};
    }
    warn_about_meeting(g, p, *m);
    const fs::path dir = !o->out_dir.empty() ? fs::path(o->out_dir)
                                             : fs::path("envois") / (m->id + (o->minutes ? "-compte-rendu" : ""));
    // The command first: without one, nothing is written (exit 2).
    std::vector<std::string> command;
    if (!o->dry_run) {
      try {
        command = sendmail_command(std::getenv("CLS_SENDMAIL"));
      } catch (const SendError& e) {
        throw Exit{kUsage, std::string("cls: ") + e.what()};
      }
    }
    MailBatch batch;
    if (o->minutes) {
      batch = minutes_mails(g, p, *m, dir, o->from);
    } else {
      const std::vector<LetterTo> letters = chosen_letters(p, *m, {}, o->substitutes);
      batch = convocation_mails(g, p, *m, letters, dir, o->from);
    }

    // What went already: the last "sent" of each file.
    const fs::path log = dir / "sent.log";
    std::map<std::string, SentLogEntry> sent;
    for (const SentLogEntry& e : read_sent_log(log)) {
      if (e.sent()) sent[e.file] = e;
    }
    std::vector<const MailOut*> to_send;
    std::vector<OutputFile> files;
    std::size_t skipped = 0;
    for (const MailOut& mo : batch.messages) {
      const auto done = sent.find(mo.file);
      if (done != sent.end() && !o->resend) {
        ++skipped;
        if (!g.quiet) {
          const bool changed = done->second.message_id != mo.message_id;
          std::printf("%s\n", (changed ? trf("already sent on {} to {}; the message has changed since "
                                             "(--resend sends the new one)",
                                             done->second.time, mo.recipient)
                                       : trf("already sent on {} to {}", done->second.time, mo.recipient))
                                  .c_str());
        }
        continue;  // its file stays as it was sent
      }
      to_send.push_back(&mo);
      files.push_back({dir / mo.file, mo.bytes});
    }
    for (const OutputFile& f : batch.printable) files.push_back(f);
    if (!files.empty()) write_outputs(files, WriteMode::replace_entry);
    report_printable(g, batch);

    if (o->dry_run) {
      for (const MailOut* mo : to_send) {
        std::printf("%s\n", trf("would send {} to {}", (dir / mo->file).string(), mo->recipient).c_str());
      }
      if (!g.quiet) {
        std::fprintf(stderr, "cls: %s\n",
                     trnf("dry run: {} message to send, nothing sent", "dry run: {} messages to send, nothing sent",
                          to_send.size(), to_send.size())
                         .c_str());
      }
      return kOk;
    }

    const bool progress = !g.quiet && isatty(2);
    std::vector<std::string> failed;
    std::size_t n = 0, ok = 0;
    for (const MailOut* mo : to_send) {
      ++n;
      if (progress) std::fprintf(stderr, "[%zu/%zu] %s…\n", n, to_send.size(), mo->recipient.c_str());
      const SendResult r = pipe_to(command, mo->bytes);
      try {
        append_sent_log(log, {log_time_now(), mo->file, mo->recipient, mo->message_id,
                              r.ok ? "sent" : "failed: " + r.detail});
      } catch (const SendError& e) {
        // Without the log, a second run would send this message again.
        throw Exit{kUsage, std::string("cls: ") + e.what() + "; " + tr("stopped, so that nothing is sent twice")};
      }
      if (r.ok) {
        ++ok;
        if (!g.quiet) std::printf("%s\n", trf("sent {} to {}", mo->file, mo->recipient).c_str());
      } else {
        failed.push_back(mo->recipient + " (" + r.detail + ")");
        std::printf("%s\n", trf("FAILED {} to {}: {}", mo->file, mo->recipient, r.detail).c_str());
      }
    }
    if (!g.quiet) {
      std::fprintf(stderr, "cls: %s\n",
                   trf("{sent} sent, {failed} failed, {skipped} already sent (log: {log})",
                       fmt::arg("sent", ok), fmt::arg("failed", failed.size()), fmt::arg("skipped", skipped),
                       fmt::arg("log", log.string()))
                       .c_str());
    }
    if (!failed.empty()) {
      std::string who;
      for (const std::string& f : failed) who += (who.empty() ? "" : ", ") + f;
      throw Exit{kInvalid, "cls: " + trnf("could not send to {}; run cls send again to retry it",
                                          "could not send to {}; run cls send again to retry them",
                                          failed.size(), who)};
    }
    return kOk;
  };
}

}  // namespace cls::cli
