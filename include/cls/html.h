// SPDX-License-Identifier: EUPL-1.2
// HTML safety (SPEC §5.4): every value taken from the files is escaped before
// it reaches a page.
#pragma once
#include <string>
#include <string_view>

#include "cls/utf8.h"  // sanitize_utf8, for text that may not be UTF-8

namespace cls {

// Escapes & < > " ' so that the text is safe both in element content and in a
// quoted attribute value. Bytes are otherwise copied as they are: pass text
// through sanitize_utf8 first if it may not be UTF-8.
std::string html_escape(std::string_view text);

}  // namespace cls
