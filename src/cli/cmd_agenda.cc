// SPDX-License-Identifier: EUPL-1.2
// cls agenda MEETING: the ordre du jour (SPEC §5.1).
#include <memory>

#include "cli.h"
#include "cls/agenda.h"
#include "cls/templates.h"

namespace cls::cli {

Runner agenda_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string meeting, format, output;
  };
  auto o = std::make_shared<Options>();
  app.add_option("MEETING", o->meeting, "The meeting's id, or the name of its file under meetings/")->required();
  app.add_option("--format", o->format, "Output format (default: from the -o file's name, else md)")
      ->check(CLI::IsMember({"md", "html"}))
      ->type_name("md|html");
  app.add_option("-o,--output", o->output, "Write the document to FILE (default: standard output)")
      ->type_name("FILE");
  return [o, &g] {
    const Project p = load_checked(g);
    const Meeting* m = find_meeting(p, o->meeting);
    if (!m) throw Exit{kUsage, "cls: " + meeting_not_found(p, o->meeting)};
    std::string doc;
    try {
      doc = render_agenda(p, *m, resolve_doc_format(o->format, o->output));
    } catch (const TemplateError& e) {
      throw Exit{kInvalid, template_error_text(e, p.root)};
    }
    write_output(o->output, doc);
    return kOk;
  };
}

}  // namespace cls::cli
