// SPDX-License-Identifier: EUPL-1.2
#include "cls/documents.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "cls/markdown.h"
#include "cls/rollup.h"
#include "cls/templates.h"
#include "cls/text.h"
#include "cls/utf8.h"

namespace cls {

namespace mus = kainjow::mustache;

namespace {

// The fixed words of the meeting documents, in both languages. Templates get
// them as `t.KEY`, so that one template serves a French and an English
// project; text.h keeps the words shared with other outputs (statuses, kinds
// of item, outcomes, salutations).
struct Label {
  std::string_view key, fr, en;
};

constexpr Label kLabels[] = {
    {"agenda", "Ordre du jour", "Agenda"},
    {"convocation", "Convocation", "Notice of meeting"},
    {"minutes", "Compte rendu", "Minutes"},
    {"date", "Date", "Date"},
    {"place", "Lieu", "Place"},
    {"online", "Visioconférence", "Online"},
    {"presented_by", "présenté par", "presented by"},
    {"linked_actions", "Actions liées", "Linked actions"},
    {"action", "Action", "Action"},
    {"status", "Statut", "Status"},
    {"progress", "Avancement", "Progress"},
    {"due", "Échéance", "Due"},
    {"due_inline", "échéance", "due"},
    {"late", "en retard", "late"},
    {"subject", "Objet", "Subject"},
    {"attendance", "Participants", "Attendance"},
    {"present", "Membres présents", "Members present"},
    {"substituted", "Membres représentés par leur suppléant", "Members represented by their substitute"},
    {"by_proxy", "Membres représentés par un pouvoir", "Members represented by proxy"},
    {"excused", "Membres excusés", "Members excused"},
    {"absent", "Membres absents", "Members absent"},
    {"guests", "Assistaient également", "Also attending"},
    {"guests_excused", "Invités excusés", "Guests excused"},
    {"quorum", "Quorum", "Quorum"},
    {"decision", "Décision", "Decision"},
    {"decisions", "Relevé de décisions", "Decisions"},
    {"followups", "Suites à donner", "Follow-ups"},
    {"who", "Qui", "Who"},
    {"what", "Quoi", "What"},
    {"item", "Point", "Item"},
    {"number", "N°", "No."},
    {"result", "Résultat", "Outcome"},
    {"no_decisions", "Aucune décision n’a été prise.", "No decision was taken."},
    {"no_followups", "Aucune suite à donner.", "No follow-up."},
    {"no_items", "L’ordre du jour n’est pas encore arrêté.", "The agenda is not set yet."},
    {"contacts", "Coordonnées des participants", "Participants' contact details"},
    {"name", "Nom", "Name"},
    {"organisation", "Organisme", "Organisation"},
    {"email", "Courriel", "Email"},
    {"phone", "Téléphone", "Phone"},
    {"address", "Adresse", "Address"},
    {"time", "Heure", "Time"},
    {"duration", "Durée", "Duration"},
    {"done", "fait le", "done on"},
    {"agenda_intro", "L’ordre du jour est le suivant\u00A0:", "The agenda is as follows:"},
    {"next_meeting", "Prochaine réunion", "Next meeting"},
};

// Length in bytes of the first character.
std::size_t first_char_len(std::string_view s) { return s.empty() ? 0 : decode_utf8(s, 0).size; }

// The first word, lowered, without elided article: "Commission spécialisée" → "commission".
std::string first_word(std::string_view lowered) {
  std::size_t end = lowered.find_first_of(" ,'");
  end = std::min(end, lowered.find("’"));
  return std::string(lowered.substr(0, end));
}

bool starts_with_vowel_sound(std::string_view lowered) {
  if (lowered.empty()) return false;
  if (std::string_view("aeiouyh").find(lowered[0]) != std::string_view::npos) return true;
  for (std::string_view v : {"à", "â", "é", "è", "ê", "ë", "î", "ï", "ô", "û", "ù"}) {
    if (lowered.substr(0, v.size()) == v) return true;
  }
  return false;
}

// Feminine nouns that name French bodies and meetings; any other first word
// is taken as masculine (comité, bureau, conseil, groupe, collège…).
bool feminine(std::string_view word) {
  static constexpr std::array<std::string_view, 24> kFeminine = {
      "commission", "séance",   "conférence", "assemblée",  "réunion",   "formation",
      "cellule",    "instance", "plénière",   "table",      "journée",   "session",
      "équipe",     "délégation", "coordination", "rencontre", "concertation", "mission",
      "direction",  "plateforme", "plate-forme", "permanence", "convention", "section"};
  return std::find(kFeminine.begin(), kFeminine.end(), word) != kFeminine.end();
}

std::string contracted(Lang lang, std::string_view noun_phrase, bool to) {
  const std::string np = lower_first(noun_phrase);
  if (lang == Lang::en) return std::string(to ? "to the " : "of the ") + np;
  if (starts_with_vowel_sound(np)) return std::string(to ? "à l’" : "de l’") + np;
  if (feminine(first_word(np))) return std::string(to ? "à la " : "de la ") + np;
  return std::string(to ? "au " : "du ") + np;
}

mus::data text_or_false(const std::string& s) { return s.empty() ? mus::data(false) : mus::data(s); }

template <class T>
mus::data field_or_false(const Field<T>& f) {
  return f && !f->empty() ? mus::data(*f) : mus::data(false);
}

mus::data string_list(const std::vector<std::string>& items) {
  mus::data list{mus::data::type::list};
  for (const std::string& s : items) list.push_back(mus::data(s));
  return list;
}

// Only web links become links: a `javascript:` or `data:` address from a file
// must not reach an href.
bool safe_url(std::string_view url) {
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == '"' || c == '\'' ||
           c == '`' || c == '\\';
  });
}

// "10 min", "1 h 30", "2 h" (French); "10 min", "1 h 30 min", "2 h".
std::string duration_text(Lang lang, int minutes) {
  if (minutes < 60) return std::to_string(minutes) + "\u00A0min";
  std::string out = std::to_string(minutes / 60) + "\u00A0h";
  if (const int rest = minutes % 60; rest != 0) {
    out += "\u00A0" + std::string(rest < 10 ? "0" : "") + std::to_string(rest);
    if (lang == Lang::en) out += "\u00A0min";
  }
  return out;
}

}  // namespace

std::string_view format_suffix(DocFormat format) { return format == DocFormat::html ? "html" : "md"; }

DocFormat template_format(OutputFormat format) {
  return format == OutputFormat::html || format == OutputFormat::pdf ? DocFormat::html : DocFormat::markdown;
}

namespace {

// "2026-06-23-pleniere", "2026-06-23-pleniere.yaml" and
// "meetings/2026-06-23-pleniere.yaml" all name the file
// meetings/2026-06-23-pleniere.yaml: what is left once the folders and the
// extension are dropped.
std::string_view file_stem(std::string_view path) {
  if (const std::size_t slash = path.rfind('/'); slash != std::string_view::npos) path.remove_prefix(slash + 1);
  for (std::string_view ext : {".yaml", ".yml"}) {
    if (path.size() > ext.size() && path.substr(path.size() - ext.size()) == ext) {
      path.remove_suffix(ext.size());
      break;
    }
  }
  return path;
}

std::string_view meeting_file(const Project& project, const Meeting& meeting) {
  return meeting.loc.known() && meeting.loc.file < project.files.size()
             ? std::string_view(project.files[meeting.loc.file])
             : std::string_view();
}

// The meetings whose file is named `name` (file_stem()).
std::vector<const Meeting*> meetings_in_file(const Project& project, std::string_view name) {
  std::vector<const Meeting*> out;
  const std::string_view stem = file_stem(name);
  if (stem.empty()) return out;
  for (const Meeting& m : project.meetings) {
    const std::string_view file = meeting_file(project, m);
    if (!file.empty() && file_stem(file) == stem) out.push_back(&m);
  }
  return out;
}

}  // namespace

const Meeting* find_meeting(const Project& project, std::string_view id) {
  if (const Meeting* m = project.meeting(id)) return m;
  const auto in_file = meetings_in_file(project, id);
  return in_file.size() == 1 ? in_file.front() : nullptr;
}

std::string meeting_not_found(const Project& project, std::string_view id) {
  std::string out = "no meeting '" + std::string(id) + "' in the project";
  if (project.meetings.empty()) return out + " (it has no meetings/ yet)";
  if (const auto in_file = meetings_in_file(project, id); in_file.size() > 1) {
    out = "'" + std::string(id) + "' names " + std::string(meeting_file(project, *in_file.front())) +
          ", which holds " + std::to_string(in_file.size()) + " meetings; give one's id: ";
    for (std::size_t i = 0; i < in_file.size(); ++i) out += (i ? ", " : "") + in_file[i]->id;
    return out;
  }
  std::vector<std::string_view> ids;
  for (const Meeting& m : project.meetings) ids.push_back(m.id);
  if (const std::string near = nearest(id, ids); !near.empty()) out += " (did you mean '" + near + "'?)";
  out += "; give a meeting's id or its file's name: ";
  for (std::size_t i = 0; i < project.meetings.size(); ++i) {
    const Meeting& m = project.meetings[i];
    out += (i ? ", " : "") + m.id;
    if (const std::string_view file = meeting_file(project, m); !file.empty() && file_stem(file) != m.id) {
      out += " (" + std::string(file) + ")";
    }
  }
  return out;
}

std::string template_error_text(const TemplateError& error, const std::filesystem::path& project_root) {
  std::string file = error.file();
  // Built-in templates are named "NAME (built-in)"; only an override's path
  // is made relative.
  if (!project_root.empty() && std::filesystem::path(file).is_absolute()) {
    const std::filesystem::path path(file);
    std::error_code ec;
    const auto rel = std::filesystem::relative(path, project_root, ec);
    if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) file = rel.string();
  }
  if (error.line() > 0) {
    file += ":" + std::to_string(error.line());
    if (error.column() > 0) file += ":" + std::to_string(error.column());
  }
  return file + ": error: " + error.message();
}

std::string_view label(Lang lang, std::string_view key) {
  for (const Label& l : kLabels) {
    if (l.key == key) return lang == Lang::fr ? l.fr : l.en;
  }
  return "";
}

// --- Naming people --------------------------------------------------------------

std::string short_name(Lang lang, const Actor& actor) {
  const std::string name = actor.name.value_or(actor.id);
  if (actor.is_organisation()) return name;
  switch (actor.civility.value_or(Civility::none)) {
    // French typography keeps "M." or "Mme" on the line of the name.
    case Civility::mme: return (lang == Lang::fr ? "Mme\u00A0" : "Ms ") + name;
    case Civility::m: return (lang == Lang::fr ? "M.\u00A0" : "Mr ") + name;
    case Civility::none: break;
  }
  return name;
}

std::string full_name(Lang lang, const Actor& actor) {
  const std::string name = actor.name.value_or(actor.id);
  if (actor.is_organisation()) return name;
  const std::string_view title = civility_title(lang, actor.civility.value_or(Civility::none));
  return title.empty() ? name : std::string(title) + " " + name;
}

std::string organisation_name(const Project& project, const Actor& actor) {
  if (actor.is_organisation() || !actor.organisation) return "";
  const Actor* org = project.actor(actor.organisation->id);
  return org ? org->name.value_or(org->id) : "";
}

std::string name_and_organisation(const Project& project, Lang lang, const Actor& actor) {
  std::string out = short_name(lang, actor);
  std::string detail = organisation_name(project, actor);
  if (detail.empty() && !actor.is_organisation()) detail = actor.role.value_or("");
  // A comma rather than brackets: organisation names often hold brackets
  // themselves ("Centre hospitalier régional universitaire (CHRU) de Nancy").
  if (!detail.empty()) out += ", " + detail;
  return out;
}

std::string chair_title(Lang lang, const Body& body, const Actor& chair) {
  std::string title;
  if (lang == Lang::fr) {
    switch (chair.civility.value_or(Civility::none)) {
      case Civility::mme: title = "La présidente"; break;
      case Civility::m: title = "Le président"; break;
      case Civility::none: title = "La présidence"; break;
    }
  } else {
    title = "The Chair";
  }
  if (body.title && !body.title->empty()) title += " " + of_phrase(lang, *body.title);
  return title;
}

std::vector<std::string> split_address(std::string_view address) {
  std::vector<std::string> lines;
  std::string current;
  std::size_t i = 0;
  while (i < address.size()) {
    const std::size_t comma = address.find(", ", i);
    const std::string_view part = address.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i);
    current += part;
    if (comma == std::string_view::npos) break;
    // "1, rue de la Paix": a number alone is the start of a street line.
    if (!current.empty() && std::all_of(current.begin(), current.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) || c == ' ';
        })) {
      current += ", ";
    } else {
      lines.push_back(current);
      current.clear();
    }
    i = comma + 2;
  }
  if (!current.empty()) lines.push_back(current);
  return lines;
}

std::vector<std::string> address_lines(const Project& project, const Actor& actor) {
  if (actor.address && !actor.address->empty()) return split_address(*actor.address);
  if (!actor.is_organisation() && actor.organisation) {
    if (const Actor* org = project.actor(actor.organisation->id); org && org->address) {
      return split_address(*org->address);
    }
  }
  return {};
}

// --- Naming meetings ------------------------------------------------------------

std::string meeting_times(Lang lang, const Meeting& meeting) {
  const bool fr = lang == Lang::fr;
  if (meeting.start && meeting.end) {
    return (fr ? "de " : "from ") + format_time(lang, *meeting.start) + (fr ? " à " : " to ") +
           format_time(lang, *meeting.end);
  }
  if (meeting.start) return (fr ? "à " : "at ") + format_time(lang, *meeting.start);
  return "";
}

std::string lower_first(std::string_view text) {
  std::string out(text);
  if (out.empty()) return out;
  // An acronym ("CTS", "ARS") keeps its capitals: look at the second letter.
  const std::size_t n = first_char_len(text);
  if (starts_with_capital_letter(text.substr(n))) return out;
  return lower_first_char(text);
}

std::string upper_first(std::string_view text) {
  return upper_first_char(text);
}

std::string of_phrase(Lang lang, std::string_view noun_phrase) { return contracted(lang, noun_phrase, false); }

std::string the_phrase(Lang lang, std::string_view noun_phrase) {
  const std::string np = lower_first(noun_phrase);
  if (lang == Lang::en) return "the " + np;
  if (starts_with_vowel_sound(np)) return "l’" + np;
  return (feminine(first_word(np)) ? "la " : "le ") + np;
}
std::string to_phrase(Lang lang, std::string_view noun_phrase) { return contracted(lang, noun_phrase, true); }

std::string_view meeting_word(const Project& project) {
  if (project.lang() == Lang::en) return "meeting";
  return project.kind() == ProjectKind::cts ? "séance" : "réunion";
}

std::string second_call_sentence(const Project& project, const Meeting& meeting) {
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  const bool titled = body && body->title && !body->title->empty();
  if (project.lang() == Lang::en) {
    return "Meeting on a second call, " + (titled ? "the " + lower_first(*body->title) : std::string("the body")) +
           " may validly deliberate whatever the number of members present.";
  }
  const std::string name = titled ? *body->title : std::string("instance");
  // "Réunie" agrees with a feminine body (assemblée, commission…).
  return std::string(feminine(first_word(lower_first(name))) ? "Réunie" : "Réuni") +
         " sur seconde convocation, " + the_phrase(Lang::fr, name) +
         " délibère valablement sans condition de quorum.";
}

// --- Template contexts ------------------------------------------------------------

std::string markdown_block(std::string_view markdown, DocFormat format, int indent) {
  if (format == DocFormat::html) return markdown_to_html(markdown, 2);
  return markdown_to_markdown(markdown, indent);
}

mus::data document_context(const Project& project, const Meeting& meeting, DocFormat format) {
  const Lang lang = project.lang();
  mus::data ctx;
  ctx.set("lang", std::string(lang_code(lang)));
  ctx.set("fr", lang == Lang::fr);
  ctx.set("en", lang == Lang::en);
  ctx.set("cls", project.kind() == ProjectKind::cls);
  ctx.set("cts", project.kind() == ProjectKind::cts);
  ctx.set("public", false);
  ctx.set("html", format == DocFormat::html);
  ctx.set("markdown", format == DocFormat::markdown);

  mus::data t;
  for (const Label& l : kLabels) t.set(std::string(l.key), std::string(lang == Lang::fr ? l.fr : l.en));
  // French puts a no-break space before a colon: "Objet : …".
  t.set("colon", std::string(lang == Lang::fr ? "\u00A0:" : ":"));
  if (lang == Lang::fr && project.kind() == ProjectKind::cts) t.set("next_meeting", "Prochaine séance");
  ctx.set("t", t);

  mus::data proj;
  proj.set("id", project.manifest.id.value_or(""));
  proj.set("title", project.manifest.title.value_or(""));
  ctx.set("project", proj);

  mus::data org;
  const Organisation* o = project.manifest.organisation ? &*project.manifest.organisation : nullptr;
  org.set("name", o && o->name ? *o->name : project.manifest.title.value_or(""));
  if (o) {
    org.set("address", field_or_false(o->address));
    org.set("address_lines", o->address ? string_list(split_address(*o->address)) : mus::data(false));
    org.set("city", field_or_false(o->city));
    org.set("email", field_or_false(o->email));
    org.set("phone", field_or_false(o->phone));
  } else {
    for (const char* k : {"address", "address_lines", "city", "email", "phone"}) org.set(k, false);
  }
  // The letterhead under the name: the address, one line per part, then the
  // contacts on one line ("contact@… · 03 83 00 00 00").
  std::vector<std::string> lines;
  std::string contact;
  if (o) {
    if (o->address) lines = split_address(*o->address);
    for (const Field<std::string>* f : {&o->email, &o->phone}) {
      if (*f && !(*f)->empty()) contact += (contact.empty() ? "" : " · ") + **f;
    }
    if (!contact.empty()) lines.push_back(contact);
  }
  mus::data line_list{mus::data::type::list};
  for (const std::string& l : lines) line_list.push_back(mus::data("text", l));
  org.set("lines", line_list);
  org.set("contact", text_or_false(contact));
  ctx.set("org", org);

  mus::data m;
  m.set("id", meeting.id);
  m.set("title", meeting_title(project, meeting));
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  m.set("body", body && body->title ? *body->title : std::string());
  if (meeting.date) {
    const std::string long_date = format_date_long(lang, *meeting.date);
    m.set("date", long_date);
    m.set("date_cap", upper_first(long_date));
    m.set("date_short", format_date(lang, *meeting.date));
    m.set("date_numeric", format_date_numeric(lang, *meeting.date));
  }
  m.set("start", meeting.start ? mus::data(format_time(lang, *meeting.start)) : mus::data(false));
  m.set("end", meeting.end ? mus::data(format_time(lang, *meeting.end)) : mus::data(false));
  const std::string times = meeting_times(lang, meeting);
  m.set("times", text_or_false(times));
  std::string when = meeting.date ? upper_first(format_date_long(lang, *meeting.date)) : std::string();
  if (!times.empty()) when += (when.empty() ? "" : ", ") + times;
  m.set("when", when);
  m.set("place", field_or_false(meeting.place));
  m.set("online", field_or_false(meeting.online));
  m.set("online_url", meeting.online && safe_url(*meeting.online) ? mus::data(*meeting.online)
                                                                    : mus::data(false));
  m.set("second_call", meeting.second_call.value_or(false));
  m.set("word", std::string(meeting_word(project)));
  ctx.set("meeting", m);
  return ctx;
}

std::vector<std::optional<int>> item_starts(const Meeting& meeting) {
  std::vector<std::optional<int>> out;
  std::optional<int> at;
  if (meeting.start) at = meeting.start->minutes;
  for (const AgendaItem& item : meeting.agenda) {
    out.push_back(at);
    if (at && item.duration) {
      // On the clock, modulo a day: what format_time shows, and no overflow
      // whatever durations a file holds.
      *at = (*at + *item.duration % 1440) % 1440;
    } else {
      at.reset();
    }
  }
  return out;
}

mus::data agenda_items_context(const Project& project, const Meeting& meeting, DocFormat format,
                               bool actions) {
  const Lang lang = project.lang();
  std::optional<Rollup> rollup;
  if (actions && meeting.date) rollup = compute_rollup(project, *meeting.date);
  const auto starts = item_starts(meeting);
  mus::data items{mus::data::type::list};
  for (std::size_t i = 0; i < meeting.agenda.size(); ++i) {
    const AgendaItem& item = meeting.agenda[i];
    mus::data it;
    it.set("number", std::to_string(i + 1));
    it.set("first", i == 0);
    it.set("last", i + 1 == meeting.agenda.size());
    it.set("title", item.title.value_or(""));
    const ItemKind kind = item.kind.value_or(ItemKind::information);
    it.set("kind", std::string(tr(lang, kind)));
    it.set("kind_cap", upper_first(tr(lang, kind)));
    it.set("kind_id", std::string(to_string(kind)));
    it.set("start", starts[i] ? mus::data(format_time(lang, *starts[i])) : mus::data(false));
    it.set("duration", item.duration ? mus::data(duration_text(lang, *item.duration)) : mus::data(false));
    const Actor* presenter = item.presenter ? project.actor(item.presenter->id) : nullptr;
    it.set("presenter", presenter ? mus::data(short_name(lang, *presenter)) : mus::data(false));
    it.set("presenter_id", presenter ? mus::data(presenter->id) : mus::data(false));
    if (item.notes && !item.notes->empty()) {
      it.set("notes", markdown_block(*item.notes, format, 0));
      it.set("notes_item", markdown_block(*item.notes, format, 4));
    } else {
      it.set("notes", false);
      it.set("notes_item", false);
    }
    if (actions) {
      mus::data list{mus::data::type::list};
      for (const Ref& ref : item.actions) {
        const Action* action = project.action(ref.id);
        if (!action) continue;
        const ActionRollup* r = rollup ? rollup->find_action(ref.id) : nullptr;
        mus::data a;
        a.set("id", action->id);
        a.set("title", action->title.value_or(""));
        const Status status = action->current_status();
        a.set("status", std::string(tr(lang, status)));
        a.set("status_id", std::string(to_string(status)));
        std::string progress;
        if (status == Status::abandoned) {
          progress = "–";
        } else if (r && r->progress) {
          progress = format_percent(lang, *r->progress);
        } else {
          progress = std::string(tr(lang, Term::progress_unknown));
        }
        a.set("progress", progress);
        a.set("progress_value", r && r->progress ? mus::data(std::to_string(static_cast<int>(*r->progress * 100 + 0.5)))
                                                 : mus::data(false));
        a.set("late", r && r->late);
        a.set("due", action->due ? mus::data(format_date(lang, *action->due)) : mus::data(false));
        list.push_back(a);
      }
      it.set("has_actions", !list.is_empty_list());
      it.set("actions", list);
    }
    items.push_back(it);
  }
  return items;
}

std::string render_document(const Project& project, std::string_view document, DocFormat format,
                            const mus::data& context) {
  const std::string name = std::string(document) + "." + std::string(format_suffix(format)) + ".mustache";
  const TemplateSource source = find_template(name, project.root);
  return render_template(source, context);
}

}  // namespace cls
