// SPDX-License-Identifier: EUPL-1.2
// VTIMEZONEs written out rather than taken from libical's builtin zones,
// which libical builds at run time from the system's /usr/share/zoneinfo:
// that VTIMEZONE (a) is missing where tzdata is not installed (slim CI
// containers), (b) holds the whole history of a zone unless truncated, and
// even truncated carries an artefact of the 32-bit zone files (the rules
// split in 2037), and (c) would change with the machine's tzdata, so that
// two machines would not write the same bytes. Each one holds the rules the
// zone has followed since at least 2010, as calendar clients write them;
// timezone_test.cc checks them, hour by hour, against libical's zones built
// from the system tzdata when it is there.
#include "cls/timezone.h"

#include <utility>

namespace cls {

namespace {

// Paris: the EU summer time France follows since 1996.
constexpr const char* kParis =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Paris\r\n"
    "X-LIC-LOCATION:Europe/Paris\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZNAME:CEST\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "DTSTART:19960331T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZNAME:CET\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "DTSTART:19961027T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

// Saint-Pierre-et-Miquelon: North American summer time since 2007.
constexpr const char* kMiquelon =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:America/Miquelon\r\n"
    "X-LIC-LOCATION:America/Miquelon\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZNAME:-02\r\n"
    "TZOFFSETFROM:-0300\r\n"
    "TZOFFSETTO:-0200\r\n"
    "DTSTART:20070311T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZNAME:-03\r\n"
    "TZOFFSETFROM:-0200\r\n"
    "TZOFFSETTO:-0300\r\n"
    "DTSTART:20071104T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

// The zones without summer time: one STANDARD component, its offset since 1970.
#define CLS_FIXED_ZONE(ID, NAME, OFFSET)  \
  "BEGIN:VTIMEZONE\r\n"                   \
  "TZID:" ID "\r\n"                       \
  "X-LIC-LOCATION:" ID "\r\n"             \
  "BEGIN:STANDARD\r\n"                    \
  "TZNAME:" NAME "\r\n"                   \
  "TZOFFSETFROM:" OFFSET "\r\n"           \
  "TZOFFSETTO:" OFFSET "\r\n"             \
  "DTSTART:19700101T000000\r\n"           \
  "END:STANDARD\r\n"                      \
  "END:VTIMEZONE\r\n"

constexpr std::pair<std::string_view, const char*> kZones[] = {
    {"Europe/Paris", kParis},
    {"America/Guadeloupe", CLS_FIXED_ZONE("America/Guadeloupe", "AST", "-0400")},
    {"America/Martinique", CLS_FIXED_ZONE("America/Martinique", "AST", "-0400")},
    {"America/Cayenne", CLS_FIXED_ZONE("America/Cayenne", "-03", "-0300")},
    {"America/Miquelon", kMiquelon},
    {"America/St_Barthelemy", CLS_FIXED_ZONE("America/St_Barthelemy", "AST", "-0400")},
    {"America/Marigot", CLS_FIXED_ZONE("America/Marigot", "AST", "-0400")},
    {"Indian/Reunion", CLS_FIXED_ZONE("Indian/Reunion", "+04", "+0400")},
    {"Indian/Mayotte", CLS_FIXED_ZONE("Indian/Mayotte", "EAT", "+0300")},
    {"Pacific/Noumea", CLS_FIXED_ZONE("Pacific/Noumea", "+11", "+1100")},
    {"Pacific/Tahiti", CLS_FIXED_ZONE("Pacific/Tahiti", "-10", "-1000")},
    {"Pacific/Marquesas", CLS_FIXED_ZONE("Pacific/Marquesas", "-0930", "-0930")},
    {"Pacific/Gambier", CLS_FIXED_ZONE("Pacific/Gambier", "-09", "-0900")},
    {"Pacific/Wallis", CLS_FIXED_ZONE("Pacific/Wallis", "+12", "+1200")},
};

#undef CLS_FIXED_ZONE

}  // namespace

const char* vtimezone(std::string_view tzid) {
  for (const auto& [id, text] : kZones) {
    if (id == tzid) return text;
  }
  return nullptr;
}

}  // namespace cls
