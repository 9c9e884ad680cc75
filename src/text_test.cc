// SPDX-License-Identifier: EUPL-1.2
#include "cls/text.h"

#include <doctest/doctest.h>

#include <limits>
#include <set>

using namespace cls;

TEST_CASE("weekday_of is computed from the calendar") {
  CHECK(weekday_of(1970, 1, 1) == 3);    // Thursday
  CHECK(weekday_of(2026, 12, 3) == 3);   // Thursday
  CHECK(weekday_of(2026, 12, 1) == 1);   // Tuesday
  CHECK(weekday_of(2000, 2, 29) == 1);   // Tuesday, leap day of a century leap year
  CHECK(weekday_of(2024, 3, 1) == 4);    // Friday, the day after a leap day
  CHECK(weekday_of(1900, 3, 1) == 3);    // Thursday: 1900 was not a leap year
  CHECK(weekday_of(1969, 12, 31) == 2);  // Wednesday, before the epoch
}

TEST_CASE("long dates") {
  CHECK(format_date_long(Lang::fr, 2026, 12, 3) == "jeudi 3\u00A0décembre 2026");
  CHECK(format_date_long(Lang::fr, 2026, 12, 1) == "mardi 1er\u00A0décembre 2026");
  CHECK(format_date_long(Lang::fr, 2027, 8, 15) == "dimanche 15\u00A0août 2027");
  CHECK(format_date_long(Lang::en, 2026, 12, 3) == "Thursday 3 December 2026");
  CHECK(format_date_long(Lang::en, 2026, 12, 1) == "Tuesday 1 December 2026");
  CHECK(format_date_long(Lang::fr, *Date::from_ymd(2026, 11, 20)) == "vendredi 20\u00A0novembre 2026");
}

TEST_CASE("dates without weekday") {
  CHECK(format_date(Lang::fr, 2026, 11, 20) == "20\u00A0novembre 2026");
  CHECK(format_date(Lang::fr, 2027, 1, 1) == "1er\u00A0janvier 2027");
  CHECK(format_date(Lang::en, 2027, 1, 1) == "1 January 2027");
  CHECK(format_date(Lang::en, *Date::from_ymd(2026, 2, 28)) == "28 February 2026");
  CHECK(format_date_numeric(Lang::fr, *Date::from_ymd(2027, 1, 5)) == "05/01/2027");
  CHECK(format_date_numeric(Lang::en, *Date::from_ymd(2027, 1, 5)) == "2027-01-05");
  CHECK_THROWS(format_date(Lang::fr, 2026, 13, 1));
}

TEST_CASE("times") {
  CHECK(format_time(Lang::fr, 14 * 60) == "14\u00A0h\u00A000");
  CHECK(format_time(Lang::fr, 9 * 60 + 5) == "9\u00A0h\u00A005");
  CHECK(format_time(Lang::fr, 0) == "0\u00A0h\u00A000");
  CHECK(format_time(Lang::en, 14 * 60) == "14:00");
  CHECK(format_time(Lang::en, 9 * 60 + 5) == "09:05");
  CHECK(format_time(Lang::en, 24 * 60 + 30) == "00:30");  // past midnight wraps
  CHECK(format_time(Lang::en, TimeOfDay{16 * 60 + 30}) == "16:30");
}

TEST_CASE("integers and decimals") {
  CHECK(format_integer(Lang::fr, 0) == "0");
  CHECK(format_integer(Lang::fr, 999) == "999");
  CHECK(format_integer(Lang::fr, 12000) == "12\u202F000");
  CHECK(format_integer(Lang::fr, 100000) == "100\u202F000");
  CHECK(format_integer(Lang::fr, 1234567) == "1\u202F234\u202F567");
  CHECK(format_integer(Lang::fr, -12000) == "-12\u202F000");
  CHECK(format_integer(Lang::en, 12000) == "12,000");
  CHECK(format_integer(Lang::en, 1234567) == "1,234,567");
  CHECK(format_integer(Lang::en, std::numeric_limits<std::int64_t>::min()) ==
        "-9,223,372,036,854,775,808");

  CHECK(format_decimal(Lang::fr, 4500.5, 2) == "4\u202F500,50");
  CHECK(format_decimal(Lang::en, 4500.5, 2) == "4,500.50");
  CHECK(format_decimal(Lang::fr, 0.125, 1) == "0,1");
  CHECK(format_decimal(Lang::fr, -0.5, 2) == "-0,50");
  CHECK(format_decimal(Lang::fr, 12, 0) == "12");

  CHECK(format_number(Lang::fr, 11.0) == "11");
  CHECK(format_number(Lang::fr, 12.5) == "12,5");
  CHECK(format_number(Lang::fr, 1500.25) == "1\u202F500,25");
  CHECK(format_number(Lang::en, 12.5) == "12.5");
  CHECK(format_number(Lang::en, 2.0 / 3.0) == "0.67");
  CHECK_THROWS(format_number(Lang::en, std::numeric_limits<double>::quiet_NaN()));

  // Sums past int64 (a million readings of 10^15 accumulated) are written out
  // in full, not wrapped around to a negative number.
  CHECK(format_number(Lang::en, 1e21) == "1,000,000,000,000,000,000,000");
  CHECK(format_number(Lang::fr, -2e19) == "-20\u202F000\u202F000\u202F000\u202F000\u202F000\u202F000");
  CHECK(format_decimal(Lang::en, 1e17, 2) == "100,000,000,000,000,000");
  CHECK(format_number(Lang::en, 1e15) == "1,000,000,000,000,000");
  CHECK(format_number(Lang::en, std::numeric_limits<double>::max()).size() == 309 + 102);
}

TEST_CASE("money") {
  CHECK(format_money(Lang::fr, 1200000) == "12\u202F000\u00A0€");
  CHECK(format_money(Lang::fr, 450050) == "4\u202F500,50\u00A0€");
  CHECK(format_money(Lang::fr, 5) == "0,05\u00A0€");
  CHECK(format_money(Lang::fr, 0) == "0\u00A0€");
  CHECK(format_money(Lang::fr, -450050) == "-4\u202F500,50\u00A0€");
  CHECK(format_money(Lang::en, 1200000) == "€12,000");
  CHECK(format_money(Lang::en, 450050) == "€4,500.50");
  CHECK(format_money(Lang::en, -450050) == "-€4,500.50");
  CHECK(format_money(Lang::fr, Money{800000}) == "8\u202F000\u00A0€");
}

TEST_CASE("percentages") {
  CHECK(format_percent(Lang::fr, 0.42) == "42\u00A0%");
  CHECK(format_percent(Lang::fr, 0.416) == "42\u00A0%");
  CHECK(format_percent(Lang::fr, 0.0) == "0\u00A0%");
  CHECK(format_percent(Lang::fr, 1.0) == "100\u00A0%");
  CHECK(format_percent(Lang::en, 0.42) == "42%");
  CHECK(format_percent(Lang::en, 0.005) == "1%");  // halves round up
}

TEST_CASE("plural agreement") {
  CHECK(plural(Lang::fr, 0, "abstention", "abstentions") == "0\u00A0abstention");
  CHECK(plural(Lang::fr, 1, "abstention", "abstentions") == "1\u00A0abstention");
  CHECK(plural(Lang::fr, 2, "abstention", "abstentions") == "2\u00A0abstentions");
  CHECK(plural(Lang::fr, 1, "voix", "voix") == "1\u00A0voix");
  CHECK(plural(Lang::fr, 2, "voix", "voix") == "2\u00A0voix");
  CHECK(plural(Lang::fr, 12000, "habitant", "habitants") == "12\u202F000\u00A0habitants");
  CHECK(plural(Lang::en, 0, "vote", "votes") == "0 votes");
  CHECK(plural(Lang::en, 1, "vote", "votes") == "1 vote");
  CHECK(plural(Lang::en, 2, "vote", "votes") == "2 votes");
}

TEST_CASE("the vocabulary table") {
  CHECK(tr(Lang::fr, Status::planned) == "prévue");
  CHECK(tr(Lang::fr, Status::in_progress) == "en cours");
  CHECK(tr(Lang::fr, Status::done) == "réalisée");
  CHECK(tr(Lang::fr, Status::suspended) == "suspendue");
  CHECK(tr(Lang::fr, Status::abandoned) == "abandonnée");
  CHECK(tr(Lang::en, Status::in_progress) == "in progress");
  CHECK(tr(Lang::fr, ItemKind::information) == "pour information");
  CHECK(tr(Lang::fr, ItemKind::discussion) == "pour échange");
  CHECK(tr(Lang::fr, ItemKind::decision) == "pour décision");
  CHECK(tr(Lang::en, ItemKind::decision) == "for decision");
  CHECK(tr(Lang::fr, Outcome::adopted) == "adopté");
  CHECK(tr(Lang::fr, Outcome::rejected) == "rejeté");
  CHECK(tr(Lang::fr, Term::unanimously) == "à l’unanimité");
  CHECK(salutation(Lang::fr, Civility::mme) == "Madame,");
  CHECK(salutation(Lang::fr, Civility::m) == "Monsieur,");
  CHECK(salutation(Lang::fr, Civility::none) == "Madame, Monsieur,");
  CHECK(salutation(Lang::en, Civility::none) == "Dear Sir or Madam,");
  CHECK(civility_title(Lang::fr, Civility::mme) == "Madame");
  CHECK(civility_title(Lang::fr, Civility::none) == "");

  // Every term has a distinct id that finds it again, and both languages.
  std::set<std::string_view> ids;
  for (int i = 0; i < static_cast<int>(Term::count_); ++i) {
    const auto term = static_cast<Term>(i);
    CAPTURE(term_id(term));
    CHECK(ids.insert(term_id(term)).second);
    CHECK(find_term(term_id(term)) == term);
    CHECK(!tr(Lang::fr, term).empty());
    CHECK(!tr(Lang::en, term).empty());
  }
  CHECK(find_term("status.in-progress") == Term::status_in_progress);
  CHECK(!find_term("no.such.term"));
  CHECK(parse_lang("en") == Lang::en);
  CHECK(!parse_lang("de"));
  CHECK(lang_code(Lang::fr) == "fr");
}

TEST_CASE("vote sentences in French") {
  const auto fr = Lang::fr;
  CHECK(vote_sentence(fr, Outcome::adopted, 15, 0, 0, true) == "adopté à l’unanimité");
  CHECK(vote_sentence(fr, Outcome::adopted, 12, 2, 1, false) ==
        "adopté par 12\u00A0voix pour, 2\u00A0contre et 1\u00A0abstention");
  CHECK(vote_sentence(fr, Outcome::adopted, 12, 2, 2, false) ==
        "adopté par 12\u00A0voix pour, 2\u00A0contre et 2\u00A0abstentions");
  CHECK(vote_sentence(fr, Outcome::adopted, 12, 1, 0, false) == "adopté par 12\u00A0voix pour et 1\u00A0contre");
  CHECK(vote_sentence(fr, Outcome::adopted, 12, 0, 2, false) ==
        "adopté par 12\u00A0voix pour et 2\u00A0abstentions");
  CHECK(vote_sentence(fr, Outcome::adopted, 1, 0, 0, false) == "adopté par 1\u00A0voix pour");
  CHECK(vote_sentence(fr, Outcome::rejected, 3, 5, 0, false) == "rejeté par 3\u00A0voix pour et 5\u00A0contre");
  CHECK(vote_sentence(fr, Outcome::rejected, 0, 5, 1, false) ==
        "rejeté par 5\u00A0voix contre et 1\u00A0abstention");
  CHECK(vote_sentence(fr, Outcome::adopted, 4, 4, 0, false) ==
        "adopté par 4\u00A0voix pour et 4\u00A0contre, la voix de la présidence étant prépondérante");
  CHECK(vote_sentence(fr, Outcome::rejected, 0, 0, 3, false) ==
        "rejeté (aucun suffrage exprimé, 3\u00A0abstentions)");
  CHECK(vote_sentence(fr, Outcome::adopted, std::nullopt, false) == "adopté");
  CHECK(vote_sentence(fr, Outcome::adopted, Vote{14, 0, 1, {}}, false) ==
        "adopté par 14\u00A0voix pour et 1\u00A0abstention");
}

TEST_CASE("vote sentences in English") {
  const auto en = Lang::en;
  CHECK(vote_sentence(en, Outcome::adopted, 15, 0, 0, true) == "adopted unanimously");
  CHECK(vote_sentence(en, Outcome::adopted, 12, 2, 1, false) ==
        "adopted by 12 votes to 2, with 1 abstention");
  CHECK(vote_sentence(en, Outcome::adopted, 12, 0, 2, false) ==
        "adopted by 12 votes to 0, with 2 abstentions");
  CHECK(vote_sentence(en, Outcome::rejected, 3, 5, 0, false) == "rejected by 5 votes to 3");
  CHECK(vote_sentence(en, Outcome::adopted, 1, 0, 0, false) == "adopted by 1 vote to 0");
  CHECK(vote_sentence(en, Outcome::adopted, 4, 4, 1, false) ==
        "adopted by 4 votes to 4, with 1 abstention, on the chair's casting vote");
  CHECK(vote_sentence(en, Outcome::rejected, std::nullopt, false) == "rejected");
}
