// SPDX-License-Identifier: EUPL-1.2
// Messages in the user's language (SPEC §12): gettext, text domain "cls",
// catalogues in po/ (po/README tells how to add a message). Only messages
// follow the locale: documents, JSON keys, rule ids and SARIF ids never do,
// and neither numbers nor dates (LC_NUMERIC, LC_TIME stay "C").
//
// Marking: tr("text") where a message is built; N_("text") where it is only
// stored (a table) and translated later with tr(); trf("… {} …", args) for
// a message with values, in fmt's syntax, which lets a translator reorder
// them ({0}, {1}, or names: {errors}); trn/trnf for plurals. No `_()`
// macro: a one-letter macro would rewrite any `_` of the headers included
// after it (fmt's, CLI11's), where tr() is an ordinary function.
#pragma once
#include <fmt/format.h>
#include <string>
#include <utility>

namespace cls {

inline constexpr const char* kTextDomain = "cls";

// Takes LC_MESSAGES and LC_CTYPE from the environment (LC_ALL, then
// LC_MESSAGES or LC_CTYPE, then LANG) and binds the text domain to its
// catalogues: $CLS_LOCALEDIR if set; else `locale/` beside the binary (the
// build tree); else the install's share/locale, found from the binary's
// place. A character type that is not UTF-8 (a Latin-1 locale) is replaced
// by C.UTF-8, so that messages and documents alike are always UTF-8. Called
// once, first thing, by main; without it every message stays English.
void init_messages();

// The catalogue directory init_messages() chose ("" before it ran).
const std::string& messages_directory();

// The translation of `msgid`, or `msgid` itself.
const char* tr(const char* msgid);

// The form of a message for the count `n` (French: 0 and 1 are singular).
const char* trn(const char* singular, const char* plural, unsigned long n);

namespace detail {
// Formats the translated pattern; should a catalogue hold a broken pattern,
// the original (English) one is used rather than failing the command.
template <class... Args>
std::string format_message(const char* translated, const char* original, Args&&... args) {
  try {
    return fmt::vformat(translated, fmt::make_format_args(args...));
  } catch (const fmt::format_error&) {
    return fmt::vformat(original, fmt::make_format_args(args...));
  }
}
}  // namespace detail

template <class... Args>
std::string trf(const char* msgid, Args&&... args) {
  return detail::format_message(tr(msgid), msgid, std::forward<Args>(args)...);
}

template <class... Args>
std::string trnf(const char* singular, const char* plural, unsigned long n, Args&&... args) {
  return detail::format_message(trn(singular, plural, n), n == 1 ? singular : plural, std::forward<Args>(args)...);
}

}  // namespace cls

// Marks a text for xgettext without translating it (tables of messages).
#define N_(msgid) msgid
