// SPDX-License-Identifier: EUPL-1.2
#include "cls/calendar.h"

#include <doctest/doctest.h>

using namespace cls;

TEST_CASE("dates are strict ISO and must exist") {
  CHECK(Date::parse("2026-12-03")->iso() == "2026-12-03");
  CHECK(Date::parse("2024-02-29").has_value());  // leap year
  CHECK_FALSE(Date::parse("2026-02-29").has_value());
  CHECK_FALSE(Date::parse("2026-02-30").has_value());
  CHECK_FALSE(Date::parse("2026-13-01").has_value());
  CHECK_FALSE(Date::parse("0000-01-01").has_value());
  CHECK_FALSE(Date::parse("2026-1-3").has_value());
  CHECK_FALSE(Date::parse("03/12/2026").has_value());
  CHECK_FALSE(Date::parse("2026-12-03T10:00").has_value());
  CHECK_FALSE(Date::parse("").has_value());
}

TEST_CASE("date arithmetic and weekdays") {
  const Date d = *Date::parse("2026-12-03");
  CHECK(d.year() == 2026);
  CHECK(d.month() == 12);
  CHECK(d.day() == 3);
  CHECK(d.weekday() == 3);  // a Thursday
  CHECK(Date::parse("1970-01-01")->days() == 0);
  CHECK(d.plus_days(29).iso() == "2027-01-01");
  CHECK(Date::parse("2026-03-31")->minus_months(1).iso() == "2026-02-28");
  CHECK(Date::parse("2026-11-25")->minus_months(12).iso() == "2025-11-25");
  CHECK(*Date::parse("2026-01-31") < *Date::parse("2026-02-01"));
}

TEST_CASE("times are HH:MM on 24 hours") {
  CHECK(TimeOfDay::parse("14:00")->minutes == 840);
  CHECK(TimeOfDay::parse("9:30")->hhmm() == "09:30");
  CHECK_FALSE(TimeOfDay::parse("24:00").has_value());
  CHECK_FALSE(TimeOfDay::parse("14:60").has_value());
  CHECK_FALSE(TimeOfDay::parse("14h00").has_value());
  CHECK_FALSE(TimeOfDay::parse("14:0").has_value());
}

TEST_CASE("money is exact cents") {
  CHECK(Money::parse("12000")->cents == 1200000);
  CHECK(Money::parse("4500.50")->cents == 450050);
  CHECK(Money::parse("4500.5")->cents == 450050);
  CHECK(Money::parse("0.1")->cents == 10);
  CHECK_FALSE(Money::parse("12000.505").has_value());
  CHECK_FALSE(Money::parse("12 000").has_value());
  CHECK_FALSE(Money::parse("1e3").has_value());
  CHECK_FALSE(Money::parse(".5").has_value());
  CHECK_FALSE(Money::parse("5.").has_value());
  CHECK_FALSE(Money::parse("99999999999999").has_value());  // past any budget, and past int64 safety
  // 0.1 + 0.2 is exactly 0.3 in cents, unlike in binary floating point.
  CHECK((*Money::parse("0.1") + *Money::parse("0.2")).cents == Money::parse("0.3")->cents);
  CHECK(Money::parse("4500.50")->plain() == "4500.50");
  CHECK(Money::parse("12000")->plain() == "12000");
  CHECK(Money::parse("0.05")->plain() == "0.05");
  // Ten thousand of the largest amounts a file may hold overflow int64: the
  // sum stops at the bound (no undefined behaviour, no negative total).
  Money total;
  for (int i = 0; i < 10000; ++i) total += *Money::parse("9999999999999.99");
  CHECK(total.cents == INT64_MAX);
  Money debt{INT64_MIN + 1};
  debt += Money{-5};
  CHECK(debt.cents == INT64_MIN);
}
