// SPDX-License-Identifier: EUPL-1.2
#include "cls/calendar.h"

#include <charconv>
#include <ctime>

namespace cls {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the
// proleptic Gregorian calendar, no table, no locale.
static std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Ymd {
  int y;
  unsigned m, d;
};

static Ymd civil_from_days(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

static int days_in_month(int y, int m) {
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : len[m - 1];
}

std::optional<Date> Date::from_ymd(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    return std::nullopt;
  }
  return from_days(days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
}

static bool digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc();
}

std::optional<Date> Date::parse(std::string_view t) {
  int y, m, d;
  if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !digits(t.substr(0, 4), y) ||
      !digits(t.substr(5, 2), m) || !digits(t.substr(8, 2), d)) {
    return std::nullopt;
  }
  return from_ymd(y, m, d);
}

int Date::year() const { return civil_from_days(days_).y; }
int Date::month() const { return static_cast<int>(civil_from_days(days_).m); }
int Date::day() const { return static_cast<int>(civil_from_days(days_).d); }

int Date::weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const int w = (days_ + 3) % 7;
  return w < 0 ? w + 7 : w;
}

std::string Date::iso() const {
  const Ymd c = civil_from_days(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.y, c.m, c.d);
  return buf;
}

Date Date::minus_months(int n) const {
  const Ymd c = civil_from_days(days_);
  int total = c.y * 12 + static_cast<int>(c.m) - 1 - n;
  const int y = total / 12, m = total % 12 + 1;
  const int d = std::min(static_cast<int>(c.d), days_in_month(y, m));
  return from_days(days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
}

std::optional<TimeOfDay> TimeOfDay::parse(std::string_view t) {
  const auto colon = t.find(':');
  int h, m;
  if (colon == std::string_view::npos || colon < 1 || colon > 2 || t.size() - colon != 3 ||
      !digits(t.substr(0, colon), h) || !digits(t.substr(colon + 1), m) || h > 23 || m > 59) {
    return std::nullopt;
  }
  return TimeOfDay{h * 60 + m};
}

std::string TimeOfDay::hhmm() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::optional<Money> Money::parse(std::string_view t) {
  bool negative = false;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
    negative = t[0] == '-';
    t.remove_prefix(1);
  }
  const auto dot = t.find('.');
  std::string_view whole = t.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : t.substr(dot + 1);
  if (whole.empty() || whole.size() > 13 || frac.size() > 2 ||
      (dot != std::string_view::npos && frac.empty())) {
    return std::nullopt;
  }
  int f = 0;
  std::int64_t euros = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    euros = euros * 10 + (c - '0');
  }
  if (!frac.empty()) {
    if (!digits(frac, f)) return std::nullopt;
    if (frac.size() == 1) f *= 10;
  }
  const std::int64_t cents = euros * 100 + f;
  return Money{negative ? -cents : cents};
}

std::string Money::plain() const {
  // The magnitude as unsigned, so that INT64_MIN does not overflow.
  const std::uint64_t a = cents < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(cents)
                                    : static_cast<std::uint64_t>(cents);
  std::string s = (cents < 0 ? "-" : "") + std::to_string(a / 100);
  if (a % 100) {
    char buf[4];
    std::snprintf(buf, sizeof buf, ".%02d", static_cast<int>(a % 100));
    s += buf;
  }
  return s;
}

Date today_from_clock() {
  // The user's own calendar day (their TZ), which is what "today" means to a
  // coordinator; tests and reproducible outputs pass --today instead.
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return *Date::from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace cls
