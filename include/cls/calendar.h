// SPDX-License-Identifier: EUPL-1.2
// Calendar values of the file format (SPEC §1.1): dates, times of day, and
// amounts of money in exact cents.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cls {

// A civil date, stored as days since 1970-01-01 so that comparisons and
// "N days before" are plain integer arithmetic.
class Date {
 public:
  Date() = default;
  static std::optional<Date> from_ymd(int y, int m, int d);  // nullopt if it does not exist
  static Date from_days(std::int32_t days) { Date r; r.days_ = days; return r; }
  // Strict ISO YYYY-MM-DD; nullopt when malformed or nonexistent.
  static std::optional<Date> parse(std::string_view text);

  std::int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  int weekday() const;  // 0 = Monday … 6 = Sunday
  std::string iso() const;
  Date plus_days(int n) const { return from_days(days_ + n); }
  Date minus_months(int n) const;  // same day n months earlier, clamped to the month's end

  auto operator<=>(const Date&) const = default;

 private:
  std::int32_t days_ = 0;
};

// Minutes since midnight.
struct TimeOfDay {
  int minutes = 0;
  static std::optional<TimeOfDay> parse(std::string_view text);  // "HH:MM", 24 h
  std::string hhmm() const;
  auto operator<=>(const TimeOfDay&) const = default;
};

// Euros in exact cents: amounts are summed without binary floating point.
struct Money {
  std::int64_t cents = 0;
  // An integer or a decimal with at most two decimals ("12000", "4500.5").
  static std::optional<Money> parse(std::string_view text);
  // Exact up to 92 million billion euros; a sum past that (only a hostile
  // file of thousands of 13-digit amounts gets there) stops at the bound
  // instead of overflowing.
  Money& operator+=(Money o) {
    if (__builtin_add_overflow(cents, o.cents, &cents)) {
      cents = o.cents < 0 ? INT64_MIN : INT64_MAX;
    }
    return *this;
  }
  friend Money operator+(Money a, Money b) { return a += b; }
  auto operator<=>(const Money&) const = default;
  // "4500.50", "12000" (plain, for JSON/CSV); documents use text.h.
  std::string plain() const;
  double euros() const { return static_cast<double>(cents) / 100.0; }
};

// The date the clock says in the local time zone (only when --today is not given).
Date today_from_clock();

}  // namespace cls
