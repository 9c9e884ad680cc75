// SPDX-License-Identifier: EUPL-1.2
// Language and typography of documents (SPEC §5.4): dates, times, numbers,
// amounts, percentages, agreement of words and the fixed vocabulary, in French
// and English. Everything here is pure and locale-independent, so an output
// never depends on the machine's locale.
//
// French spaces. Two no-break spaces are used, each for one job:
//   - U+202F NARROW NO-BREAK SPACE groups digits: "12 000" (the "espace fine"
//     of the Imprimerie nationale, and CLDR's French group separator);
//   - U+00A0 NO-BREAK SPACE separates a number from its symbol: "12 000 €",
//     "42 %", "14 h 00" (on both sides of the h).
// A number followed by a word ("12 voix") keeps an ordinary space, as in the
// examples of the spec. Every generated French word takes the typographic
// apostrophe ’ (U+2019), as the examples' own texts do ("l’unanimité",
// "J’ai l’honneur"); the values from the files are printed as written.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cls/calendar.h"
#include "cls/model.h"  // Lang, Status, ItemKind, Outcome, Civility, Vote

namespace cls {

inline constexpr std::string_view kNbsp = "\u00A0";        // before €, %, around h
inline constexpr std::string_view kNarrowNbsp = "\u202F";  // French digit groups

std::optional<Lang> parse_lang(std::string_view code);  // "fr" | "en"
std::string_view lang_code(Lang lang);                   // "fr" | "en"

// --- Dates and times --------------------------------------------------------
// The arguments must form an existing date (the loader has checked it).

// 0 = Monday … 6 = Sunday, from the proleptic Gregorian calendar.
int weekday_of(int year, int month, int day);
std::string_view month_name(Lang lang, int month);      // 1..12: "décembre"
std::string_view weekday_name(Lang lang, int weekday);  // 0..6: "jeudi"

// "jeudi 3 décembre 2026", "mardi 1er décembre 2026"; "Thursday 3 December 2026".
std::string format_date_long(Lang lang, int year, int month, int day);
std::string format_date_long(Lang lang, Date date);
// "3 décembre 2026", "1er décembre 2026"; "3 December 2026".
std::string format_date(Lang lang, int year, int month, int day);
std::string format_date(Lang lang, Date date);
// For table cells: "03/12/2026"; "2026-12-03" in English (unambiguous there).
std::string format_date_numeric(Lang lang, Date date);

// Minutes since midnight, taken modulo 24 h (an agenda that runs past
// midnight keeps a readable clock time): "14 h 00", "9 h 05"; "14:00", "09:05".
std::string format_time(Lang lang, int minutes);
std::string format_time(Lang lang, TimeOfDay time);

// --- Numbers ----------------------------------------------------------------
// Negative numbers take an ASCII hyphen-minus, which spreadsheets and search
// understand.

// "12 000" (U+202F); "12,000".
std::string format_integer(Lang lang, std::int64_t value);
// Exactly `decimals` decimals, rounded half away from zero: "4 500,50"; "4,500.50".
std::string format_decimal(Lang lang, double value, int decimals);
// At most `max_decimals` decimals, trailing zeros dropped: 12.5 → "12,5", 11.0 → "11".
// For indicator values, which are counts most of the time.
std::string format_number(Lang lang, double value, int max_decimals = 2);
// Euros from cents, without decimals when the cents are 0:
// "12 000 €", "4 500,50 €"; "€12,000", "€4,500.50".
std::string format_money(Lang lang, std::int64_t cents);
std::string format_money(Lang lang, Money amount);
// A fraction in [0, 1] as a percentage rounded to the nearest integer:
// "42 %"; "42%".
std::string format_percent(Lang lang, double fraction);

// --- Agreement --------------------------------------------------------------

// French treats 0 and 1 as singular ("0 abstention"); English only 1.
bool is_singular(Lang lang, std::int64_t count);
// The count and the agreeing noun: plural(fr, 2, "abstention", "abstentions")
// == "2 abstentions"; plural(fr, 1, "voix", "voix") == "1 voix".
std::string plural(Lang lang, std::int64_t count, std::string_view singular,
                   std::string_view plural_form);

// --- Fixed vocabulary -------------------------------------------------------
// One table of the words documents need, in both languages. To add a word, add
// an enumerator here and its row in text.cc (a static_assert keeps them in
// step). Each term also has a stable string id, so a template context can carry
// the whole table.
enum class Term {
  status_planned,
  status_in_progress,
  status_done,
  status_suspended,
  status_abandoned,
  kind_information,
  kind_discussion,
  kind_decision,
  outcome_adopted,
  outcome_rejected,
  unanimously,
  salutation_mme,
  salutation_m,
  salutation_none,
  civility_mme,
  civility_m,
  progress_unknown,
  late,
  count_  // not a term: the size of the table
};

std::string_view tr(Lang lang, Term term);
std::string_view term_id(Term term);  // "status.in-progress"…
std::optional<Term> find_term(std::string_view id);

std::string_view tr(Lang lang, Status status);  // "en cours"; "in progress"
std::string_view tr(Lang lang, ItemKind kind);  // "pour décision"; "for decision"
std::string_view tr(Lang lang, Outcome outcome);  // "adopté"; "adopted"
// The opening of a letter: "Madame,", "Monsieur,", and "Madame, Monsieur," for
// an organisation or a person without civility; "Dear Madam,"…
std::string_view salutation(Lang lang, Civility civility);
// Before a name in an address block: "Madame", "Monsieur"; "Ms", "Mr"; "" for none.
std::string_view civility_title(Lang lang, Civility civility);

// --- Votes ------------------------------------------------------------------
// The outcome of a decision as the minutes state it (SPEC §4, §5.3). The caller
// decides unanimity (all present or represented voted for); counts of zero are
// left out, and a tie says the chair's casting vote decided.
//   fr: "adopté à l’unanimité"
//       "adopté par 12 voix pour, 2 contre et 1 abstention"
//       "adopté par 12 voix pour et 2 abstentions"
//       "rejeté par 3 voix pour et 5 contre"
//       "adopté par 4 voix pour et 4 contre, la voix de la présidence étant prépondérante"
//   en: "adopted unanimously", "adopted by 12 votes to 2, with 1 abstention",
//       "rejected by 5 votes to 3" (the larger side first, as English minutes say)
//       "adopted by 4 votes to 4, on the chair's casting vote"
// Without a vote the sentence is the bare outcome: "adopté", "rejected".
// `casting_vote` says whether the chair's casting vote decided; unset, a tie
// of for and against says so (the `cast` majority).
std::string vote_sentence(Lang lang, Outcome outcome, int votes_for, int against,
                          int abstain, bool unanimous, std::optional<bool> casting_vote = std::nullopt);
std::string vote_sentence(Lang lang, Outcome outcome, const std::optional<Vote>& vote,
                          bool unanimous, std::optional<bool> casting_vote = std::nullopt);

// How documents name a meeting: its `title`, else "<body title> du 3 décembre
// 2026" ("<body title>, 3 December 2026").
std::string meeting_title(const Project& project, const Meeting& meeting);

}  // namespace cls
