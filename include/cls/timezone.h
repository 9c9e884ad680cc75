// SPDX-License-Identifier: EUPL-1.2
// The time zones a project may name (cls.yaml `timezone:`, keys.cc): France
// and its overseas territories, each with the VTIMEZONE that calendar
// invitations carry (ics.h).
#pragma once
#include <string_view>

namespace cls {

// The zone of a project that names none.
inline constexpr std::string_view kDefaultTimezone = "Europe/Paris";

// The VTIMEZONE of `tzid` as RFC 5545 text (CRLF line ends), or nullptr for
// a zone that is not one of keys.cc's list.
const char* vtimezone(std::string_view tzid);

}  // namespace cls
