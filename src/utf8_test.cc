// SPDX-License-Identifier: EUPL-1.2
#include "cls/utf8.h"

#include <doctest/doctest.h>

using namespace cls;

TEST_CASE("is_valid_utf8") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("déjà vu \u202F € 𝄞"));
  CHECK(!is_valid_utf8("\xC3"));              // truncated
  CHECK(!is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK(!is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK(!is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK(!is_valid_utf8("\x80"));              // lone continuation
  CHECK(!is_valid_utf8("\xFF"));
}

TEST_CASE("sanitize_utf8 replaces ill-formed sequences with U+FFFD") {
  CHECK(sanitize_utf8("déjà") == "déjà");
  CHECK(sanitize_utf8("a\xFF" "b") == "a\uFFFD" "b");
  CHECK(sanitize_utf8("caf\xE9") == "caf\uFFFD");           // Latin-1 é
  CHECK(sanitize_utf8("\xE2\x82") == "\uFFFD");             // truncated €: one subpart
  CHECK(sanitize_utf8("\xE2\x82x") == "\uFFFDx");
  CHECK(sanitize_utf8("\xC0\xAF") == "\uFFFD\uFFFD");       // C0 is never valid
  CHECK(sanitize_utf8("\xED\xA0\x80") == "\uFFFD\uFFFD\uFFFD");
  CHECK(sanitize_utf8("\xF0\x9D\x84") == "\uFFFD");         // truncated 𝄞
  CHECK(is_valid_utf8(sanitize_utf8("\x80\x81\xC3\xC3\xA9")));
  CHECK(sanitize_utf8("\xC3\xC3\xA9") == "\uFFFDé");
}

TEST_CASE("find_invalid_utf8") {
  CHECK(find_invalid_utf8("") == std::string_view::npos);
  CHECK(find_invalid_utf8("Réunion – 3 € 😀") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\x80") == 2);
  CHECK(find_invalid_utf8("\xf5\x80\x80\x80") == 0);
  CHECK(find_invalid_utf8("\xe0\x80\x80") == 0);  // overlong 3-byte
}

TEST_CASE("decode_utf8 reads one code point, or U+FFFD for the maximal ill-formed subpart") {
  const auto at = [](std::string_view s, std::size_t i = 0) { return decode_utf8(s, i); };
  CHECK(at("a").code_point == U'a');
  CHECK(at("é").code_point == U'é');
  CHECK(at("é").size == 2);
  CHECK(at("x€", 1).code_point == U'€');
  CHECK(at("😀").code_point == U'😀');
  CHECK(at("😀").size == 4);
  CHECK(at("😀").valid);
  const Utf8Char bad = at("\xE2\x82x");  // a truncated €
  CHECK(!bad.valid);
  CHECK(bad.code_point == 0xFFFD);
  CHECK(bad.size == 2);
  CHECK(at("\x80").size == 1);
  CHECK(at("\xED\xA0\x80").size == 1);  // a surrogate: E0 alone is the subpart
  CHECK(!at("\xF4\x90\x80\x80").valid);
  // Whatever the bytes, a loop over decode_utf8 ends and covers them all.
  const std::string junk = "\xF0\x9D\x84\xC3\xFF\xE2\x82\xAC\x80z";
  std::size_t i = 0;
  std::u32string seen;
  while (i < junk.size()) {
    const Utf8Char c = decode_utf8(junk, i);
    REQUIRE(c.size >= 1);
    seen += c.code_point;
    i += c.size;
  }
  CHECK(i == junk.size());
  CHECK(seen == U"\uFFFD\uFFFD\uFFFD€\uFFFDz");
}

TEST_CASE("encode_utf8 writes 1 to 4 bytes, and U+FFFD for what is no character") {
  CHECK(encode_utf8(U'A') == "A");
  CHECK(encode_utf8(U'é') == "é");
  CHECK(encode_utf8(0xE000) == "\xEE\x80\x80");
  CHECK(encode_utf8(U'😀') == "😀");
  CHECK(encode_utf8(0xD800) == "\uFFFD");
  CHECK(encode_utf8(0x110000) == "\uFFFD");
  for (const char32_t cp : {U'\x7F', U'\x80', U'\u07FF', U'\u0800', U'\uFFFF', U'\U00010000', U'\U0010FFFF'}) {
    const std::string s = encode_utf8(cp);
    CHECK(decode_utf8(s, 0).code_point == cp);
    CHECK(decode_utf8(s, 0).size == s.size());
  }
}

TEST_CASE("utf8_prefix never ends inside a character") {
  CHECK(utf8_prefix("abc", 10) == 3);
  CHECK(utf8_prefix("abc", 2) == 2);
  CHECK(utf8_prefix("aé", 2) == 1);  // 'a' and the first byte of é
  CHECK(utf8_prefix("aé", 3) == 3);
  CHECK(utf8_prefix("😀😀", 7) == 4);
  CHECK(utf8_prefix("😀", 3) == 0);
  CHECK(is_utf8_continuation("é"[1]));
  CHECK(!is_utf8_continuation('a'));
}

TEST_CASE("display_width counts terminal columns, not code points") {
  CHECK(display_width("") == 0);
  CHECK(display_width("Lorraine") == 8);
  CHECK(display_width("Épinal") == 6);                 // NFC: é is one code point
  CHECK(display_width("E\u0301pinal") == 6);           // NFD, as macOS writes names: 7 code points
  CHECK(display_width("東京") == 4);                    // wide characters
  CHECK(display_width("santé 😀") == 8);               // an emoji is two columns
  CHECK(display_width("a\u200Bb") == 2);               // a zero-width space takes none
  CHECK(display_width("a\x01" "b") == 2);              // nor does a control character
  CHECK(display_width("caf\xE9") == 4);                // ill-formed: U+FFFD, one column
}

TEST_CASE("truncate_to_width cuts at a cluster boundary, within the width, with an ellipsis") {
  CHECK(truncate_to_width("Nancy", 5) == "Nancy");
  CHECK(truncate_to_width("Nancy", 4) == "Nan…");
  CHECK(truncate_to_width("Nancy", 0) == "");
  // The accent of a decomposed é stays with its letter.
  CHECK(truncate_to_width("Re\u0301union", 3) == "Re\u0301…");
  CHECK(truncate_to_width("Réunion", 3) == "Ré…");
  // A wide character that would cross the limit is left out whole.
  CHECK(truncate_to_width("ab東京", 4) == "ab…");
  CHECK(display_width(truncate_to_width("ab東京", 4)) == 3);
  CHECK(truncate_to_width("東京都庁", 5) == "東京…");
  CHECK(is_valid_utf8(truncate_to_width("caf\xE9 de la gare", 6)));
}

TEST_CASE("nfc composes what macOS decomposes") {
  CHECK(nfc("Re\u0301union") == "Réunion");
  CHECK(nfc("Réunion") == "Réunion");
  CHECK(nfc("plain ascii") == "plain ascii");
  CHECK(nfc("") == "");
  CHECK(nfc("E\u0301tat") == "État");
  CHECK(nfc("caf\xE9") == "caf\uFFFD");
  CHECK(nfc("\u212B") == "\u00C5");  // the ångström sign is the letter Å
}

TEST_CASE("first-character case follows Unicode, beyond Latin-1") {
  CHECK(lower_first_char("Comité") == "comité");
  CHECK(lower_first_char("Établissement") == "établissement");
  CHECK(lower_first_char("Œuvre") == "œuvre");
  CHECK(upper_first_char("établissement") == "Établissement");
  CHECK(upper_first_char("œuvre") == "Œuvre");
  CHECK(upper_first_char("") == "");
  CHECK(upper_first_char("1er") == "1er");
  CHECK(upper_first_char("\xE9t\xE9") == "\xE9t\xE9");  // not UTF-8: left alone
  CHECK(starts_with_capital_letter("CTS"));
  CHECK(starts_with_capital_letter("Été"));
  CHECK(starts_with_capital_letter("Œ"));
  CHECK(!starts_with_capital_letter("été"));
  CHECK(!starts_with_capital_letter("×"));
  CHECK(!starts_with_capital_letter("3"));
  CHECK(!starts_with_capital_letter(""));
}
