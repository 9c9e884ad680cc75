// SPDX-License-Identifier: EUPL-1.2
// The pouvoir (SPEC §8.4): the form a member returns to give a proxy,
// pre-filled with their name, their collège and the meeting, a blank for the
// holder, the body's proxy limit, the rule that a member whose substitute
// sits gives none (R133-9 CRPA), where and by when to return it, and the
// signature lines. Alone (cls proxy-form) or after each member's convocation
// (convocation --proxy-form).
#pragma once
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "cls/documents.h"
#include "cls/model.h"

namespace cls {

// The sentences of one form, in the project's language. Pure, so that the
// wording is tested as such.
struct ProxyFormText {
  std::string statement;    // "Je soussignée Dr Claire Thouvenin, membre titulaire de …, donne pouvoir à ……, …"
  std::string limit;        // "Nul ne peut détenir plus d’un pouvoir."
  std::string substitute;   // a member whose substitute sits: the form holds only if they cannot sit either
  std::string return_to;    // "Pouvoir à retourner au plus tard le … au secrétariat…"
  std::string done_at;      // "Fait à ……, le ……"
  std::string sign_giver;   // "Signature du membre, précédée de la mention manuscrite « Bon pour pouvoir »"
  std::string sign_holder;  // the holder's acceptance
};
ProxyFormText proxy_form_text(const Project& project, const Meeting& meeting, const Actor& member);

// Whether the meeting's body takes proxies at all (its `proxies` is not 0).
bool takes_proxies(const Project& project, const Meeting& meeting);
// Whether `id` is one of the voting members of the meeting's body.
bool is_body_member(const Project& project, const Meeting& meeting, std::string_view id);

// The template context of one form: {member: {id, name}, statement, limit,
// substitute, return_to, done_at, sign_giver, sign_holder}, where an absent
// sentence is false. The convocation sets it as `proxy_form` on a letter.
kainjow::mustache::data proxy_form_context(const Project& project, const Meeting& meeting, const Actor& member);

// Renders proxy-form.<md|html>.mustache with one form per member id, in the
// order given (ids that are not actors are skipped: the caller validates
// them). Throws TemplateError.
std::string render_proxy_forms(const Project& project, const Meeting& meeting, const std::vector<std::string>& members,
                               DocFormat format);

}  // namespace cls
