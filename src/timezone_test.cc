// SPDX-License-Identifier: EUPL-1.2
// The time zones: keys.cc's list and timezone.cc's VTIMEZONEs are the same
// zones, and each VTIMEZONE puts every hour at the instant the system's
// tzdata does (libical's zone of the same name), from 2010 to 2036.
#include "cls/timezone.h"

#include <doctest/doctest.h>
#include <libical/ical.h>

#include <string>

#include "cls/keys.h"

using namespace cls;

TEST_CASE("every zone a project may name has its VTIMEZONE, and no other") {
  const keys::KeyDef* tz = keys::manifest.find("timezone");
  REQUIRE(tz != nullptr);
  CHECK(tz->default_value == kDefaultTimezone);
  for (std::string_view zone : tz->values) {
    INFO(zone);
    const char* text = vtimezone(zone);
    REQUIRE(text != nullptr);
    CHECK(std::string(text).find("TZID:" + std::string(zone) + "\r\n") != std::string::npos);
  }
  CHECK(vtimezone("Europe/Berlin") == nullptr);
  CHECK(vtimezone("") == nullptr);
}

TEST_CASE("each VTIMEZONE agrees with the system tzdata, hour by hour") {
  const keys::KeyDef* tz = keys::manifest.find("timezone");
  REQUIRE(tz != nullptr);
  for (std::string_view zone : tz->values) {
    INFO(zone);
    icalcomponent* mine = icalparser_parse_string(vtimezone(zone));
    REQUIRE(mine != nullptr);
    icaltimezone* ours = icaltimezone_new();
    REQUIRE(icaltimezone_set_component(ours, mine));
    icaltimezone* system = icaltimezone_get_builtin_timezone(std::string(zone).c_str());
    if (!system) {
      MESSAGE("no system tzdata for " << zone << ": comparison skipped");
    } else {
      int compared = 0;
      for (int year = 2010; year <= 2036; ++year) {
        for (int month = 1; month <= 12; ++month) {
          for (int day = 1; day <= icaltime_days_in_month(month, year); day += (month == 3 || month == 10 || month == 11) ? 1 : 14) {
            for (int hour = 0; hour < 24; ++hour) {
              icaltimetype t = icaltime_null_time();
              t.year = year;
              t.month = month;
              t.day = day;
              t.hour = hour;
              icaltimetype a = t, b = t;
              int dst_a = 0, dst_b = 0;
              const int off_a = icaltimezone_get_utc_offset_of_utc_time(ours, &a, &dst_a);
              const int off_b = icaltimezone_get_utc_offset_of_utc_time(system, &b, &dst_b);
              if (off_a != off_b) {
                FAIL_CHECK(zone << " " << year << "-" << month << "-" << day << " " << hour << "h UTC: " << off_a
                                << " s, tzdata " << off_b << " s");
                year = 9999;  // one message a zone
                month = day = 99;
                break;
              }
              ++compared;
            }
          }
        }
      }
      CHECK(compared > 10000);
    }
    icaltimezone_free(ours, 1);
  }
}
