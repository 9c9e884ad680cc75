// SPDX-License-Identifier: EUPL-1.2
// Markdown fields (SPEC §1.1: `description`, `summary`, `notes`, GitHub
// flavour) rendered into documents, without letting a file inject markup
// (SPEC §5.4).
#pragma once
#include <string>
#include <string_view>

namespace cls {

// An HTML fragment from a Markdown field: CommonMark plus the GFM tables,
// strikethrough and autolinks. Nothing in the field becomes live markup: raw
// HTML shows as literal text ("<script>" reads "<script>"), a link or image to
// javascript:, vbscript:, file: or data: keeps only its text, and an image
// becomes a link to it (a document fetches nothing when opened).
// `heading_offset` pushes the field's headings down (a "# Titre" becomes <h3>
// with 2) so that they sit under the document's own; levels stop at 6.
// Ill-formed UTF-8 becomes U+FFFD.
std::string markdown_to_html(std::string_view markdown, int heading_offset = 0);

// A Markdown field made ready to paste into a Markdown document, as a block:
//  - line endings become \n, leading blank lines and trailing blank space go
//    (the template owns the spacing around the block: put it between blank
//    lines);
//  - every non-empty line is indented by `indent` spaces, so that the block can
//    continue a list item (indent 3 under "1. ", 2 under "- ");
//  - the text is passed through as written, except when it holds something that
//    would leak out of the block or be live markup once the document is turned
//    into HTML: raw HTML, a javascript:-like link, or a code fence left open
//    (which would swallow the rest of the document). Then the field is
//    re-rendered by cmark from its parse tree with that raw HTML as literal
//    text, unsafe links reduced to their text and the fence closed; the meaning is
//    kept but the layout is cmark's (e.g. "  - item" for "* item").
std::string markdown_to_markdown(std::string_view markdown, int indent = 0);

// A plain value (a name, a title, a task) made literal inside Markdown text:
// a backslash goes before the characters that could start emphasis, code, a
// link, raw HTML, a table cell boundary or an entity (\ ` * _ ~ [ ] < | &),
// and before a block marker at the start ("# ", ">", "- ", "+ ", "1. ", "1) ",
// a line of - or =), so the value can also open a line or a list item
// ("+33 3 83…" and "3.5 ETP" are not markers and stay as they are). `_` inside a word and `&` outside
// an entity-like "&name;" are left alone, to keep e-mail addresses and
// "Santé & Territoires" as they are. Line breaks become spaces: a value is
// inline, and a newline in a table row would end it.
std::string markdown_escape(std::string_view text);

// A Markdown document as the text part of an e-mail, which a person reads
// as it is and no forge renders: the marks markdown_escape() adds only to
// stop GFM's autolinks (a word joiner before "@", a backslash in "www\."
// and "scheme\://") are taken out, so that addresses and links read, copy
// and open as written. Every other escape stays.
std::string markdown_for_plain_text(std::string_view markdown);

}  // namespace cls
