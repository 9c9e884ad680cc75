// SPDX-License-Identifier: EUPL-1.2
// cls minutes MEETING: the compte rendu of a held meeting (SPEC §5.3).
#include <cstdio>
#include <memory>

#include "cli.h"
#include "cls/minutes.h"
#include "cls/i18n.h"
#include "cls/templates.h"
#include "mail_out.h"

namespace cls::cli {

namespace fs = std::filesystem;

namespace {
constexpr OutputFormat kFormats[] = {OutputFormat::markdown, OutputFormat::html, OutputFormat::pdf,
                                     OutputFormat::eml};
}

Runner minutes_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string meeting, format, output, out_dir, from;
    bool public_version = false;
  };
  auto o = std::make_shared<Options>();
  app.add_option("MEETING", o->meeting, "The meeting's id, or the name of its file under meetings/")->required();
  app.add_flag("--public", o->public_version,
               "For publication: leave out every personal contact detail (email, phone, address)");
  add_format_option(app, o->format, kFormats, OutputFormat::markdown);
  auto* out = app.add_option("-o,--output", o->output, "Write the document to FILE (default: standard output)")
                  ->type_name("FILE");
  app.add_option("--out-dir", o->out_dir,
                 "With --format eml: write one message per participant in DIR, named MEETING--RECIPIENT.eml")
      ->type_name("DIR")
      ->excludes(out);
  app.add_option("--from", o->from,
                 "With --format eml: the sender (default: the organisation's e-mail in cls.yaml)")
      ->type_name("ADDRESS");
  return [o, &g, &app] {
    const OutputFormat format =
        output_format(app, o->format, o->output, kFormats, OutputFormat::markdown, !o->out_dir.empty());
    if ((format == OutputFormat::eml) != !o->out_dir.empty()) {
      throw Exit{kUsage, "cls minutes: " + std::string(format == OutputFormat::eml
                                                           ? tr("e-mail messages are written one per recipient: "
                                                                "give --out-dir DIR")
                                                           : tr("--out-dir is for --format eml"))};
    }
    const Project p = load_checked(g);
    const Meeting* m = find_meeting(p, o->meeting);
    if (!m) throw Exit{kUsage, "cls: " + meeting_not_found(p, o->meeting)};
    if (!m->held()) {
      // A compte rendu states who attended and whether the quorum was
      // reached: without the attendance there is nothing true to say yet.
      const std::string file = m->loc.known() && m->loc.file < p.files.size() ? p.files[m->loc.file] : "";
      throw Exit{kUsage, "cls: meeting " + m->id + " has not been held yet: " +
                             (file.empty() ? "its file" : file) +
                             " records no attendance. Add `attendance:` (present, excused, proxies) "
                             "after the meeting; before it, `cls agenda " + m->id +
                             "` renders the ordre du jour."};
    }
    warn_about_meeting(g, p, *m);
    if (format == OutputFormat::eml) {
      // One message per participant (SPEC §10).
      MailBatch batch = minutes_mails(g, p, *m, o->out_dir, o->from);
      std::vector<OutputFile> files;
      for (MailOut& mo : batch.messages) files.push_back({fs::path(o->out_dir) / mo.file, std::move(mo.bytes)});
      for (const OutputFile& f : batch.printable) files.push_back(f);
      write_outputs(files, WriteMode::replace_entry);
      if (!g.quiet) {
        for (const OutputFile& f : files) std::printf("%s\n", f.path.string().c_str());
      }
      report_printable(g, batch);
      return kOk;
    }
    std::string doc;
    try {
      MinutesOptions mo;
      mo.public_version = o->public_version;
      doc = render_minutes(p, *m, template_format(format), mo);
    } catch (const TemplateError& e) {
      throw Exit{kInvalid, template_error_text(e, p.root)};
    }
    if (format == OutputFormat::pdf) doc = to_pdf(doc);
    write_output(o->output, doc);
    return kOk;
  };
}

}  // namespace cls::cli
