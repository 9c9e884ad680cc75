// SPDX-License-Identifier: EUPL-1.2
// What the documents of a meeting (SPEC §5: ordre du jour, convocation,
// compte rendu) share: their output format, how people and meetings are named
// in French or English, the words that differ between a CLS and a CTS, and
// the template context of the letterhead, the meeting and its agenda. The
// documents themselves are agenda.h, convocation.h and minutes.h.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "cls/model.h"
#include "cls/output_format.h"
#include "cls/templates.h"
#include "cls/text.h"

namespace cls {

enum class DocFormat { markdown, html };

// "md" | "html": the suffix of the template and of the output file.
std::string_view format_suffix(DocFormat format);
// The template an output format is rendered from: HTML for html and pdf
// (WeasyPrint prints the HTML), Markdown otherwise. The output format itself
// is chosen by output_format.h, as for every command.
DocFormat template_format(OutputFormat format);

// The meeting named `id` on the command line: the meeting with this id, else
// the only meeting of the file this names ("2026-06-23-pleniere",
// "meetings/2026-06-23-pleniere.yaml"), as users type what they see in
// meetings/; null when none or several. `meeting_not_found` is the message
// saying so, with the nearest id and the meetings the project has.
const Meeting* find_meeting(const Project& project, std::string_view id);
std::string meeting_not_found(const Project& project, std::string_view id);

// --- Naming people ------------------------------------------------------------

// In running text and lists: "Mme Marie Martin", "M. Jean Durand" ("Ms", "Mr"
// in English), the bare name without civility, an organisation's name.
std::string short_name(Lang lang, const Actor& actor);
// With an `honorific`, it replaces the civility: "Dr Claire Thouvenin".
// In an address block: "Madame Marie Martin" ("Ms Marie Martin").
std::string full_name(Lang lang, const Actor& actor);
// The name of the actor's organisation, or "" (none, or it is one).
std::string organisation_name(const Project& project, const Actor& actor);
// "Mme Marie Martin, Pays Terres de Lorraine"; the role when there is no
// organisation; just the name when there is neither.
std::string name_and_organisation(const Project& project, Lang lang, const Actor& actor);
// How the chair of `body` signs, naming the instance (SPEC §8.3): "Le
// président du comité de pilotage du contrat local de santé Terres de
// Lorraine", "La présidente du bureau du conseil territorial de santé…";
// the chair of a plenary assembly presides the whole instance: "La
// présidente du conseil territorial de santé des Hauts-de-Seine" (from the
// civility; "La présidence…" without one); "The Chair of the …".
std::string chair_title(const Project& project, const Body& body, const Actor& chair);
// The actor after a French preposition ("par", "à", "de"), an organisation
// taking its `article` and its contractions: "par l’Observatoire régional
// de santé", "à la CPAM", "du Conseil départemental", "aux URPS"; a person
// or an organisation without article: "par Mme Marie Martin".
// A person with the honorific Dr or Pr takes the article: "par le Dr
// Martin", "du Pr Durand", "au Dr Martin" ("Me" does not: "par Me Durand").
std::string with_preposition(Lang lang, const Actor& actor, std::string_view preposition);
// The actor as the subject of a sentence: "Le Dr Thomas Didierjean", else
// short_name().
std::string subject_name(Lang lang, const Actor& actor);
// A body's (or a meeting's) title completed with the project's, so that a
// letter names the instance: "Assemblée plénière du conseil territorial de
// santé" in "Conseil territorial de santé de Meurthe-et-Moselle" →
// "Assemblée plénière du conseil territorial de santé de
// Meurthe-et-Moselle"; "Comité de pilotage" → "Comité de pilotage du
// contrat local de santé Terres de Lorraine"; a title that already holds
// the project's stays as it is.
std::string instance_name(const Project& project, std::string_view title);
// The postal address of a letter to the actor: their own, else their
// organisation's; one line per comma-separated part ("2 rue de la Colombe",
// "54170 Colombey-les-Belles"), as French addresses are written.
std::vector<std::string> address_lines(const Project& project, const Actor& actor);
std::vector<std::string> split_address(std::string_view address);

// --- Naming meetings ----------------------------------------------------------

// meeting_title() is in text.h: the report names meetings the same way.
// "de 14 h 00 à 16 h 30", "à 14 h 00", ""; "from 14:00 to 16:30", "at 14:00".
std::string meeting_times(Lang lang, const Meeting& meeting);

// The first letter in lower case, unless the first word looks like an acronym
// ("Comité de pilotage" → "comité de pilotage", "CTS" stays): to use a title
// inside a sentence.
std::string lower_first(std::string_view text);
// The first letter in upper case ("jeudi 3 décembre" → "Jeudi 3 décembre").
std::string upper_first(std::string_view text);

// French contracts the article with "de" and "à" by the first word of a noun
// phrase: of_phrase gives "du comité de pilotage", "de l’assemblée plénière",
// "de la commission spécialisée"; to_phrase gives "au comité…", "à
// l’assemblée…", "à la séance…". The gender comes from a short list of the
// feminine nouns that name French bodies and meetings (commission, séance,
// conférence…); any other word is taken as masculine. The phrase is lowered
// with lower_first(). English: "of the …", "to the …".
std::string of_phrase(Lang lang, std::string_view noun_phrase);
std::string to_phrase(Lang lang, std::string_view noun_phrase);
// Whether French takes the noun phrase as feminine (the list above).
bool is_feminine(std::string_view noun_phrase);
// The noun phrase with its definite article: "le comité…", "la commission…",
// "l’assemblée…"; "the …".
std::string the_phrase(Lang lang, std::string_view noun_phrase);

// --- Words that follow `kind` ---------------------------------------------------

// "réunion" (cls) or "séance" (cts); "meeting".
std::string_view meeting_word(const Project& project);
// The sentence of a second-call meeting (SPEC §4, §8.3), naming the failed
// séance when `second_call` gives it and the meeting's body, agreeing with
// it: "Réunie sur seconde convocation, le quorum n’ayant pas été atteint
// lors de la séance du mardi 10 février 2026, l’assemblée plénière…
// délibère valablement sans condition de quorum (article R133-10 du code
// des relations entre le public et l’administration).", "Réuni sur seconde
// convocation, le comité de pilotage…" (the article is cited for a CTS).
std::string second_call_sentence(const Project& project, const Meeting& meeting);
// The held meeting whose quorum failed that `meeting` is the second call of;
// null when not given or unknown.
const Meeting* first_call_of(const Project& project, const Meeting& meeting);
// " (article R133-10 du code des relations entre le public et
// l’administration)" for a CTS, whose séances follow that code; "" for a
// CLS, whose committee follows its own rules.
std::string crpa_article(const Project& project, std::string_view article);
// How a decision is named before its number: "Avis" (CTS), "Décision" (CLS);
// "Opinion", "Decision".
std::string decision_label(const Project& project);

// --- Template contexts ------------------------------------------------------------

// A Markdown field (description, summary, notes) ready for a document: an HTML
// fragment, or a Markdown block indented by `indent` spaces (to continue a
// list item). Raw HTML never passes (markdown.h).
std::string markdown_block(std::string_view markdown, DocFormat format, int indent = 0);

// The context every meeting document starts from:
//   lang ("fr"|"en"), fr, en, cls, cts (booleans), public (false),
//   t: the labels of the documents in the project's language (t.agenda…),
//   org: {name, address, address_lines, city, email, phone} (the manifest's
//        organisation; its name defaults to the project's title),
//   project: {id, title},
//   meeting: {id, title, body, date, date_cap, date_short, date_numeric,
//             start, end, times, when, place, online, online_url, second_call,
//             first_call: {id, title, date} (the failed séance) or false,
//             urgent, word (réunion|séance), instance (the body's title
//             completed with the project's: instance_name())},
//   org also has followed_by: {name, email, phone, text} ("Affaire suivie
//        par", organisation.contact) or false,
// where an absent value is `false`, so that {{#place}}…{{/place}} works.
kainjow::mustache::data document_context(const Project& project, const Meeting& meeting,
                                         DocFormat format);

// The start of each agenda item, in minutes since midnight: the meeting's
// start plus the durations of the items before it (modulo a day). Unknown (nullopt) when the
// meeting has no start time, and from the first item after one without a
// duration (its length is not known).
std::vector<std::optional<int>> item_starts(const Meeting& meeting);

// The agenda items as a list for templates: {number, title, kind, kind_id,
// start, duration, presenter, presenter_id, presenter_after_by (with the
// organisation's article), notes, notes_item, has_attachments, attachments_label,
// attachments: [{title}], first, last};
// with `actions` true also {has_actions, actions: [{id, title, status, progress,
// late, due}]}, the linked actions as of the meeting date (rollup.h).
kainjow::mustache::data agenda_items_context(const Project& project, const Meeting& meeting,
                                             DocFormat format, bool actions);

// Renders the template "<document>.<md|html>.mustache" (the project's own in
// templates/ first, else the built-in one). Throws TemplateError.
std::string render_document(const Project& project, std::string_view document, DocFormat format,
                            const kainjow::mustache::data& context);

// A template error as the commands print it: "FILE:LINE:COL: error: MESSAGE",
// FILE relative to the project root when the template is the project's own
// (as `cls check` names files), so that messages do not depend on where the
// project lies.
std::string template_error_text(const TemplateError& error, const std::filesystem::path& project_root);

// The label of the documents' fixed vocabulary (the `t` of the context) for
// `key`, e.g. label(Lang::fr, "agenda") == "Ordre du jour"; "" when unknown.
std::string_view label(Lang lang, std::string_view key);

}  // namespace cls
