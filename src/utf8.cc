// SPDX-License-Identifier: EUPL-1.2
#include "cls/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <unicase.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <uniwidth.h>

namespace cls {

namespace {

// The encoding libunistring's width tables are asked about: in UTF-8, the
// characters of "ambiguous" width (East Asian legacy sets) take one column.
constexpr const char* kEncoding = "UTF-8";

const std::uint8_t* bytes_of(std::string_view s) { return reinterpret_cast<const std::uint8_t*>(s.data()); }

}  // namespace

Utf8Char decode_utf8(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(at);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t len;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // UTF-16 surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {0xFFFD, 1, false};  // a continuation byte, C0/C1 (overlong) or F5..FF
  }
  for (std::size_t k = 1; k < len; ++k) {
    if (at + k >= text.size()) return {0xFFFD, k, false};
    const unsigned char b = byte(at + k);
    const bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) return {0xFFFD, k, false};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len, true};
}

std::size_t find_invalid_utf8(std::string_view s) {
  const auto* p = bytes_of(s);
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Most of a project is ASCII: skip it eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::copy_n(p + i, 8, reinterpret_cast<unsigned char*>(&word));
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(s, i);
    if (!c.valid) return i;
    i += c.size;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view text) { return find_invalid_utf8(text) == std::string_view::npos; }

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    if (c.valid) out.append(text.substr(i, c.size));
    else out += "\uFFFD";
    i += c.size;
  }
  return out;
}

std::string encode_utf8(char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

std::size_t utf8_prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  std::size_t cut = max_bytes;
  while (cut > 0 && is_utf8_continuation(text[cut])) --cut;
  return cut;
}

std::size_t display_width(std::string_view text) {
  if (!is_valid_utf8(text)) return display_width(sanitize_utf8(text));
  // u8_width skips what has no width (control characters count -1 in uc_width).
  return static_cast<std::size_t>(u8_width(bytes_of(text), text.size(), kEncoding));
}

std::string truncate_to_width(std::string_view text, std::size_t max_columns) {
  if (display_width(text) <= max_columns) return std::string(text);
  if (max_columns == 0) return {};
  const std::string valid = sanitize_utf8(text);
  const std::uint8_t* begin = bytes_of(valid);
  const std::uint8_t* end = begin + valid.size();
  const std::size_t room = max_columns - 1;  // "…" takes one column
  std::size_t used = 0;
  const std::uint8_t* at = begin;
  while (at < end) {
    const std::uint8_t* next = u8_grapheme_next(at, end);
    if (!next) break;
    const auto w = static_cast<std::size_t>(u8_width(at, static_cast<std::size_t>(next - at), kEncoding));
    if (used + w > room) break;
    used += w;
    at = next;
  }
  return valid.substr(0, static_cast<std::size_t>(at - begin)) + "…";
}

std::string nfc(std::string_view text) {
  if (!is_valid_utf8(text)) return nfc(sanitize_utf8(text));
  // ASCII is in every normalisation form already.
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(text);
  }
  std::size_t length = 0;
  std::unique_ptr<std::uint8_t, decltype(&std::free)> out(
      u8_normalize(UNINORM_NFC, bytes_of(text), text.size(), nullptr, &length), &std::free);
  if (!out) return std::string(text);  // out of memory: the text as it came
  return std::string(reinterpret_cast<const char*>(out.get()), length);
}

namespace {

std::string map_first_char(std::string_view text, ucs4_t (*map)(ucs4_t)) {
  if (text.empty()) return {};
  const Utf8Char first = decode_utf8(text, 0);
  if (!first.valid) return std::string(text);
  const auto mapped = static_cast<char32_t>(map(first.code_point));
  if (mapped == first.code_point) return std::string(text);
  return encode_utf8(mapped) + std::string(text.substr(first.size));
}

}  // namespace

std::string lower_first_char(std::string_view text) { return map_first_char(text, uc_tolower); }
std::string upper_first_char(std::string_view text) { return map_first_char(text, uc_toupper); }

bool starts_with_capital_letter(std::string_view text) {
  if (text.empty()) return false;
  const Utf8Char first = decode_utf8(text, 0);
  return first.valid && uc_tolower(first.code_point) != first.code_point;
}

}  // namespace cls
