// SPDX-License-Identifier: EUPL-1.2
// Calendar invitations (SPEC §6): meetings as an RFC 5545 iCalendar file that
// members import into their agenda, from `cls ics` or beside the convocation
// letters (`cls convocation --out-dir DIR --ics`).
//
// What a coordinator can rely on:
//  - one VEVENT per meeting, whose UID is "MEETING@PROJECT.cls" (ids only):
//    importing a corrected file (a change of room or time) gives the same
//    event, which clients replace rather than adding a second one;
//  - times are wall-clock times of the project's zone (cls.yaml `timezone:`,
//    default Europe/Paris: TZID=Europe/Paris with its VTIMEZONE, timezone.h);
//    a meeting without a start time is an all-day event, and one without an
//    end time lasts kDefaultMeetingMinutes;
//  - DTSTAMP is the `stamp` date at 00:00 UTC (the CLI passes --today), so the
//    same files and the same date give the same bytes;
//  - the file carries no METHOD (nor SEQUENCE, nor RSVP): it is a calendar to
//    import, not an iTIP request. A REQUEST needs an organiser's calendar
//    that counts SEQUENCE and receives the replies, which a folder of YAML
//    is not, and allows only one UID per file (`--all` has many); PUBLISH
//    forbids ATTENDEE (RFC 5546 §3.2.1). Clients, Outlook included, treat a
//    file without METHOD as one to add to the agenda. Members answer the
//    secretariat as the letter says (excused, proxy), not through the file.
#pragma once
#include <string>
#include <vector>

#include "cls/calendar.h"
#include "cls/model.h"

namespace cls {

// The length given to a meeting whose file has a start but no end.
inline constexpr int kDefaultMeetingMinutes = 120;

// The iCalendar text (CRLF line ends, lines folded at 75 octets) of
// `meetings`, in the given order. Attendees are the body's members
// (ROLE=REQ-PARTICIPANT) and the meeting's guests (ROLE=OPT-PARTICIPANT) who
// have an e-mail address, once each; the organiser is the project's
// organisation when it has an e-mail address, else the convocations'
// signatory when they have one, else there is none.
std::string render_ics(const Project& project, const std::vector<const Meeting*>& meetings,
                       Date stamp);

// An invitation sent by e-mail with the convocation (SPEC §10): the same
// event (same UID), as an iTIP REQUEST (METHOD:REQUEST) from the sender of
// the message, with the one recipient as attendee.
struct Invitation {
  std::string organizer_name, organizer_email;
  const Actor* attendee = nullptr;
};
std::string render_invitation(const Project& project, const Meeting& meeting, const Invitation& invitation,
                              Date stamp);

// The stable UID of a meeting's event: "copil-2026-12@tdl.cls" for project `tdl`.
std::string ics_uid(const Project& project, const Meeting& meeting);

// The VTIMEZONE of Europe/Paris that render_ics embeds for a project of the
// default zone (the EU summer-time rules France follows since 1996), as RFC
// 5545 text: vtimezone(kDefaultTimezone).
const char* paris_vtimezone();

}  // namespace cls
