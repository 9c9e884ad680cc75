// SPDX-License-Identifier: EUPL-1.2
// cls convocation MEETING: one letter per person or organisation convened
// (SPEC §5.2), on standard output, in one file (-o) or one file each
// (--out-dir).
#include <algorithm>
#include <cstdio>
#include <memory>
#include <unordered_set>

#include "cli.h"
#include "cls/attendance.h"
#include "cls/convocation.h"
#include "cls/ics.h"
#include "cls/proxy_form.h"
#include "cls/templates.h"

namespace cls::cli {

namespace fs = std::filesystem;

namespace {

// The letters asked for with --to, checked: each to an actor convened to the
// meeting, or to the substitute of a titulaire convened (their copy, SPEC
// §8.3), each once, in the order given; by default everyone convened but the
// signatory. With --substitutes, each titulaire's letter is followed by the
// copy to their substitute.
std::vector<LetterTo> chosen_letters(const Project& p, const Meeting& m, const std::vector<std::string>& asked,
                                     bool substitutes) {
  std::vector<LetterTo> out;
  std::unordered_set<std::string> seen;
  auto add = [&](const std::string& id, const std::string& titular) {
    if (seen.insert(id).second) out.push_back({id, titular});
  };
  auto add_copy = [&](const std::string& id) {
    if (!substitutes) return;
    const Actor* a = p.actor(id);
    const Body* body = m.body ? p.body(m.body->id) : nullptr;
    const Ref* sub = a && body ? sitting_substitute(*body, *a) : nullptr;
    if (sub && p.actor(sub->id)) add(sub->id, id);
  };
  if (asked.empty()) {
    // The signatory writes no letter to themselves, but their substitute
    // still sits in their place when they cannot come: the copy goes.
    const std::vector<std::string> letters = default_recipients(p, m);
    for (const std::string& id : convened(p, m)) {
      if (std::find(letters.begin(), letters.end(), id) != letters.end()) add(id, "");
      add_copy(id);
    }
    return out;
  }
  const std::vector<std::string> all = convened(p, m);
  for (const std::string& id : asked) {
    if (!p.actor(id)) {
      throw Exit{kUsage, "cls: --to " + id + ": no actor has this id in actors/"};
    }
    if (std::find(all.begin(), all.end(), id) != all.end()) {
      add(id, "");
      add_copy(id);
    } else if (const Actor* titular = titular_of(p, m, id)) {
      add(id, titular->id);
    } else {
      throw Exit{kUsage, "cls: --to " + id + ": not convened to " + m.id +
                             " (the body's members, the meeting's guests and the substitutes who sit for "
                             "members are)"};
    }
  }
  return out;
}

// DIR/NAME, refusing any NAME that would leave DIR: one path component, not
// "." or "..". Ids are checked by the loader ([A-Za-z0-9][A-Za-z0-9._-]*), so
// this is the second lock; the third is that a symbolic link found at
// DIR/NAME is replaced, never followed (WriteMode::replace_entry).
fs::path file_in(const fs::path& dir, const std::string& name) {
  const fs::path file = dir / name;
  if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") {
    throw Exit{kUsage, "cls: refusing to write " + file.string() + ": outside " + dir.string()};
  }
  return file;
}

constexpr OutputFormat kFormats[] = {OutputFormat::markdown, OutputFormat::html, OutputFormat::pdf};

}  // namespace

Runner convocation_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string meeting, format, output, out_dir;
    std::vector<std::string> to;
    bool ics = false, substitutes = false, proxy_form = false;
  };
  auto o = std::make_shared<Options>();
  app.add_option("MEETING", o->meeting, "The meeting's id, or the name of its file under meetings/")->required();
  app.add_option("--to", o->to, "Only the letters to these actors (ids; repeat or separate with commas)")
      ->delimiter(',')
      ->type_name("ID...");
  app.add_flag("--substitutes", o->substitutes,
               "After each titulaire's letter, the copy to their substitute, who sits if the titulaire cannot");
  app.add_flag("--proxy-form", o->proxy_form,
               "After each member's letter, the pouvoir they may return (as cls proxy-form), on its own page");
  add_format_option(app, o->format, kFormats, OutputFormat::markdown);
  auto* out = app.add_option("-o,--output", o->output, "Write every letter to FILE (default: standard output)")
                  ->type_name("FILE");
  auto* out_dir = app.add_option("--out-dir", o->out_dir,
                                 "Write one file per recipient in DIR (created if missing), named "
                                 "MEETING--RECIPIENT.md|html|pdf")
                      ->type_name("DIR")
                      ->excludes(out);
  app.add_flag("--ics", o->ics, "Also write DIR/MEETING.ics, the meeting for their agenda (as cls ics does)")
      ->needs(out_dir);
  return [o, &g, &app] {
    const OutputFormat format = output_format(app, o->format, o->output, kFormats, OutputFormat::markdown,
                                              !o->out_dir.empty());
    const DocFormat doc_format = template_format(format);
    const Project p = load_checked(g);
    const Meeting* m = find_meeting(p, o->meeting);
    if (!m) throw Exit{kUsage, "cls: " + meeting_not_found(p, o->meeting)};
    warn_about_meeting(g, p, *m);
    if (o->proxy_form && !takes_proxies(p, *m)) {
      throw Exit{kUsage, "cls: --proxy-form: " + m->id + "'s body takes no proxy (proxies: 0 in cls.yaml)"};
    }
    const std::vector<LetterTo> recipients = chosen_letters(p, *m, o->to, o->substitutes);
    if (recipients.empty()) {
      if (convened(p, *m).empty()) {
        throw Exit{kUsage, "cls: nobody is convened to " + m->id + ": its body has no members and it has no guests"};
      }
      throw Exit{kUsage, "cls: nobody to write to for " + m->id +
                             ": the only one convened signs the letters (use --to to write to them)"};
    }
    const Date letter_date = m->convocation && m->convocation->date ? *m->convocation->date : g.today_date();
    auto letters = [&](const std::vector<LetterTo>& to) {
      return render_letters(p, *m, to, doc_format, letter_date, o->proxy_form);
    };
    try {
      if (o->out_dir.empty()) {
        const std::string all = letters(recipients);
        write_output(o->output, format == OutputFormat::pdf ? to_pdf(all) : all);
        return kOk;
      }
      // Every letter is rendered, then all are written or none (a template
      // error or a full disk leaves no half-done folder).
      const fs::path dir(o->out_dir);
      auto name = [&](const std::string& id) {
        return file_in(dir, m->id + "--" + id + "." + std::string(format_extension(format)));
      };
      std::vector<OutputFile> files;
      if (format == OutputFormat::pdf) {
        // One WeasyPrint run for all the letters, cut into one PDF each (the
        // letters are marked with their recipient's id, each once).
        std::vector<std::string> ids;
        for (const LetterTo& to : recipients) ids.push_back(to.id);
        std::vector<std::string> pdfs =
            to_pdfs(letters(recipients), ids, [&](std::size_t i) { return letters({recipients[i]}); });
        for (std::size_t i = 0; i < recipients.size(); ++i) files.push_back({name(ids[i]), std::move(pdfs[i])});
      } else {
        for (const LetterTo& to : recipients) files.push_back({name(to.id), letters({to})});
      }
      // The same file as `cls ics MEETING`: one event for everyone convened.
      if (o->ics) files.push_back({file_in(dir, m->id + ".ics"), render_ics(p, {m}, g.today_date())});
      write_outputs(files, WriteMode::replace_entry);
      if (!g.quiet) {
        for (const OutputFile& f : files) std::printf("%s\n", f.path.string().c_str());
      }
    } catch (const TemplateError& e) {
      throw Exit{kInvalid, template_error_text(e, p.root)};
    }
    return kOk;
  };
}

}  // namespace cls::cli
