// SPDX-License-Identifier: EUPL-1.2
// cls: the command line. Global options (SPEC §7) and the table of
// subcommands; each subcommand is a cmd_*.cc file.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include "cli.h"

namespace cls::cli {
Runner check_command(CLI::App&, const Globals&);
Runner init_command(CLI::App&, const Globals&);
Runner ics_command(CLI::App&, const Globals&);
Runner diff_command(CLI::App&, const Globals&);
Runner report_command(CLI::App&, const Globals&);
Runner list_command(CLI::App&, const Globals&);
Runner agenda_command(CLI::App&, const Globals&);
Runner convocation_command(CLI::App&, const Globals&);
Runner minutes_command(CLI::App&, const Globals&);
Runner templates_command(CLI::App&, const Globals&);
}  // namespace cls::cli

namespace {

using namespace cls::cli;

const Command kCommands[] = {
    {"check", "Validate the project's files (SPEC §2)", check_command},
    {"init", "Create a small valid project to start from", init_command},
    {"ics", "Meetings as an iCalendar file to import into an agenda (SPEC §6)", ics_command},
    {"diff", "What changed in the plan between two git revisions (SPEC §6)", diff_command},
    {"report", "Tableau de bord, or bilan annuel with --year (SPEC §3)", report_command},
    {"list", "Tables of actions, actors, meetings or follow-ups, with filters", list_command},
    {"agenda", "The ordre du jour of a meeting (SPEC §5.1)", agenda_command},
    {"convocation", "The convocation letters of a meeting (SPEC §5.2)", convocation_command},
    {"minutes", "The compte rendu of a held meeting (SPEC §5.3)", minutes_command},
    {"templates", "List the document templates, or export them to start from (SPEC §5.5)", templates_command},
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cls: action plans, indicators and meetings of a contrat local de santé or a "
               "conseil territorial de santé, kept as YAML files.",
               "cls"};
  app.set_version_flag("--version", std::string("cls ") + CLS_VERSION);
  app.fallthrough();  // global options may follow the subcommand too
  app.require_subcommand(1, 1);
  Globals globals;
  app.add_option("-C,--directory", globals.directory, "Run in DIR (the project is found there or above)")
      ->type_name("DIR");
  app.add_option("--today", globals.today, "The date taken as today (default: CLS_TODAY, else the clock)")
      ->type_name("YYYY-MM-DD");
  app.add_option("--color", globals.color, "Colour the output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("auto|always|never");
  app.add_flag("-q,--quiet", globals.quiet, "Print only what was asked: no summary, no progress");

  std::vector<std::pair<CLI::App*, Runner>> runners;
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    runners.emplace_back(sub, c.setup(*sub, globals));
  }

  // A mistyped command gets a suggestion rather than CLI11's generic message.
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string_view> names;
    for (const Command& c : kCommands) names.emplace_back(c.name);
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      std::string msg = std::string("cls: unknown command '") + argv[1] + "'";
      if (auto near = cls::nearest(argv[1], names); !near.empty()) msg += "; did you mean '" + near + "'?";
      std::fprintf(stderr, "%s\nRun cls --help for the list of commands.\n", msg.c_str());
      return kUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kOk : kUsage;
  }
  try {
    for (auto& [sub, run] : runners) {
      if (sub->parsed()) return run();
    }
  } catch (const Exit& e) {
    if (!e.message.empty()) std::fprintf(stderr, "%s\n", e.message.c_str());
    return e.status;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cls: %s\n", e.what());
    return kUsage;
  }
  return kUsage;
}
