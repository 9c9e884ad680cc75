// SPDX-License-Identifier: EUPL-1.2
#include "cls/proxy_form.h"

#include <algorithm>

#include "cls/attendance.h"
#include "cls/text.h"

namespace cls {

namespace mus = kainjow::mustache;

namespace {

// The blank a hand fills in.
const std::string kBlank = "……………………………………………";
const std::string kShortBlank = "…………………………";

const Body* body_of(const Project& project, const Meeting& meeting) {
  return meeting.body ? project.body(meeting.body->id) : nullptr;
}

mus::data text_or_false(const std::string& s) { return s.empty() ? mus::data(false) : mus::data(s); }

// "au titre du collège des usagers…", "au titre des personnalités
// qualifiées": the collège's title after "au titre".
std::string college_phrase(std::string_view title) {
  const std::string lowered = lower_first(title);
  if (lowered.rfind("collège", 0) == 0) return "au titre du " + lowered;
  const std::string first = lowered.substr(0, lowered.find(' '));
  if (!first.empty() && (first.back() == 's' || first.back() == 'x')) return "au titre des " + lowered;
  return "au titre " + of_phrase(Lang::fr, title);
}

std::string proxy_limit(Lang lang, int max) {
  if (lang == Lang::fr) {
    return max == 1 ? "Nul ne peut détenir plus d’un pouvoir."
                    : "Nul ne peut détenir plus de " + std::to_string(max) + " pouvoirs.";
  }
  return max == 1 ? "No one may hold more than one proxy." : "No one may hold more than " + std::to_string(max) + " proxies.";
}

}  // namespace

bool takes_proxies(const Project& project, const Meeting& meeting) {
  const Body* body = body_of(project, meeting);
  return body && body->max_proxies() > 0;
}

bool is_body_member(const Project& project, const Meeting& meeting, std::string_view id) {
  const Body* body = body_of(project, meeting);
  return body && std::any_of(body->members.begin(), body->members.end(), [&](const Ref& m) { return m.id == id; });
}

ProxyFormText proxy_form_text(const Project& project, const Meeting& meeting, const Actor& member) {
  const Lang lang = project.lang();
  const bool fr = lang == Lang::fr;
  const Body* body = body_of(project, meeting);
  const std::string body_title =
      body && body->title && !body->title->empty() ? *body->title : meeting_title(project, meeting);
  const std::string instance = instance_name(project, body_title);
  const College* college = body ? college_of(*body, member) : nullptr;
  const Ref* sub_ref = body ? sitting_substitute(*body, member) : nullptr;
  const Actor* substitute = sub_ref ? project.actor(sub_ref->id) : nullptr;
  // "membre titulaire" where titulaires have suppléants; "membre" otherwise.
  const bool titular = body && body->has_substitutes() && (!college || college->has_substitutes());
  const std::string word = std::string(meeting_word(project));
  const std::string when = meeting.date ? format_date_long(lang, *meeting.date) : std::string();
  const std::string times = meeting.start ? (fr ? " à " : " at ") + format_time(lang, *meeting.start) : std::string();
  ProxyFormText t;

  if (fr) {
    std::string who;
    if (member.is_organisation()) {
      who = "Je soussigné(e) " + kBlank + ", représentant(e) " + with_preposition(lang, member, "de") + ", membre";
    } else {
      const Civility c = member.civility.value_or(Civility::none);
      who = std::string(c == Civility::mme ? "Je soussignée " : c == Civility::m ? "Je soussigné " : "Je soussigné(e) ") +
            short_name(lang, member) + ", membre";
    }
    if (titular) who += " titulaire";
    who += " " + of_phrase(lang, instance);
    if (college && college->title && !college->title->empty()) who += " " + college_phrase(*college->title);
    t.statement = who + ", donne pouvoir à " + kBlank + ", membre " + of_phrase(lang, body_title) +
                  ", pour me représenter et prendre part aux votes en mon nom lors de la " + word +
                  (when.empty() ? "" : " du " + when + times) + ".";
  } else {
    std::string who = member.is_organisation() ? "I, the undersigned, " + kBlank + ", representing " +
                                                     short_name(lang, member) + ", "
                                               : "I, the undersigned, " + short_name(lang, member) + ", ";
    who += std::string(titular ? "full member " : "member ") + of_phrase(lang, instance);
    if (college && college->title && !college->title->empty()) who += " (" + *college->title + ")";
    t.statement = who + ", give my proxy to " + kBlank + ", member " + of_phrase(lang, body_title) +
                  ", to represent me and vote on my behalf at the meeting" + (when.empty() ? "" : " of " + when + times) +
                  ".";
  }

  if (body) t.limit = proxy_limit(lang, body->max_proxies());

  if (substitute) {
    // R133-9 CRPA: only a member who is not substituted may give a proxy.
    const std::string law = crpa_article(project, "R133-9");
    t.substitute = fr ? "Un membre dont le suppléant siège ne peut pas donner pouvoir" + law +
                            "\u00A0: ce pouvoir ne vaut que si " + short_name(lang, *substitute) +
                            ", suppléant" + (substitute->civility.value_or(Civility::none) == Civility::mme ? "e" : "") +
                            ", ne siège pas."
                      : "A member whose substitute sits may not give a proxy" + law + ": this proxy holds only if " +
                            short_name(lang, *substitute) + ", the substitute, does not sit.";
  }

  // Where and by when: the day before the meeting, to the secretariat.
  const auto& org = project.manifest.organisation;
  std::string address, email;
  if (org) {
    if (org->address && !org->address->empty()) address = *org->address;
    if (org->email && !org->email->empty()) {
      email = *org->email;
    } else if (org->contact && org->contact->email && !org->contact->email->empty()) {
      email = *org->contact->email;
    }
  }
  const std::string by = meeting.date ? format_date_long(lang, meeting.date->plus_days(-1)) : std::string();
  if (fr) {
    t.return_to = "Pouvoir à retourner" + (by.empty() ? std::string() : " au plus tard le " + by) + " au secrétariat" +
                  (address.empty() ? std::string() : "\u00A0: " + address) +
                  (email.empty() ? std::string() : ", ou par courriel à " + email) +
                  ". Il peut aussi être remis en début de " + word + " par le membre qui le détient.";
    t.done_at = "Fait à " + kShortBlank + ", le " + kShortBlank;
    t.sign_giver = "Signature du membre, précédée de la mention manuscrite «\u00A0Bon pour pouvoir\u00A0»";
    t.sign_holder = "Signature du membre qui reçoit le pouvoir, précédée de la mention «\u00A0Bon pour acceptation\u00A0»";
  } else {
    t.return_to = "To be returned" + (by.empty() ? std::string() : " by " + by) + " to the secretariat" +
                  (address.empty() ? std::string() : ": " + address) + (email.empty() ? std::string() : ", or by email to " + email) +
                  ". It may also be handed in at the start of the meeting by the member who holds it.";
    t.done_at = "Signed at " + kShortBlank + ", on " + kShortBlank;
    t.sign_giver = "Signature of the member, preceded by the words \u201CGood for proxy\u201D";
    t.sign_holder = "Signature of the member who holds the proxy, preceded by the words \u201CProxy accepted\u201D";
  }
  return t;
}

mus::data proxy_form_context(const Project& project, const Meeting& meeting, const Actor& member) {
  const ProxyFormText text = proxy_form_text(project, meeting, member);
  mus::data f;
  mus::data m;
  m.set("id", member.id);
  m.set("name", short_name(project.lang(), member));
  f.set("member", m);
  f.set("statement", text.statement);
  f.set("limit", text_or_false(text.limit));
  f.set("substitute", text_or_false(text.substitute));
  f.set("return_to", text.return_to);
  f.set("done_at", text.done_at);
  f.set("sign_giver", text.sign_giver);
  f.set("sign_holder", text.sign_holder);
  return f;
}

std::string render_proxy_forms(const Project& project, const Meeting& meeting, const std::vector<std::string>& members,
                               DocFormat format) {
  auto ctx = document_context(project, meeting, format);
  mus::data forms{mus::data::type::list};
  bool first = true;
  for (const std::string& id : members) {
    const Actor* a = project.actor(id);
    if (!a) continue;
    mus::data f = proxy_form_context(project, meeting, *a);
    f.set("first", first);
    first = false;
    forms.push_back(f);
  }
  ctx.set("forms", forms);
  return render_document(project, "proxy-form", format, ctx);
}

}  // namespace cls
