// SPDX-License-Identifier: EUPL-1.2
// cls proxy-form MEETING [--to ID…] (alias pouvoir): the pouvoir each member
// may return (SPEC §8.4), one form per member of the meeting's body.
#include <algorithm>
#include <memory>

#include "cli.h"
#include "cls/proxy_form.h"
#include "cls/templates.h"

namespace cls::cli {

namespace {
constexpr OutputFormat kFormats[] = {OutputFormat::markdown, OutputFormat::html, OutputFormat::pdf};

// The members asked for with --to, checked: each a voting member of the
// meeting's body, each once, in the order given; by default every member.
std::vector<std::string> proxy_form_members(const Project& p, const Meeting& m, const std::vector<std::string>& asked) {
  if (!takes_proxies(p, m)) {
    const Body* body = m.body ? p.body(m.body->id) : nullptr;
    throw Exit{kUsage, "cls: " + m.id + ": " +
                           (body ? "the body " + body->id + " takes no proxy (proxies: 0 in cls.yaml)"
                                 : std::string("the meeting has no body whose members could give a proxy"))};
  }
  std::vector<std::string> out;
  if (asked.empty()) {
    for (const Ref& r : p.body(m.body->id)->members) {
      if (p.actor(r.id) && std::find(out.begin(), out.end(), r.id) == out.end()) out.push_back(r.id);
    }
  }
  for (const std::string& id : asked) {
    if (!p.actor(id)) throw Exit{kUsage, "cls: --to " + id + ": no actor has this id in actors/"};
    if (!is_body_member(p, m, id)) {
      throw Exit{kUsage, "cls: --to " + id + ": not a voting member of " + m.body->id +
                             " (only the body's members give a proxy)"};
    }
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  if (out.empty()) throw Exit{kUsage, "cls: " + m.id + ": its body has no members"};
  return out;
}

}  // namespace

Runner proxy_form_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string meeting, format, output;
    std::vector<std::string> to;
  };
  auto o = std::make_shared<Options>();
  app.add_option("MEETING", o->meeting, "The meeting's id, or the name of its file under meetings/")->required();
  app.add_option("--to", o->to, "Only the forms of these members (ids; repeat or separate with commas)")
      ->delimiter(',')
      ->type_name("ID...");
  add_format_option(app, o->format, kFormats, OutputFormat::markdown);
  app.add_option("-o,--output", o->output, "Write the forms to FILE (default: standard output)")->type_name("FILE");
  return [o, &g, &app] {
    const OutputFormat format = output_format(app, o->format, o->output, kFormats, OutputFormat::markdown);
    const Project p = load_checked(g);
    const Meeting* m = find_meeting(p, o->meeting);
    if (!m) throw Exit{kUsage, "cls: " + meeting_not_found(p, o->meeting)};
    warn_about_meeting(g, p, *m);
    const std::vector<std::string> members = proxy_form_members(p, *m, o->to);
    write_document(p, format, o->output, [&](DocFormat f) { return render_proxy_forms(p, *m, members, f); });
    return kOk;
  };
}

}  // namespace cls::cli
