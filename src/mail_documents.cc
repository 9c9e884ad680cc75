// SPDX-License-Identifier: EUPL-1.2
// The convocations and the compte rendu as messages (mail.h): what each
// message says, from the documents' own renderers; mail.cc makes the bytes.
#include <algorithm>
#include <unordered_set>

#include "cls/attendance.h"
#include "cls/convocation.h"
#include "cls/documents.h"
#include "cls/ics.h"
#include "cls/mail.h"
#include "cls/markdown.h"
#include "cls/text.h"

namespace cls {

namespace {

std::string trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  const std::size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::string id_prefix(std::string_view kind, const Meeting& meeting, const Actor& to) {
  return std::string(kind) + "." + id_atom(meeting.id) + "." + id_atom(to.id);
}

std::string id_domain(const Project& project) { return id_atom(project.manifest.id.value_or("cls")) + ".cls"; }

}  // namespace

std::optional<MailAddress> sender(const Project& project, std::string_view from) {
  if (!trim(from).empty()) {
    MailAddress a;
    const std::string text = trim(from);
    const std::size_t lt = text.rfind('<');
    if (lt != std::string::npos && text.back() == '>') {
      a.name = trim(std::string_view(text).substr(0, lt));
      if (a.name.size() >= 2 && a.name.front() == '"' && a.name.back() == '"') a.name = a.name.substr(1, a.name.size() - 2);
      a.email = trim(std::string_view(text).substr(lt + 1, text.size() - lt - 2));
    } else {
      a.email = text;
    }
    if (!is_email_address(a.email)) {
      throw MailError("--from " + header_text(from) + ": not an e-mail address (write addr@example.org or "
                      "\"Name <addr@example.org>\")");
    }
    return a;
  }
  const auto& org = project.manifest.organisation;
  if (!org || !org->email || !is_email_address(*org->email)) return std::nullopt;
  return MailAddress{org->name.value_or(project.manifest.title.value_or("")), *org->email};
}

std::optional<MailAddress> reply_to(const Project& project, const MailAddress& from) {
  const auto& org = project.manifest.organisation;
  if (!org || !org->contact || !org->contact->email || !is_email_address(*org->contact->email)) return std::nullopt;
  if (*org->contact->email == from.email) return std::nullopt;
  return MailAddress{org->contact->name.value_or(""), *org->contact->email};
}

MailAddress mailbox_of(const Actor& actor) { return {actor.name.value_or(actor.id), actor.email.value_or("")}; }

std::string attached_document_name(const Project& project, const Meeting& meeting, bool minutes) {
  const bool fr = project.lang() == Lang::fr;
  return std::string(minutes ? (fr ? "compte-rendu-" : "minutes-") : "convocation-") + meeting.id + ".pdf";
}

MailMessage convocation_message(const Project& project, const Meeting& meeting, const LetterTo& to,
                                const MailSettings& settings, Date letter_date, const std::string& pdf,
                                const std::vector<MailAttachment>& files) {
  const Actor* a = project.actor(to.id);
  if (!a) throw MailError("no actor " + to.id);
  const Actor* titular = to.titular.empty() ? nullptr : project.actor(to.titular);
  MailMessage m;
  m.from = settings.from;
  m.reply_to = reply_to(project, settings.from);
  m.to = mailbox_of(*a);
  m.subject = letter_text(project, meeting, *a, letter_date, titular).subject;
  m.date = settings.date;
  m.id_prefix = id_prefix("convocation", meeting, *a);
  m.id_domain = id_domain(project);
  m.text = markdown_for_plain_text(render_letters(project, meeting, {to}, DocFormat::markdown, letter_date));
  m.html = render_letters(project, meeting, {to}, DocFormat::html, letter_date);
  if (!pdf.empty()) m.attachments.push_back({attached_document_name(project, meeting, false), "application/pdf", pdf, ""});
  Invitation invitation{settings.from.name, settings.from.email, a};
  m.attachments.push_back({"invitation.ics", "text/calendar; charset=utf-8; method=REQUEST",
                           render_invitation(project, meeting, invitation, settings.date), ""});
  m.attachments.insert(m.attachments.end(), files.begin(), files.end());
  return m;
}

std::vector<std::string> minutes_recipients(const Project& project, const Meeting& meeting) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  auto add = [&](const std::string& id) {
    if (project.actor(id) && seen.insert(id).second) out.push_back(id);
  };
  for (const std::string& id : convened(project, meeting)) add(id);
  if (meeting.attendance) {
    for (const Ref& r : meeting.attendance->present) add(r.id);
    for (const auto& rep : meeting.attendance->representatives) add(rep.person.id);
  }
  return out;
}

std::string minutes_subject(const Project& project, const Meeting& meeting) {
  const Lang lang = project.lang();
  const bool fr = lang == Lang::fr;
  // As the convocation's Objet names the meeting: its title (else its
  // body's) completed with the project's, then the date.
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  const std::string title = meeting.title && !meeting.title->empty() ? *meeting.title
                            : body && body->title && !body->title->empty() ? *body->title
                                                                           : meeting_title(project, meeting);
  const std::string name = instance_name(project, title);
  const std::string when = meeting.date ? format_date_long(lang, *meeting.date) : std::string();
  const bool approved = meeting.minutes_approved.has_value();
  if (fr) {
    return std::string(approved ? "Compte rendu " : "Projet de compte rendu ") + of_phrase(lang, name) +
           (when.empty() ? "" : " du " + when);
  }
  return std::string(approved ? "Minutes " : "Draft minutes ") + of_phrase(lang, name) +
         (when.empty() ? "" : ", " + when);
}

MailMessage minutes_message(const Project& project, const Meeting& meeting, const Actor& to,
                            const MailSettings& settings, const std::string& text, const std::string& html,
                            const std::string& pdf) {
  MailMessage m;
  m.from = settings.from;
  m.reply_to = reply_to(project, settings.from);
  m.to = mailbox_of(to);
  m.subject = minutes_subject(project, meeting);
  m.date = settings.date;
  m.id_prefix = id_prefix("minutes", meeting, to);
  m.id_domain = id_domain(project);
  m.text = markdown_for_plain_text(text);
  m.html = html;
  if (!pdf.empty()) m.attachments.push_back({attached_document_name(project, meeting, true), "application/pdf", pdf, ""});
  return m;
}

}  // namespace cls
