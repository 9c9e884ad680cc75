// SPDX-License-Identifier: EUPL-1.2
// cls minutes MEETING: the compte rendu of a held meeting (SPEC §5.3).
#include <memory>

#include "cli.h"
#include "cls/minutes.h"
#include "cls/templates.h"

namespace cls::cli {

namespace {
constexpr OutputFormat kFormats[] = {OutputFormat::markdown, OutputFormat::html, OutputFormat::pdf};
}

Runner minutes_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string meeting, format, output;
    bool public_version = false;
  };
  auto o = std::make_shared<Options>();
  app.add_option("MEETING", o->meeting, "The meeting's id, or the name of its file under meetings/")->required();
  app.add_flag("--public", o->public_version,
               "For publication: leave out every personal contact detail (email, phone, address)");
  add_format_option(app, o->format, kFormats, OutputFormat::markdown);
  app.add_option("-o,--output", o->output, "Write the document to FILE (default: standard output)")
      ->type_name("FILE");
  return [o, &g, &app] {
    const OutputFormat format = output_format(app, o->format, o->output, kFormats, OutputFormat::markdown);
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
