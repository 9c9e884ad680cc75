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
    {"attachments", "Pièces jointes", "Attachments"},
    {"attachment", "Pièce jointe", "Attachment"},
    {"followed_by", "Affaire suivie par", "Contact"},
    {"secretary", "Secrétaire de séance", "Secretary"},
    {"remote", "par visioconférence", "by videoconference"},
    {"not_examined", "Ordre du jour qui n’a pu être examiné", "Agenda that could not be examined"},
    {"dissent", "Opinions dont la mention a été demandée", "Opinions recorded at a member's request"},
    {"second_call", "Seconde convocation", "Second call"},
    {"after_failed", "le quorum n’ayant pas été atteint le", "quorum not reached on"},
    {"urgent", "Urgent", "Urgent"},
    // The feuille d’émargement and the pouvoir (SPEC §8.4).
    {"attendance_sheet", "Feuille d’émargement", "Attendance sheet"},
    {"members", "Membres", "Members"},
    {"titular", "Titulaire", "Member"},
    {"substitute", "Suppléant(e)", "Substitute"},
    {"signature", "Signature", "Signature"},
    {"proxy_given", "Pouvoir donné à", "Proxy given to"},
    {"guests_sheet", "Invités", "Guests"},
    {"proxy_form", "Pouvoir", "Proxy form"},
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
    // Lexically: a template that is a link is named as it is in templates/,
    // not by what it points to.
    const auto rel = path.lexically_relative(project_root);
    if (!rel.empty() && rel.native().rfind("..", 0) != 0) file = rel.string();
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

namespace {

// "Dr", "Pr", "Me" before the name (the same abbreviations in English).
std::string_view honorific_word(Honorific h) {
  switch (h) {
    case Honorific::dr: return "Dr";
    case Honorific::pr: return "Pr";
    case Honorific::me: return "Me";
    case Honorific::none: break;
  }
  return "";
}

}  // namespace

std::string short_name(Lang lang, const Actor& actor) {
  const std::string name = actor.name.value_or(actor.id);
  if (actor.is_organisation()) return name;
  if (const std::string_view h = honorific_word(actor.honorific.value_or(Honorific::none)); !h.empty()) {
    return std::string(h) + (lang == Lang::fr ? "\u00A0" : " ") + name;
  }
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
  if (const std::string_view h = honorific_word(actor.honorific.value_or(Honorific::none)); !h.empty()) {
    return std::string(h) + " " + name;
  }
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

std::string with_preposition(Lang lang, const Actor& actor, std::string_view preposition) {
  const std::string name = short_name(lang, actor);
  const std::string p(preposition);
  if (lang == Lang::en) return p + " " + name;
  if (!actor.is_organisation()) {
    // "par le Dr Martin", "du Pr Durand", "au Dr Martin"; "par Me Durand".
    const Honorific h = actor.honorific.value_or(Honorific::none);
    if (h == Honorific::dr || h == Honorific::pr) {
      if (p == "de") return "du " + name;
      if (p == "à") return "au " + name;
      return p + " le " + name;
    }
    return p + " " + name;
  }
  switch (actor.article.value_or(Article::none)) {
    case Article::none: break;
    case Article::la: return p + " la " + name;
    case Article::elided: return p + " l’" + name;
    case Article::le:
      if (p == "de") return "du " + name;
      if (p == "à") return "au " + name;
      return p + " le " + name;
    case Article::les:
      if (p == "de") return "des " + name;
      if (p == "à") return "aux " + name;
      return p + " les " + name;
  }
  return p + " " + name;
}

std::string subject_name(Lang lang, const Actor& actor) {
  const Honorific h = actor.honorific.value_or(Honorific::none);
  if (lang == Lang::fr && !actor.is_organisation() && (h == Honorific::dr || h == Honorific::pr)) {
    return "Le " + short_name(lang, actor);
  }
  return short_name(lang, actor);
}

std::string instance_name(const Project& project, std::string_view title) {
  const std::string project_title = project.manifest.title.value_or("");
  std::string t(title);
  if (project_title.empty() || t.empty()) return t;
  const std::string lt = lower_first(t), lp = lower_first(project_title);
  if (lt.find(lp) != std::string::npos) return t;
  // The title holds the start of the project's ("Séance plénière du conseil
  // territorial de santé (seconde convocation)" in "Conseil territorial de
  // santé de Meurthe-et-Moselle"): the rest completes it there. The longest
  // such start, of two words at least, so that one common word is no match.
  std::size_t best = 0, at = std::string::npos;
  for (std::size_t end = lp.find(' '); end != std::string::npos; end = lp.find(' ', end + 1)) {
    const std::size_t next = lp.find(' ', end + 1);
    const std::size_t len = next == std::string::npos ? lp.size() : next;
    if (len == lp.size()) break;  // the whole title: found above
    const std::string head = lp.substr(0, len);
    for (std::size_t pos = lt.find(head); pos != std::string::npos; pos = lt.find(head, pos + 1)) {
      const bool starts = pos == 0 || lt[pos - 1] == ' ';
      const bool ends = pos + len == lt.size() || lt[pos + len] == ' ' || lt[pos + len] == ',' || lt[pos + len] == ')';
      if (starts && ends && len > best) {
        best = len;
        at = pos;
      }
    }
  }
  if (at != std::string::npos) return t.substr(0, at + best) + project_title.substr(best) + t.substr(at + best);
  return t + " " + of_phrase(project.lang(), project_title);
}

std::string chair_title(const Project& project, const Body& body, const Actor& chair) {
  const Lang lang = project.lang();
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
  // The chair of a plenary assembly presides the whole instance: "La
  // présidente du conseil territorial de santé des Hauts-de-Seine".
  const std::string body_title = body.title.value_or("");
  const std::string lowered = lower_first(body_title);
  const bool plenary = lowered.rfind("assemblée plénière", 0) == 0 || lowered.rfind("plénière", 0) == 0 ||
                       lowered.rfind("plenary", 0) == 0;
  const std::string project_title = project.manifest.title.value_or("");
  if (plenary && !project_title.empty()) {
    title += " " + of_phrase(lang, project_title);
  } else if (!body_title.empty()) {
    title += " " + of_phrase(lang, instance_name(project, body_title));
  }
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

bool is_feminine(std::string_view noun_phrase) { return feminine(first_word(lower_first(noun_phrase))); }

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

std::string crpa_article(const Project& project, std::string_view article) {
  if (project.kind() != ProjectKind::cts) return {};
  return project.lang() == Lang::fr
             ? " (article " + std::string(article) + " du code des relations entre le public et l’administration)"
             : " (article " + std::string(article) + " of the code des relations entre le public et l’administration)";
}

const Meeting* first_call_of(const Project& project, const Meeting& meeting) {
  return meeting.first_call ? project.meeting(meeting.first_call->id) : nullptr;
}

std::string second_call_sentence(const Project& project, const Meeting& meeting) {
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  const bool titled = body && body->title && !body->title->empty();
  const Meeting* first = first_call_of(project, meeting);
  const std::string law = crpa_article(project, "R133-10");
  if (project.lang() == Lang::en) {
    std::string out = "Meeting on a second call";
    if (first && first->date) out += " after the meeting of " + format_date(Lang::en, *first->date) + ", which did not reach its quorum";
    return out + ", " + (titled ? "the " + lower_first(*body->title) : std::string("the body")) +
           " may validly deliberate whatever the number of members present" + law + ".";
  }
  const std::string name = titled ? *body->title : std::string("instance");
  // "Réunie" agrees with a feminine body (assemblée, commission…).
  const bool fem = feminine(first_word(lower_first(name)));
  std::string out = std::string(fem ? "Réunie" : "Réuni") + " sur seconde convocation";
  if (first && first->date) {
    out += ", le quorum n’ayant pas été atteint lors de la " + std::string(meeting_word(project)) + " du " +
           format_date_long(Lang::fr, *first->date);
  }
  return out + ", " + the_phrase(Lang::fr, name) + " délibère valablement sans condition de quorum" + law + ".";
}

std::string decision_label(const Project& project) {
  if (project.lang() == Lang::en) return project.kind() == ProjectKind::cts ? "Opinion" : "Decision";
  return project.kind() == ProjectKind::cts ? "Avis" : "Décision";
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
  t.set("semicolon", std::string(lang == Lang::fr ? "\u202F;" : ";"));
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
  // "Affaire suivie par" (SPEC §8.1): {name, email, phone, text}.
  if (o && o->contact && o->contact->name) {
    mus::data c;
    std::string text = *o->contact->name;
    for (const Field<std::string>* f : {&o->contact->email, &o->contact->phone}) {
      if (*f && !(*f)->empty()) text += " – " + **f;
    }
    c.set("name", *o->contact->name);
    c.set("email", field_or_false(o->contact->email));
    c.set("phone", field_or_false(o->contact->phone));
    c.set("text", text);
    org.set("followed_by", c);
  } else {
    org.set("followed_by", false);
  }
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
  if (const Meeting* first = first_call_of(project, meeting); first && first->date) {
    mus::data f;
    f.set("id", first->id);
    f.set("title", meeting_title(project, *first));
    f.set("date", format_date_long(lang, *first->date));
    m.set("first_call", f);
  } else {
    m.set("first_call", false);
  }
  m.set("urgent", meeting.urgent.value_or(false));
  m.set("word", std::string(meeting_word(project)));
  m.set("instance", body && body->title ? instance_name(project, *body->title) : meeting_title(project, meeting));
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
    // After "présenté par": "présenté par l’Observatoire régional de santé".
    if (presenter) {
      std::string by = with_preposition(lang, *presenter, "par");
      it.set("presenter_after_by", by.substr(by.find(' ') + 1));
    } else {
      it.set("presenter_after_by", false);
    }
    mus::data attachments{mus::data::type::list};
    for (std::size_t k = 0; k < item.attachments.size(); ++k) {
      mus::data a;
      a.set("title", item.attachments[k].title.value_or(""));
      a.set("last", k + 1 == item.attachments.size());
      attachments.push_back(a);
    }
    it.set("has_attachments", !attachments.is_empty_list());
    it.set("attachments", attachments);
    it.set("attachments_label", std::string(label(lang, item.attachments.size() == 1 ? "attachment" : "attachments")));
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
        const Status status = r ? r->status : action->current_status();  // as of the meeting (SPEC §11.1)
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
