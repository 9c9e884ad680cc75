// SPDX-License-Identifier: EUPL-1.2
#include "cls/convocation.h"

#include <algorithm>

#include "cls/attendance.h"
#include "cls/templates.h"
#include "cls/text.h"

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
                       Date letter_date) {
  const Lang lang = project.lang();
  const bool fr = lang == Lang::fr;
  const Body* body = body_of(project, meeting);
  const bool member = is_member(body, recipient.id);
  const Civility civility =
      recipient.is_organisation() ? Civility::none : recipient.civility.value_or(Civility::none);
  LetterText t;

  const auto& org = project.manifest.organisation;
  const std::string city = org && org->city ? *org->city : "";
  if (fr) {
    t.place_date = city.empty() ? "Le " + format_date(lang, letter_date)
                                : city + ", le " + format_date(lang, letter_date);
  } else {
    t.place_date = city.empty() ? format_date(lang, letter_date) : city + ", " + format_date(lang, letter_date);
  }

  const std::string name =
      meeting.title && !meeting.title->empty() ? *meeting.title : body_name(project, meeting);
  const std::string when = meeting.date ? format_date_long(lang, *meeting.date) : std::string();
  // A member is convened; a guest, who does not vote, is invited.
  if (fr) {
    t.subject = std::string(member ? "Convocation " : "Invitation ") + to_phrase(lang, name) +
                (when.empty() ? "" : " du " + when);
  } else {
    t.subject = std::string(member ? "Notice of meeting: " : "Invitation: ") + name +
                (when.empty() ? "" : ", " + when);
  }

  t.salutation = std::string(salutation(lang, civility));

  const std::string of_body = of_phrase(lang, body_name(project, meeting));
  const std::string times = meeting_times(lang, meeting);
  const std::string_view word = meeting_word(project);
  if (fr) {
    t.invitation = member ? "J’ai l’honneur de vous convier à la "
                          : "J’ai le plaisir de vous inviter à participer, à titre consultatif, à la ";
    t.invitation += std::string(word) + " " + of_body;
    if (!when.empty()) t.invitation += ", qui se tiendra le " + when + (times.empty() ? "" : " " + times);
    t.invitation += ".";
    // Both words for a meeting (réunion, séance) are feminine: "cette", "elle".
    if (meeting.second_call.value_or(false)) {
      t.invitation += " Le quorum n’ayant pas été atteint lors de la précédente " + std::string(word) +
                      ", cette " + std::string(word) +
                      " se tient sur seconde convocation\u00A0: elle délibérera valablement sans condition "
                      "de quorum.";
    }
  } else {
    t.invitation = member ? "I have the honour to invite you to the meeting "
                          : "I am pleased to invite you to attend, in an advisory capacity, the meeting ";
    t.invitation += of_body;
    if (!when.empty()) t.invitation += ", to be held on " + when + (times.empty() ? "" : " " + times);
    t.invitation += ".";
    if (meeting.second_call.value_or(false)) {
      t.invitation += " As the quorum was not reached at the previous meeting, this meeting is convened "
                      "on a second call: it may validly deliberate whatever the number of members "
                      "present.";
    }
  }

  if (member) {
    const Actor* substitute =
        recipient.substitute ? project.actor(recipient.substitute->id) : nullptr;
    const int max_proxies = body ? body->max_proxies() : 0;
    const std::string another =
        body && body->title && !body->title->empty()
            ? (fr ? "un autre membre " : "another member ") + of_body
            : (fr ? "un autre membre" : "another member");
    if (substitute) {
      if (fr) {
        const std::string_view sw = substitute_word(substitute->civility.value_or(Civility::none));
        t.substitute = "Si vous ne pouvez pas assister à cette " + std::string(word) +
                       ", je vous remercie de bien vouloir transmettre la présente convocation à " +
                       std::string(sw) + ", " + short_name(lang, *substitute) +
                       ", qui siégera à votre place.";
        if (max_proxies > 0) {
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
      sign.set("role", chairs ? mus::data(chair_title(project.lang(), *body, *s)) : mus::data(false));
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
  const Lang lang = project.lang();
  auto ctx = document_context(project, meeting, format);
  const auto items = agenda_items_context(project, meeting, format, false);
  ctx.set("has_items", !items.is_empty_list());
  ctx.set("items", items);

  ctx.set("signatory", signature_context(project, meeting));

  mus::data letters{mus::data::type::list};
  std::size_t n = 0;
  for (const std::string& id : recipients) {
    const Actor* a = project.actor(id);
    if (!a) continue;
    ++n;
    const LetterText text = letter_text(project, meeting, *a, letter_date);
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
    letter.set("place_date", text.place_date);
    letter.set("subject", text.subject);
    letter.set("salutation", text.salutation);
    letter.set("invitation", text.invitation);
    letter.set("substitute", text_or_false(text.substitute));
    letter.set("proxy", text_or_false(text.proxy));
    letter.set("closing", text.closing);
    letter.set("first", n == 1);
    letters.push_back(letter);
  }
  ctx.set("letters", letters);
  return render_document(project, "convocation", format, ctx);
}

}  // namespace cls
