// SPDX-License-Identifier: EUPL-1.2
// cls agenda MEETING: the ordre du jour (SPEC §5.1).
#include <memory>

#include "cli.h"
#include "cls/agenda.h"
#include "cls/templates.h"

namespace cls::cli {

namespace {
constexpr OutputFormat kFormats[] = {OutputFormat::markdown, OutputFormat::html, OutputFormat::pdf};
}

Runner agenda_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string meeting, format, output;
  };
  auto o = std::make_shared<Options>();
  app.add_option("MEETING", o->meeting, "The meeting's id, or the name of its file under meetings/")->required();
  add_format_option(app, o->format, kFormats, OutputFormat::markdown);
  app.add_option("-o,--output", o->output, "Write the document to FILE (default: standard output)")
      ->type_name("FILE");
  return [o, &g, &app] {
    const OutputFormat format = output_format(app, o->format, o->output, kFormats, OutputFormat::markdown);
    const Project p = load_checked(g);
    const Meeting* m = find_meeting(p, o->meeting);
    if (!m) throw Exit{kUsage, "cls: " + meeting_not_found(p, o->meeting)};
    warn_about_meeting(g, p, *m);
    write_document(p, format, o->output, [&](DocFormat f) { return render_agenda(p, *m, f); });
    return kOk;
  };
}

}  // namespace cls::cli
