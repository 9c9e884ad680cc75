// SPDX-License-Identifier: EUPL-1.2
// E-mail messages (SPEC §10): the convocations and the minutes as RFC 5322
// messages, one per recipient, built with GMime (never by hand), to be
// written as .eml files and handed to sendmail (sendmail.h).
//
// What a secretariat can rely on:
//  - every header value is cleaned of line breaks and control characters
//    and encoded by GMime (RFC 2047 for non-ASCII names and subjects), so
//    that nothing in a name or an Objet can add a header;
//  - the same files and the same --today give the same bytes: the Date is
//    --today at 00:00 UTC, the MIME boundaries and the Message-ID are derived
//    from the content, never random;
//  - the Message-ID is "<KIND.MEETING.RECIPIENT.HASH@PROJECT.cls>": stable
//    for the same message, and different once the message changes (a
//    corrected room), so that a mail client never drops a corrected
//    convocation as a duplicate of the first;
//  - line ends are CRLF throughout (no bare LF), as RFC 5322 wants.
//
// This module renders nothing from files and reads none: the documents
// (mail_documents.cc) give it their text, HTML and attachments.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cls/calendar.h"
#include "cls/model.h"

namespace cls {

struct LetterTo;  // convocation.h

// A mailbox: display name (may be empty) and address.
struct MailAddress {
  std::string name;
  std::string email;
};

// A file attached to a message.
struct MailAttachment {
  std::string filename;      // as the recipient sees it: "invitation.ics", "prs-projet.pdf"
  std::string content_type;  // "application/pdf", "text/calendar; method=REQUEST"
  std::string bytes;
  std::string description;   // Content-Description (the attachment's title), may be empty
};

struct MailMessage {
  MailAddress from;
  std::optional<MailAddress> reply_to;
  MailAddress to;
  std::string subject;
  Date date;
  // The Message-ID's left part before the hash ("convocation.copil-2026-12.m-martin")
  // and its right part ("tdl.cls"): message_id() completes it.
  std::string id_prefix, id_domain;
  std::string text;  // text/plain
  std::string html;  // text/html, a self-contained document
  std::vector<MailAttachment> attachments;
};

// A message that cannot be built (an address GMime does not take).
struct MailError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Whether `text` is one plain e-mail address (addr-spec: local@domain,
// printable ASCII, no space, no quote or angle bracket, a domain of dotted
// labels): what `cls check` accepts in an `email` key (schema/type).
bool is_email_address(std::string_view text);

// A header value: line breaks and other control characters become spaces,
// runs of spaces one, and the ends are trimmed.
std::string header_text(std::string_view text);

// The MIME type of a file by its extension (case-insensitive); unknown
// extensions are application/octet-stream.
std::string mime_type_of(std::string_view filename);

// The Message-ID (without angle brackets) `message` gets: its prefix and
// domain with a hash of everything else in it.
std::string message_id(const MailMessage& message);

// The RFC 5322 message, CRLF line ends: multipart/mixed holding a
// multipart/alternative (text, then HTML) and the attachments in order.
// Throws MailError.
std::string render_message(const MailMessage& message);

// A piece of a Message-ID or a file name from an id: its dots become
// hyphens, so that "m.martin" gives "m-martin" (a dot-atom has no "..").
std::string id_atom(std::string_view id);

// --- The documents as messages (mail_documents.cc) ---------------------------

// The sender: `from` when given ("Name <addr>" or "addr"), else the
// organisation's e-mail and name (cls.yaml); nullopt when neither. Throws
// MailError when `from` is not one mailbox.
std::optional<MailAddress> sender(const Project& project, std::string_view from);

// What every message of one batch shares.
struct MailSettings {
  MailAddress from;
  Date date;  // the Date header: --today
};

// Reply-To: the "affaire suivie par" (organisation.contact) when they have an
// e-mail address other than the sender's.
std::optional<MailAddress> reply_to(const Project& project, const MailAddress& from);

// The recipient of a message to `actor`: their name and e-mail address.
MailAddress mailbox_of(const Actor& actor);

// The message carrying one convocation letter (SPEC §10): Subject the
// letter's Objet, the Markdown letter as text and the HTML letter, then the
// letter as PDF (`pdf` when not empty), `invitation.ics` (METHOD:REQUEST,
// the recipient as attendee, the UID of `cls ics`) and `files` (the agenda's
// attachments, read by the caller). `to` must have an e-mail address.
// Throws TemplateError, MailError.
MailMessage convocation_message(const Project& project, const Meeting& meeting, const LetterTo& to,
                                const MailSettings& settings, Date letter_date, const std::string& pdf,
                                const std::vector<MailAttachment>& files);

// Who receives the compte rendu by e-mail (SPEC §10, "the participants"):
// everyone convened (the body's members, present or not — an absent member
// needs the minutes most — and the guests), then whoever else sat: the
// substitutes and the representatives who sat, and anyone listed present.
std::vector<std::string> minutes_recipients(const Project& project, const Meeting& meeting);

// The subject of the minutes' messages: "Projet de compte rendu du comité
// de pilotage n° 7 du contrat local de santé du Toulois du vendredi 12 juin
// 2026" ("Compte rendu …" once approved: minutes_approved).
std::string minutes_subject(const Project& project, const Meeting& meeting);

// The message carrying the compte rendu to `to`: `text` and `html` are the
// minutes in Markdown and HTML, `pdf` (when not empty) their PDF.
MailMessage minutes_message(const Project& project, const Meeting& meeting, const Actor& to,
                            const MailSettings& settings, const std::string& text, const std::string& html,
                            const std::string& pdf);

// The file name of an attached document: "convocation-copil-2026-12.pdf",
// "compte-rendu-copil-2026-12.pdf" ("minutes-…" in English).
std::string attached_document_name(const Project& project, const Meeting& meeting, bool minutes);

}  // namespace cls
