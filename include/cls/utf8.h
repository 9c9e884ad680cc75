// SPDX-License-Identifier: EUPL-1.2
// UTF-8, in one place: validating the files' bytes, decoding them a code point
// at a time, cutting a text without splitting a character, and measuring it
// as a terminal shows it. Width, normalisation, grapheme clusters and case come
// from libunistring, so that Unicode's tables are not copied here.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace cls {

// Position of the first byte that is not part of well-formed UTF-8 (an
// overlong form, a surrogate, a code point above U+10FFFF, a stray or missing
// continuation byte), or npos.
std::size_t find_invalid_utf8(std::string_view bytes);

// Whether `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD, one per
// maximal ill-formed subpart (the Unicode recommendation, as browsers do).
// Input files are validated upstream; this is the defensive last step for text
// that reaches an output.
std::string sanitize_utf8(std::string_view text);

// One code point read from a text: `size` bytes long, or, where the bytes are
// ill-formed, U+FFFD standing for the maximal ill-formed subpart (`valid` is
// then false, and `size` at least 1, so that a loop always moves on).
struct Utf8Char {
  char32_t code_point;
  std::size_t size;
  bool valid;
};

// The code point starting at byte `at` of `text` (at < text.size()).
Utf8Char decode_utf8(std::string_view text, std::size_t at);

// The UTF-8 bytes of a code point (U+FFFD for a surrogate or one past U+10FFFF).
std::string encode_utf8(char32_t code_point);

// Whether a byte continues a character rather than starting one: what
// counting characters, as editors number columns, skips.
constexpr bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The longest prefix of `text` of at most `max_bytes` bytes that ends at a
// character boundary, as a length in bytes.
std::size_t utf8_prefix(std::string_view text, std::size_t max_bytes);

// Columns that `text` takes in a terminal: a combining accent none (macOS
// writes "é" in file names as "e" + U+0301), a CJK character or an emoji two,
// a control character none. Ill-formed bytes count as U+FFFD.
std::size_t display_width(std::string_view text);

// `text` cut to at most `max_columns` columns, never inside a character
// cluster (a letter and its accents), ending in "…" when cut.
std::string truncate_to_width(std::string_view text, std::size_t max_columns);

// `text` in Unicode Normalization Form C: composed characters ("e" + U+0301
// becomes "é"), as most terminals and every French keyboard write them.
// Ill-formed bytes become U+FFFD first.
std::string nfc(std::string_view text);

// `text` with its first character lowered or raised (Unicode's simple case
// mapping: "Établissement" ↔ "établissement", "Œuvre" ↔ "œuvre"); the rest
// as it is.
std::string lower_first_char(std::string_view text);
std::string upper_first_char(std::string_view text);

// Whether the first character of `text` is a capital letter (one with a
// lower-case form).
bool starts_with_capital_letter(std::string_view text);

}  // namespace cls
