// SPDX-License-Identifier: EUPL-1.2
#include "cls/text.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace cls {

namespace {

constexpr std::array<std::string_view, 12> kMonthsFr = {
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<std::string_view, 12> kMonthsEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kWeekdaysFr = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
constexpr std::array<std::string_view, 7> kWeekdaysEn = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

struct TermRow {
  Term term;
  std::string_view id, fr, en;
};

// Rows in the order of the enum: tr() indexes by the enumerator.
constexpr TermRow kTerms[] = {
    {Term::status_planned, "status.planned", "prévue", "planned"},
    {Term::status_in_progress, "status.in-progress", "en cours", "in progress"},
    {Term::status_done, "status.done", "réalisée", "done"},
    {Term::status_suspended, "status.suspended", "suspendue", "suspended"},
    {Term::status_abandoned, "status.abandoned", "abandonnée", "abandoned"},
    {Term::kind_information, "kind.information", "pour information", "for information"},
    {Term::kind_discussion, "kind.discussion", "pour échange", "for discussion"},
    {Term::kind_decision, "kind.decision", "pour décision", "for decision"},
    {Term::outcome_adopted, "outcome.adopted", "adopté", "adopted"},
    {Term::outcome_rejected, "outcome.rejected", "rejeté", "rejected"},
    {Term::unanimously, "vote.unanimously", "à l’unanimité", "unanimously"},
    {Term::salutation_mme, "salutation.mme", "Madame,", "Dear Madam,"},
    {Term::salutation_m, "salutation.m", "Monsieur,", "Dear Sir,"},
    {Term::salutation_none, "salutation.none", "Madame, Monsieur,", "Dear Sir or Madam,"},
    {Term::civility_mme, "civility.mme", "Madame", "Ms"},
    {Term::civility_m, "civility.m", "Monsieur", "Mr"},
    {Term::progress_unknown, "progress.unknown", "non renseigné", "not known"},
    {Term::late, "late", "en retard", "late"},
};

constexpr bool terms_in_enum_order() {
  int i = 0;
  for (const TermRow& row : kTerms) {
    if (static_cast<int>(row.term) != i++) return false;
  }
  return i == static_cast<int>(Term::count_);
}
static_assert(terms_in_enum_order(), "kTerms must list every Term, in enum order");

// Digits grouped by three with `sep`.
std::string group_digits(std::string_view digits, std::string_view sep) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}

std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

std::string_view group_sep(Lang lang) { return lang == Lang::fr ? kNarrowNbsp : ","; }
char decimal_sep(Lang lang) { return lang == Lang::fr ? ',' : '.'; }

// `scaled` is the value times 10^decimals, already rounded.
std::string fixed_point(Lang lang, std::int64_t scaled, int decimals) {
  std::uint64_t mag = magnitude(scaled);
  std::uint64_t unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  std::string out = scaled < 0 ? "-" : "";
  out += group_digits(std::to_string(mag / unit), group_sep(lang));
  if (decimals > 0) {
    std::string frac = std::to_string(mag % unit);
    out += decimal_sep(lang);
    out.append(static_cast<std::size_t>(decimals) - frac.size(), '0');
    out += frac;
  }
  return out;
}

std::int64_t round_scaled(double value, int decimals) {
  if (decimals < 0 || decimals > 9) throw std::invalid_argument("decimals must be within 0..9");
  if (!std::isfinite(value)) throw std::invalid_argument("cannot format a non-finite number");
  return std::llround(value * std::pow(10.0, decimals));
}

// Whether value × 10^decimals rounds into an int64 (llround's result is
// unspecified past it).
bool fits_scaled(double value, int decimals) {
  return std::fabs(value) * std::pow(10.0, decimals) < 9e18;
}

// A whole number past int64, grouped: only sums over a hostile file get
// there (each number of a file is at most 10^15).
std::string huge_integer(Lang lang, double value) {
  char digits[400];  // DBL_MAX has 309 digits
  std::snprintf(digits, sizeof digits, "%.0f", std::fabs(value));
  // Appended, not `"-" + …`: GCC 12 warns falsely on a C string prepended
  // to a temporary (-Wrestrict, PR 105329).
  std::string out = value < 0 ? "-" : "";
  out += group_digits(digits, group_sep(lang));
  return out;
}

void check_month(int month) {
  if (month < 1 || month > 12) throw std::invalid_argument("month out of range");
}

}  // namespace

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "fr") return Lang::fr;
  if (code == "en") return Lang::en;
  return std::nullopt;
}

std::string_view lang_code(Lang lang) { return lang == Lang::fr ? "fr" : "en"; }

int weekday_of(int year, int month, int day) {
  check_month(month);
  // Days since 1970-01-01 (H. Hinnant's days_from_civil): years start in March
  // so that the leap day ends the year.
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = static_cast<long long>(era) * 146097 + doe - 719468;
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return static_cast<int>(((days + 3) % 7 + 7) % 7);
}

std::string_view month_name(Lang lang, int month) {
  check_month(month);
  return (lang == Lang::fr ? kMonthsFr : kMonthsEn)[static_cast<std::size_t>(month - 1)];
}

std::string_view weekday_name(Lang lang, int weekday) {
  if (weekday < 0 || weekday > 6) throw std::invalid_argument("weekday out of range");
  return (lang == Lang::fr ? kWeekdaysFr : kWeekdaysEn)[static_cast<std::size_t>(weekday)];
}

std::string format_date(Lang lang, int year, int month, int day) {
  std::string out = std::to_string(day);
  if (lang == Lang::fr && day == 1) out += "er";  // "1er décembre"
  // French keeps the day with its month on one line ("3 décembre").
  if (lang == Lang::fr) {
    out += kNbsp;
  } else {
    out += ' ';
  }
  out += month_name(lang, month);
  out += ' ';
  out += std::to_string(year);
  return out;
}

std::string format_date(Lang lang, Date date) {
  return format_date(lang, date.year(), date.month(), date.day());
}

std::string format_date_long(Lang lang, int year, int month, int day) {
  std::string out{weekday_name(lang, weekday_of(year, month, day))};
  out += ' ';
  out += format_date(lang, year, month, day);
  return out;
}

std::string format_date_long(Lang lang, Date date) {
  return format_date_long(lang, date.year(), date.month(), date.day());
}

std::string format_date_numeric(Lang lang, Date date) {
  if (lang == Lang::en) return date.iso();
  auto two = [](int v) {
    std::string out = v < 10 ? "0" : "";  // appended: see huge_integer
    return out += std::to_string(v);
  };
  return two(date.day()) + "/" + two(date.month()) + "/" + std::to_string(date.year());
}

std::string format_time(Lang lang, int minutes) {
  const int m = ((minutes % 1440) + 1440) % 1440;
  const int hh = m / 60, mm = m % 60;
  std::string mins = mm < 10 ? "0" : "";  // appended: see huge_integer
  mins += std::to_string(mm);
  if (lang == Lang::fr) {
    std::string out = std::to_string(hh);
    out += kNbsp;
    out += 'h';
    out += kNbsp;
    return out + mins;
  }
  std::string out = hh < 10 ? "0" : "";
  out += std::to_string(hh);
  return out + ":" + mins;
}

std::string format_time(Lang lang, TimeOfDay time) { return format_time(lang, time.minutes); }

std::string format_integer(Lang lang, std::int64_t value) {
  return fixed_point(lang, value, 0);
}

std::string format_decimal(Lang lang, double value, int decimals) {
  if (std::isfinite(value) && !fits_scaled(value, decimals)) return huge_integer(lang, value);
  return fixed_point(lang, round_scaled(value, decimals), decimals);
}

std::string format_number(Lang lang, double value, int max_decimals) {
  if (std::isfinite(value) && !fits_scaled(value, max_decimals)) return huge_integer(lang, value);
  std::int64_t scaled = round_scaled(value, max_decimals);
  int decimals = max_decimals;
  while (decimals > 0 && scaled % 10 == 0) {
    scaled /= 10;
    --decimals;
  }
  return fixed_point(lang, scaled, decimals);
}

std::string format_money(Lang lang, std::int64_t cents) {
  const int decimals = cents % 100 == 0 ? 0 : 2;
  const std::int64_t scaled = decimals == 0 ? cents / 100 : cents;
  if (lang == Lang::fr) {
    std::string out = fixed_point(lang, scaled, decimals);
    out += kNbsp;
    return out + "€";
  }
  std::string digits = fixed_point(lang, scaled, decimals);
  if (digits.front() == '-') return "-€" + digits.substr(1);
  return "€" + digits;
}

std::string format_money(Lang lang, Money amount) { return format_money(lang, amount.cents); }

std::string format_percent(Lang lang, double fraction) {
  std::string out = fixed_point(lang, round_scaled(fraction * 100.0, 0), 0);
  if (lang == Lang::fr) out += kNbsp;
  return out + "%";
}

bool is_singular(Lang lang, std::int64_t count) {
  return lang == Lang::fr ? (count >= -1 && count <= 1) : (count == 1 || count == -1);
}

std::string plural(Lang lang, std::int64_t count, std::string_view singular,
                   std::string_view plural_form) {
  // French keeps a number with its noun on one line ("16 membres").
  std::string out = format_integer(lang, count);
  if (lang == Lang::fr) {
    out += kNbsp;
  } else {
    out += ' ';
  }
  out += is_singular(lang, count) ? singular : plural_form;
  return out;
}

std::string_view tr(Lang lang, Term term) {
  const auto i = static_cast<std::size_t>(term);
  if (i >= std::size(kTerms)) throw std::invalid_argument("unknown term");
  return lang == Lang::fr ? kTerms[i].fr : kTerms[i].en;
}

std::string_view term_id(Term term) {
  const auto i = static_cast<std::size_t>(term);
  if (i >= std::size(kTerms)) throw std::invalid_argument("unknown term");
  return kTerms[i].id;
}

std::optional<Term> find_term(std::string_view id) {
  for (const TermRow& row : kTerms) {
    if (row.id == id) return row.term;
  }
  return std::nullopt;
}

std::string_view tr(Lang lang, Status status) {
  switch (status) {
    case Status::planned: return tr(lang, Term::status_planned);
    case Status::in_progress: return tr(lang, Term::status_in_progress);
    case Status::done: return tr(lang, Term::status_done);
    case Status::suspended: return tr(lang, Term::status_suspended);
    case Status::abandoned: return tr(lang, Term::status_abandoned);
  }
  throw std::invalid_argument("unknown status");
}

std::string_view tr(Lang lang, ItemKind kind) {
  switch (kind) {
    case ItemKind::information: return tr(lang, Term::kind_information);
    case ItemKind::discussion: return tr(lang, Term::kind_discussion);
    case ItemKind::decision: return tr(lang, Term::kind_decision);
  }
  throw std::invalid_argument("unknown agenda item kind");
}

std::string_view tr(Lang lang, Outcome outcome) {
  return tr(lang, outcome == Outcome::adopted ? Term::outcome_adopted : Term::outcome_rejected);
}

std::string_view salutation(Lang lang, Civility civility) {
  switch (civility) {
    case Civility::mme: return tr(lang, Term::salutation_mme);
    case Civility::m: return tr(lang, Term::salutation_m);
    case Civility::none: break;
  }
  return tr(lang, Term::salutation_none);
}

std::string_view civility_title(Lang lang, Civility civility) {
  switch (civility) {
    case Civility::mme: return tr(lang, Term::civility_mme);
    case Civility::m: return tr(lang, Term::civility_m);
    case Civility::none: break;
  }
  return "";
}

std::string vote_sentence(Lang lang, Outcome outcome, int votes_for, int against, int abstain,
                          bool unanimous, std::optional<bool> casting_vote) {
  const bool casting = casting_vote.value_or(votes_for == against);
  std::string out{tr(lang, outcome)};
  if (unanimous) {
    out += ' ';
    out += tr(lang, Term::unanimously);
    return out;
  }
  const bool fr = lang == Lang::fr;
  auto abstentions = [&] { return plural(lang, abstain, "abstention", "abstentions"); };
  if (votes_for == 0 && against == 0) {
    // Nobody voted for or against (everyone abstained): nothing to count, and
    // the outcome was settled otherwise.
    out += fr ? " (aucun suffrage exprimé" : " (no votes cast";
    if (abstain > 0) out += ", " + abstentions();
    return out + ")";
  }
  if (fr) {
    // A French secretariat lists pour, contre, abstentions in that order, says
    // "voix" once after the first number, and leaves out what is zero.
    std::vector<std::string> parts;
    if (votes_for > 0) parts.push_back(format_integer(lang, votes_for) + std::string(kNbsp) + "voix pour");
    if (against > 0)
      parts.push_back(format_integer(lang, against) + std::string(kNbsp) + (parts.empty() ? "voix contre" : "contre"));
    if (abstain > 0) parts.push_back(abstentions());
    out += " par ";
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out += i + 1 == parts.size() ? " et " : ", ";
      out += parts[i];
    }
    if (casting) out += ", la voix de la présidence étant prépondérante";
    return out;
  }
  if (outcome == Outcome::rejected && votes_for > against) {
    // Only under `majority: present` (for short of half the voters): the
    // counts as they are, not "rejected by 2 votes to 4".
    out += " (" + plural(lang, votes_for, "vote", "votes") + " for, " + format_integer(lang, against) + " against";
    if (abstain > 0) out += ", " + abstentions();
    return out + ")";
  }
  // English minutes put the winning side first: "carried by 12 votes to 2".
  const int first = outcome == Outcome::adopted ? votes_for : against;
  const int second = outcome == Outcome::adopted ? against : votes_for;
  out += " by " + plural(lang, first, "vote", "votes") + " to " + format_integer(lang, second);
  if (abstain > 0) out += ", with " + abstentions();
  if (casting) out += ", on the chair's casting vote";
  return out;
}

std::string vote_sentence(Lang lang, Outcome outcome, const std::optional<Vote>& vote,
                          bool unanimous, std::optional<bool> casting_vote) {
  if (!vote) return std::string{tr(lang, outcome)};
  return vote_sentence(lang, outcome, vote->for_, vote->against, vote->abstain, unanimous, casting_vote);
}

// The meeting's `title`, else "<body title> du 3 décembre 2026".
std::string meeting_title(const Project& project, const Meeting& meeting) {
  if (meeting.title && !meeting.title->empty()) return *meeting.title;
  const Body* body = meeting.body ? project.body(meeting.body->id) : nullptr;
  std::string name = body && body->title ? *body->title : meeting.id;
  if (!meeting.date) return name;
  if (project.lang() == Lang::fr) return name + " du " + format_date(Lang::fr, *meeting.date);
  return name + ", " + format_date(Lang::en, *meeting.date);
}

}  // namespace cls
