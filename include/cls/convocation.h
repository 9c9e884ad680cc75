// SPDX-License-Identifier: EUPL-1.2
// Convocations (SPEC §5.2): a letter to each one convened to a meeting — the
// body's members and the meeting's guests, people or organisations — with the
// letterhead, the recipient block, the place and date, the subject, the
// invitation, the ordre du jour, what a titulaire does when they cannot come,
// and the signature.
#pragma once
#include <string>
#include <vector>

#include "cls/calendar.h"
#include "cls/documents.h"
#include "cls/model.h"

namespace cls {

// The sentences of one letter, in the project's language; empty when a
// sentence does not apply. Pure, so that the wording is tested as such.
struct LetterText {
  std::string place_date;   // "Colombey-les-Belles, le 20 novembre 2026"
  std::string subject;      // "Convocation au comité de pilotage n° 8 du contrat local de santé … du jeudi 10
                            // décembre 2026" ("Invitation à …" for a guest, "Seconde convocation à …")
  std::string salutation;   // "Madame,", "Monsieur,", "Madame, Monsieur,", or the actor's `salutation`
  std::string invitation;   // "J’ai l’honneur de vous convier à la réunion du …, qui se tiendra le …."
  std::string second_call;  // a second call: no quorum is required (R133-10 CRPA)
  std::string urgent;       // an urgent meeting: the notice period is not kept (R133-8 CRPA)
  std::string substitute;   // titulaire with a suppléant who sits: pass the convocation on;
                            // the substitute's copy: they sit if the titulaire cannot
  std::string proxy;        // member, when the body allows proxies: give a pouvoir
  std::string closing;      // "Je vous prie d’agréer, Madame, l’expression de mes salutations distinguées."
};

// `letter_date` is the date the letter bears (the meeting's convocation date,
// else today: the caller decides). With `titular`, the letter is the copy
// sent to `recipient` as the substitute of that titulaire (SPEC §8.3).
LetterText letter_text(const Project& project, const Meeting& meeting, const Actor& recipient,
                       Date letter_date, const Actor* titular = nullptr);

// One letter to write: to `id`, or, with `titular`, the copy of titular's
// convocation sent to `id`, their substitute.
struct LetterTo {
  std::string id;
  std::string titular;
};

// The titulaire convened to `meeting` for whom `id` sits as substitute
// (attendance.h sitting_substitute()); null when none.
const Actor* titular_of(const Project& project, const Meeting& meeting, std::string_view id);

// The signatory of the convocations: `convocation.signatory`, else the body's
// chair; null when neither is known (the letter is then signed with the
// organisation's name).
const Actor* signatory(const Project& project, const Meeting& meeting);

// Who receives a letter by default: everyone convened (attendance.h
// convened()) but the signatory, who does not write to themselves; `--to`
// may still ask for their letter.
std::vector<std::string> default_recipients(const Project& project, const Meeting& meeting);

// How the letters are signed: {name, role}: the signatory's `role` (SPEC
// §5.2), else for the body's chair the chair's title naming the instance
// ("Le président du comité de pilotage du contrat local de santé…", SPEC
// §8.3); without a signatory, the organisation's name.
kainjow::mustache::data signature_context(const Project& project, const Meeting& meeting);

// Renders convocation.<md|html>.mustache with one letter per recipient id, in
// the order given (ids that are not actors are skipped: the caller validates
// them). With `proxy_forms`, each letter to a member of the body (not a
// substitute's copy) is followed by their pouvoir (proxy_form.h), as
// `proxy_form` of the letter's context. Throws TemplateError.
std::string render_letters(const Project& project, const Meeting& meeting, const std::vector<LetterTo>& letters,
                           DocFormat format, Date letter_date, bool proxy_forms = false);
std::string render_convocations(const Project& project, const Meeting& meeting,
                                const std::vector<std::string>& recipients, DocFormat format,
                                Date letter_date);

}  // namespace cls
