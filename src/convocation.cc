// SPDX-License-Identifier: EUPL-1.2
#include "cls/convocation.h"

#include <algorithm>

#include "cls/attendance.h"
#include "cls/proxy_form.h"
#include "cls/templates.h"
#include "cls/text.h"
#include <optional>

namespace cls {

namespace mus = kainjow::mustache;

namespace {

// French puts a no-break space before ":" and a narrow one before ";".
constexpr std::string_view kBeforeSemicolon = "\u202F;";

const Body* body_of(const Project& project, const Meeting& meeting) {
  return meeting.body ? project.body(meeting.body->id) : nullptr;
}

bool is_member(const Body* body, std::string_view id) {
  return body && std::any_of(body->members.begin(), body->members.end(),
                             [&](const Ref& m) { return m.id == id; });
}

// The body as a sentence names it: its title, else the meeting's.
std::string body_name(const Project& project, const Meeting& meeting) {
  const Body* body = body_of(project, meeting);
  if (body && body->title && !body->title->empty()) return *body->title;
  return meeting_title(project, meeting);
}

std::string_view substitute_word(Civility c) {
  switch (c) {
    case Civility::mme: return "votre suppléante";
    case Civility::m: return "votre suppléant";
    case Civility::none: break;
  }
  return "votre suppléant ou suppléante";
}

std::string proxy_limit(Lang lang, int max) {
  if (lang == Lang::fr) {
    return max == 1 ? "un membre ne peut détenir qu’un seul pouvoir"
                    : "un membre peut détenir jusqu’à " + std::to_string(max) + " pouvoirs";
  }
  return max == 1 ? "a member may hold only one proxy"
                  : "a member may hold up to " + std::to_string(max) + " proxies";
}

mus::data text_or_false(const std::string& s) { return s.empty() ? mus::data(false) : mus::data(s); }

// After a comma, in French: "votre suppléant, le Dr Thomas Didierjean".
std::string apposed_name(const Actor& a) {
  const std::string s = subject_name(Lang::fr, a);
  return s.rfind("Le ", 0) == 0 ? "le " + s.substr(3) : s;
}

mus::data lines_of(const std::vector<std::string>& lines) {
  mus::data list{mus::data::type::list};
  for (const std::string& l : lines) list.push_back(mus::data("text", l));
  return list;
}

}  // namespace

const Actor* signatory(const Project& project, const Meeting& meeting) {
  if (meeting.convocation && meeting.convocation->signatory) {
    if (const Actor* a = project.actor(meeting.convocation->signatory->id)) return a;
  }
  const Body* body = body_of(project, meeting);
  if (body && body->chair) return project.actor(body->chair->id);
  return nullptr;
}

LetterText letter_text(const Project& project, const Meeting& meeting, const Actor& recipient,
                       Date letter_date, const Actor* titular) {
  const Lang lang = project.lang();
  const bool fr = lang == Lang::fr;
  const Body* body = body_of(project, meeting);
  const bool member = titular || is_member(body, recipient.id);
  const Civility civility =
      recipient.is_organisation() ? Civility::none : recipient.civility.value_or(Civility::none);
  const bool second_call = meeting.second_call.value_or(false);
  const Meeting* first = first_call_of(project, meeting);
  const std::string first_date = first && first->date ? format_date_long(lang, *first->date) : std::string();
  const std::string_view word = meeting_word(project);
  LetterText t;

  const auto& org = project.manifest.organisation;
  const std::string city = org && org->city ? *org->city : "";
  if (fr) {
    t.place_date = city.empty() ? "Le " + format_date(lang, letter_date)
                                : city + ", le " + format_date(lang, letter_date);
  } else {
    t.place_date = city.empty() ? format_date(lang, letter_date) : city + ", " + format_date(lang, letter_date);
  }

  // The instance is named: the meeting's (or body's) title completed with
  // the project's (SPEC §8.3).
  const std::string name = instance_name(
      project, meeting.title && !meeting.title->empty() ? *meeting.title : body_name(project, meeting));
  const std::string when = meeting.date ? format_date_long(lang, *meeting.date) : std::string();
  // A member is convened; a guest, who does not vote, is invited. "Seconde
  // convocation", unless the title says it already.
  const std::string lowered = lower_first(name);
  const bool titled_second = lowered.find("seconde convocation") != std::string::npos ||
                             lowered.find("second call") != std::string::npos;
  const bool second_word = second_call && !titled_second;
  if (fr) {
    t.subject = std::string(!member ? "Invitation " : second_word ? "Seconde convocation " : "Convocation ") +
                to_phrase(lang, name) + (when.empty() ? "" : " du " + when);
    if (titular) t.subject += " (copie pour la suppléance " + with_preposition(lang, *titular, "de") + ")";
  } else {
    t.subject = std::string(!member ? "Invitation: " : second_word ? "Second notice of meeting: " : "Notice of meeting: ") +
                name + (when.empty() ? "" : ", " + when);
    if (titular) t.subject += " (copy to the substitute of " + short_name(lang, *titular) + ")";
  }

  t.salutation = recipient.salutation && !recipient.salutation->empty()
                     ? *recipient.salutation
                     : std::string(salutation(lang, civility));

  const std::string body_title = body_name(project, meeting);
  const std::string instance = instance_name(project, body_title);
  const std::string of_body = of_phrase(lang, instance);
  const std::string times = meeting_times(lang, meeting);
  const std::string held_on = when.empty() ? std::string()
                                           : (fr ? ", qui se tiendra le " : ", to be held on ") + when +
                                                 (times.empty() ? "" : " " + times);
  if (fr) {
    if (titular) {
      t.invitation = "En votre qualité de suppléant" + std::string(civility == Civility::mme ? "e" : "") + " " +
                     with_preposition(lang, *titular, "de") + ", je vous adresse copie de la convocation à la " +
                     std::string(word) + " " + of_body + held_on + ".";
    } else if (member && second_call) {
      t.invitation = "Le quorum n’ayant pas été atteint lors de la " +
                     (first_date.empty() ? "précédente " + std::string(word)
                                         : std::string(word) + " du " + first_date) +
                     ", j’ai l’honneur de vous convier à nouveau, sur le même ordre du jour, à la " +
                     std::string(word) + " " + of_body + held_on + ".";
    } else {
      t.invitation = member ? "J’ai l’honneur de vous convier à la "
                            : "J’ai le plaisir de vous inviter à participer, à titre consultatif, à la ";
      t.invitation += std::string(word) + " " + of_body + held_on + ".";
    }
    if (second_call) {
      // "l’assemblée … délibérera": the body, agreeing with its first word.
      const std::string law = crpa_article(project, "R133-10");
      t.second_call = upper_first(the_phrase(lang, instance)) +
                      " délibérera valablement sans condition de quorum" + law + ".";
      if (!member || titular) {
        t.second_call = "Cette " + std::string(word) + " se tient sur seconde convocation, le quorum n’ayant pas "
                        "été atteint lors de la " +
                        (first_date.empty() ? "précédente" : std::string(word) + " du " + first_date) + ". " +
                        t.second_call;
      }
    }
  } else {
    if (titular) {
      t.invitation = "As the substitute of " + short_name(lang, *titular) +
                     ", please find a copy of the notice of the meeting " + of_body + held_on + ".";
    } else if (member && second_call) {
      t.invitation = "As the quorum was not reached at the " +
                     (first_date.empty() ? std::string("previous meeting") : "meeting of " + first_date) +
                     ", I have the honour to invite you again, on the same agenda, to the meeting " + of_body +
                     held_on + ".";
    } else {
      t.invitation = member ? "I have the honour to invite you to the meeting "
                            : "I am pleased to invite you to attend, in an advisory capacity, the meeting ";
      t.invitation += of_body + held_on + ".";
    }
    if (second_call) {
      t.second_call = "On this second call, " + the_phrase(lang, instance) +
                      " may validly deliberate whatever the number of members present" +
                      crpa_article(project, "R133-10") + ".";
      if (!member || titular) {
        t.second_call = "This meeting is held on a second call, as the quorum was not reached at the " +
                        (first_date.empty() ? std::string("previous meeting") : "meeting of " + first_date) + ". " +
                        t.second_call;
      }
    }
  }

  if (meeting.urgent.value_or(false)) {
    std::optional<int> days;
    if (meeting.convocation && meeting.convocation->date && meeting.date) {
      days = meeting.date->days() - meeting.convocation->date->days();
    }
    const bool short_notice = body && body->notice_days && (!days || *days < *body->notice_days);
    const std::string law = crpa_article(project, "R133-8");
    if (fr) {
      t.urgent = short_notice ? "En raison de l’urgence, la présente convocation vous est adressée sans "
                                "observer le délai habituel de " +
                                    std::to_string(*body->notice_days) + "\u00A0jours" + law + "."
                              : "Cette " + std::string(word) + " est convoquée en urgence" + law + ".";
    } else {
      t.urgent = short_notice ? "Owing to the urgency, this notice is sent without the usual " +
                                    std::to_string(*body->notice_days) + " days' notice" + law + "."
                              : "This meeting is convened as a matter of urgency" + law + ".";
    }
  }

  if (titular) {
    const std::string name_t = short_name(lang, *titular);
    t.substitute = fr ? "Si " + apposed_name(*titular) + " ne peut pas assister à cette " + std::string(word) +
                            ", vous siégerez à sa place avec voix délibérative."
                      : "Should " + name_t + " be unable to attend, you will sit in their place and vote.";
  } else if (member) {
    const Ref* sub_ref = body ? sitting_substitute(*body, recipient) : nullptr;
    const Actor* substitute = sub_ref ? project.actor(sub_ref->id) : nullptr;
    const int max_proxies = body ? body->max_proxies() : 0;
    const std::string another =
        body && body->title && !body->title->empty()
            ? (fr ? "un autre membre " : "another member ") + of_phrase(lang, instance)
            : (fr ? "un autre membre" : "another member");
    if (substitute) {
      if (fr) {
        const std::string_view sw = substitute_word(substitute->civility.value_or(Civility::none));
        t.substitute = "Si vous ne pouvez pas assister à cette " + std::string(word) +
                       ", je vous remercie de bien vouloir transmettre la présente convocation à " +
                       std::string(sw) + ", " + apposed_name(*substitute) + ", qui siégera à votre place.";
        if (max_proxies > 0) {
          // R133-9 CRPA: a member who is not substituted may give a proxy.
          t.proxy = "En cas d’empêchement de " + std::string(sw) +
                    ", vous pouvez donner pouvoir à " + another + std::string(kBeforeSemicolon) + " " +
                    proxy_limit(lang, max_proxies) + ".";
        }
      } else {
        t.substitute = "If you cannot attend, please pass this notice on to your substitute, " +
                       short_name(lang, *substitute) + ", who will sit in your place.";
        if (max_proxies > 0) {
          t.proxy = "Should your substitute also be unable to attend, you may give a proxy to " + another +
                    "; " + proxy_limit(lang, max_proxies) + ".";
        }
      }
    } else if (max_proxies > 0) {
      if (fr) {
        t.proxy = "Si vous ne pouvez pas assister à cette " + std::string(word) +
                  ", vous pouvez donner pouvoir à " + another + std::string(kBeforeSemicolon) + " " +
                  proxy_limit(lang, max_proxies) + ".";
      } else {
        t.proxy = "If you cannot attend, you may give a proxy to " + another + "; " +
                  proxy_limit(lang, max_proxies) + ".";
      }
    }
  }

  if (fr) {
    std::string address = t.salutation;
    if (!address.empty() && address.back() == ',') address.pop_back();
    t.closing = "Je vous prie d’agréer, " + address + ", l’expression de mes salutations distinguées.";
  } else {
    // "Dear Sir," and "Dear Madam," name no one: British letters then close
    // with "Yours faithfully,".
    t.closing = "Yours faithfully,";
  }
  return t;
}

const Actor* titular_of(const Project& project, const Meeting& meeting, std::string_view id) {
  const Body* body = body_of(project, meeting);
  if (!body) return nullptr;
  for (const Ref& m : body->members) {
    const Actor* a = project.actor(m.id);
    const Ref* sub = a ? sitting_substitute(*body, *a) : nullptr;
    if (sub && sub->id == id) return a;
  }
  return nullptr;
}

std::vector<std::string> default_recipients(const Project& project, const Meeting& meeting) {
  std::vector<std::string> out = convened(project, meeting);
  if (const Actor* s = signatory(project, meeting)) {
    out.erase(std::remove(out.begin(), out.end(), s->id), out.end());
  }
  return out;
}

mus::data signature_context(const Project& project, const Meeting& meeting) {
  mus::data sign;
  const Body* body = body_of(project, meeting);
  if (const Actor* s = signatory(project, meeting)) {
    sign.set("name", s->name.value_or(s->id));
    const bool chairs = body && body->chair && body->chair->id == s->id;
    if (s->is_organisation()) {
      sign.set("role", false);
    } else if (s->role && !s->role->empty()) {
      sign.set("role", *s->role);
    } else {
      sign.set("role", chairs ? mus::data(chair_title(project, *body, *s)) : mus::data(false));
    }
  } else {
    const auto& org = project.manifest.organisation;
    sign.set("name", org && org->name ? *org->name : project.manifest.title.value_or(""));
    sign.set("role", false);
  }
  return sign;
}

std::string render_convocations(const Project& project, const Meeting& meeting,
                                const std::vector<std::string>& recipients, DocFormat format,
                                Date letter_date) {
  std::vector<LetterTo> letters;
  for (const std::string& id : recipients) letters.push_back({id, ""});
  return render_letters(project, meeting, letters, format, letter_date);
}

std::string render_letters(const Project& project, const Meeting& meeting, const std::vector<LetterTo>& to,
                           DocFormat format, Date letter_date, bool proxy_forms) {
  const Lang lang = project.lang();
  auto ctx = document_context(project, meeting, format);
  const auto items = agenda_items_context(project, meeting, format, false);
  ctx.set("has_items", !items.is_empty_list());
  ctx.set("items", items);
  // The pièces jointes of every item, in agenda order (SPEC §8.3).
  std::vector<std::string> titles;
  for (const AgendaItem& item : meeting.agenda) {
    for (const Attachment& a : item.attachments) titles.push_back(a.title.value_or(""));
  }
  mus::data attachments{mus::data::type::list};
  for (std::size_t i = 0; i < titles.size(); ++i) {
    mus::data a;
    a.set("title", titles[i]);
    a.set("last", i + 1 == titles.size());
    attachments.push_back(a);
  }
  ctx.set("has_attachments", !titles.empty());
  ctx.set("attachments", attachments);
  ctx.set("attachments_label", std::string(label(lang, titles.size() == 1 ? "attachment" : "attachments")));

  ctx.set("signatory", signature_context(project, meeting));
  ctx.set("proxy_forms", proxy_forms);  // their style sheet (papers-style)

  mus::data letters{mus::data::type::list};
  std::size_t n = 0;
  for (const LetterTo& lt : to) {
    const Actor* a = project.actor(lt.id);
    if (!a) continue;
    const Actor* titular = lt.titular.empty() ? nullptr : project.actor(lt.titular);
    ++n;
    const LetterText text = letter_text(project, meeting, *a, letter_date, titular);
    mus::data letter;
    mus::data r;
    r.set("id", a->id);
    r.set("name", full_name(lang, *a));
    r.set("role", a->is_organisation() ? mus::data(false) : text_or_false(a->role.value_or("")));
    r.set("organisation", text_or_false(organisation_name(project, *a)));
    r.set("address_lines", lines_of(address_lines(project, *a)));
    // Name, role, organisation and address, one line each: the block of a
    // window envelope.
    std::vector<std::string> block{full_name(lang, *a)};
    if (!a->is_organisation() && a->role && !a->role->empty()) block.push_back(*a->role);
    if (std::string o = organisation_name(project, *a); !o.empty()) block.push_back(o);
    for (const std::string& l : address_lines(project, *a)) block.push_back(l);
    r.set("lines", lines_of(block));
    r.set("more", lines_of(std::vector<std::string>(block.begin() + 1, block.end())));
    letter.set("recipient", r);
    letter.set("copy", titular != nullptr);
    letter.set("place_date", text.place_date);
    letter.set("subject", text.subject);
    letter.set("salutation", text.salutation);
    letter.set("invitation", text.invitation);
    letter.set("second_call", text_or_false(text.second_call));
    letter.set("urgent", text_or_false(text.urgent));
    letter.set("substitute", text_or_false(text.substitute));
    letter.set("proxy", text_or_false(text.proxy));
    letter.set("closing", text.closing);
    letter.set("first", n == 1);
    const bool form = proxy_forms && !titular && is_member(body_of(project, meeting), a->id);
    letter.set("proxy_form", form ? proxy_form_context(project, meeting, *a) : mus::data(false));
    letters.push_back(letter);
  }
  ctx.set("letters", letters);
  return render_document(project, "convocation", format, ctx);
}

}  // namespace cls
