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
