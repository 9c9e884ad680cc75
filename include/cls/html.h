// SPDX-License-Identifier: EUPL-1.2
// HTML safety (SPEC §5.4): every value taken from the files is escaped before
// it reaches a page.
#pragma once
#include <string>
#include <string_view>

namespace cls {

// Escapes & < > " ' so that the text is safe both in element content and in a
// quoted attribute value. Bytes are otherwise copied as they are: pass text
// through sanitize_utf8 first if it may not be UTF-8.
std::string html_escape(std::string_view text);

// Whether `text` is well-formed UTF-8 (no overlongs, surrogates or code
// points above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD, one per
// maximal ill-formed subpart (the Unicode recommendation, as browsers do).
// Input files are validated upstream; this is the defensive last step for text
// that reaches an output.
std::string sanitize_utf8(std::string_view text);

}  // namespace cls
