// SPDX-License-Identifier: EUPL-1.2
// cls ics: meetings as an iCalendar file to import into an agenda (SPEC §6).
#include <algorithm>
#include <memory>
#include <set>

#include "cli.h"
#include "cls/documents.h"
#include "cls/ics.h"

namespace cls::cli {

namespace {
constexpr OutputFormat kFormats[] = {OutputFormat::ics};
}

Runner ics_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::vector<std::string> meetings;
    bool all = false;
    std::string body;
    std::string output;
  };
  auto o = std::make_shared<Options>();
  app.add_option("MEETING", o->meetings, "Meetings to put in the calendar, by id or file name")->type_name("MEETING");
  app.add_flag("--all", o->all, "Every meeting of the project (in file order)");
  app.add_option("--body", o->body, "With --all: only the meetings of this body")->type_name("BODY");
  app.add_option("-o,--output", o->output, "Write to FILE (whole or not at all) instead of standard output")
      ->type_name("FILE");
  return [o, &g, &app] {
    // Only iCalendar: -o agenda.pdf is a mistake to say before any work.
    output_format(app, "", o->output, kFormats, OutputFormat::ics);
    if (!o->all && o->meetings.empty()) {
      throw Exit{kUsage, "cls ics: name the meetings to put in the calendar (cls ics MEETING…), or give --all"};
    }
    if (o->all && !o->meetings.empty()) throw Exit{kUsage, "cls ics: give meeting ids or --all, not both"};
    if (!o->body.empty() && !o->all) throw Exit{kUsage, "cls ics: --body goes with --all"};
    const Project p = load_checked(g);
    std::vector<const Meeting*> chosen;
    if (o->all) {
      if (!o->body.empty() && !p.body(o->body)) {
        std::vector<std::string_view> ids;
        for (const auto& b : p.manifest.bodies) ids.push_back(b.id);
        const std::string near = nearest(o->body, ids);
        throw Exit{kUsage, "cls ics: no body '" + o->body + "' in the project" +
                               (near.empty() ? "" : " (did you mean '" + near + "'?)")};
      }
      for (const auto& m : p.meetings) {
        if (o->body.empty() || (m.body && m.body->id == o->body)) chosen.push_back(&m);
      }
    } else {
      std::set<std::string> seen;
      for (const auto& id : o->meetings) {
        // An id, or the name of the meeting's file, as for the documents.
        const Meeting* m = find_meeting(p, id);
        if (!m) throw Exit{kUsage, "cls ics: " + meeting_not_found(p, id)};
        if (seen.insert(m->id).second) chosen.push_back(m);
      }
    }
    // An empty calendar is still a valid file, but most likely not what was
    // meant: say so, and write it anyway so that scripts keep working.
    if (chosen.empty() && !g.quiet) std::fprintf(stderr, "cls ics: no meeting to put in the calendar\n");
    write_output(o->output, render_ics(p, chosen, g.today_date()));
    return kOk;
  };
}

}  // namespace cls::cli
