// SPDX-License-Identifier: EUPL-1.2
// cls: the command line. Global options (SPEC §7) and the table of
// subcommands; each subcommand is a cmd_*.cc file.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli.h"
#include "cls/french_words.h"
#include "cls/i18n.h"

namespace cls::cli {
Runner check_command(CLI::App&, const Globals&);
Runner init_command(CLI::App&, const Globals&);
Runner schema_command(CLI::App&, const Globals&);
Runner ics_command(CLI::App&, const Globals&);
Runner diff_command(CLI::App&, const Globals&);
Runner report_command(CLI::App&, const Globals&);
Runner list_command(CLI::App&, const Globals&);
Runner agenda_command(CLI::App&, const Globals&);
Runner convocation_command(CLI::App&, const Globals&);
Runner minutes_command(CLI::App&, const Globals&);
Runner templates_command(CLI::App&, const Globals&);
Runner attendance_sheet_command(CLI::App&, const Globals&);
Runner proxy_form_command(CLI::App&, const Globals&);
Runner send_command(CLI::App&, const Globals&);
}  // namespace cls::cli

namespace {

using namespace cls::cli;

// The summaries are translated when the help is built (tr in main).
const Command kCommands[] = {
    {"check", N_("Validate the project's files"), check_command},
    {"init", N_("Create a small valid project to start from"), init_command},
    {"schema", N_("Write the JSON Schemas of the files, for editors to complete and check them"), schema_command},
    {"ics", N_("Meetings as an iCalendar file to import into an agenda"), ics_command},
    {"diff", N_("What changed in the plan between two git revisions"), diff_command},
    {"report", N_("Tableau de bord, or bilan annuel with --year"), report_command},
    {"list", N_("Tables of actions, actors, meetings or follow-ups, with filters"), list_command},
    {"agenda", N_("The ordre du jour of a meeting"), agenda_command},
    {"convocation", N_("The convocation letters of a meeting"), convocation_command},
    {"minutes", N_("The compte rendu of a held meeting"), minutes_command},
    {"attendance-sheet", N_("The feuille d'émargement of a meeting"), attendance_sheet_command, "emargement"},
    {"proxy-form", N_("The pouvoir form a member returns to give a proxy"), proxy_form_command, "pouvoir"},
    {"send", N_("Send the convocations, or the compte rendu, by e-mail"), send_command},
    {"templates", N_("List the document templates, or export them to start from"), templates_command},
};

// CLI11's own words in the help (its labels), and the placeholders of the
// global options, which subcommands share.
void translate_help_labels(CLI::App& app) {
  const auto formatter = app.get_formatter();
  // TRANSLATORS: CLI11 writes a colon right after "Usage", and after the
  // group names "Options", "Subcommands" and "Positionals": in French, end
  // them with a no-break space.
  for (const char* label : {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"), N_("Positionals"),
                            N_("REQUIRED"), N_("DIR"), N_("YYYY-MM-DD")}) {
    formatter->label(label, cls::tr(label));
  }
}

// The word naming the command: the first argument that is neither a global
// option nor the value of one (-C DIR, --today DATE, --color WHEN), or
// nullptr when there is none (or it comes after `--`).
const char* command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") return nullptr;
    if (a == "-C" || a == "--directory" || a == "--today" || a == "--color") {
      ++i;
      continue;
    }
    if (!a.empty() && a[0] == '-') continue;  // a flag, or --option=value, -CDIR
    return argv[i];
  }
  return nullptr;
}

// "unknown option '--fromat'; did you mean '--format'?" for the first
// argument that looks like an option of neither the command nor cls itself
// and is near one of theirs; "" when there is none.
std::string option_hint(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> names;
  auto add = [&names](const CLI::App* a) {
    for (const CLI::Option* o : a->get_options()) {
      for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
      for (const std::string& s : o->get_snames()) names.push_back("-" + s);
    }
  };
  add(&app);
  for (const CLI::App* sub : app.get_subcommands()) {
    add(sub);
    for (const CLI::App* subsub : sub->get_subcommands()) add(subsub);
  }
  const std::vector<std::string_view> candidates(names.begin(), names.end());
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") break;
    if (a.size() < 3 || !a.starts_with("--")) continue;
    a = a.substr(0, a.find('='));
    if (std::find(names.begin(), names.end(), a) != names.end()) continue;
    const std::string near = cls::nearest(a, candidates);
    return near.empty() ? cls::trf("unknown option '{}'", a)
                        : cls::trf("unknown option '{}'; did you mean '{}'?", a, near);
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  cls::init_messages();
  using cls::tr;
  CLI::App app{tr("cls: action plans, indicators and meetings of a contrat local de santé or a "
                  "conseil territorial de santé, kept as YAML files."),
               "cls"};
  translate_help_labels(app);
  // TRANSLATORS: a group of the help; see "Usage".
  app.option_defaults()->group(tr("Options"));
  // TRANSLATORS: a group of the help; see "Usage".
  app.group(tr("Subcommands"));  // the group of every subcommand in the help
  app.set_help_flag("-h,--help", tr("Print this help message and exit"));
  app.set_version_flag("--version", std::string("cls ") + CLS_VERSION,
                       tr("Display program version information and exit"));
  app.footer(tr("Each command has its manual page: man cls-check, man cls-report…; every key of the files: "
                "man 5 cls-format"));
  app.fallthrough();  // global options may follow the subcommand too
  app.require_subcommand(1, 1);
  Globals globals;
  app.add_option("-C,--directory", globals.directory, tr("Run in DIR (the project is found there or above)"))
      ->type_name("DIR");
  app.add_option("--today", globals.today, tr("The date taken as today (default: CLS_TODAY, else the clock)"))
      ->type_name("YYYY-MM-DD");
  app.add_option("--color", globals.color, tr("Colour the output"))
      ->check(one_of({"auto", "always", "never"}))
      ->type_name("auto|always|never");
  app.add_flag("-q,--quiet", globals.quiet, tr("Print only what was asked: no summary, no progress"));

  std::vector<std::pair<CLI::App*, Runner>> runners;
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, tr(c.summary));
    // CLI11 gives a subcommand its help flag before the option defaults:
    // again, so that it falls in the (translated) group of the others.
    sub->set_help_flag("-h,--help", tr("Print this help message and exit"));
    sub->footer("");
    if (c.alias) sub->alias(c.alias);
    runners.emplace_back(sub, c.setup(*sub, globals));
  }

  // A mistyped command gets a suggestion rather than CLI11's generic message,
  // after global options too (`cls -C projet chek`).
  if (const char* word = command_word(argc, argv)) {
    std::vector<std::string_view> names;
    for (const Command& c : kCommands) {
      names.emplace_back(c.name);
      if (c.alias) names.emplace_back(c.alias);
    }
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      const std::string command = word;
      const std::string near = cls::words::suggest(command, names);
      const std::string msg = near.empty() ? cls::trf("unknown command '{}'", command)
                                           : cls::trf("unknown command '{}'; did you mean '{}'?", command, near);
      std::fprintf(stderr, "cls: %s\n%s\n", msg.c_str(), tr("Run cls --help for the list of commands."));
      return kUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // An option mistyped: the one meant, among the command's and the global ones.
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
      if (const std::string hint = option_hint(app, argc, argv); !hint.empty()) {
        std::fprintf(stderr, "cls: %s\n%s\n", hint.c_str(), tr("Run with --help for more information."));
        return kUsage;
      }
    }
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
