// SPDX-License-Identifier: EUPL-1.2
#include "cls/html.h"

#include <doctest/doctest.h>

using namespace cls;

TEST_CASE("html_escape escapes the five special characters") {
  CHECK(html_escape("") == "");
  CHECK(html_escape("Santé & Territoires") == "Santé &amp; Territoires");
  CHECK(html_escape("<script>alert('x')</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  CHECK(html_escape("a\"b") == "a&quot;b");
  CHECK(html_escape("&amp;") == "&amp;amp;");  // text, not markup: escaped again
  CHECK(html_escape("12\u202F000\u00A0€") == "12\u202F000\u00A0€");
}

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
