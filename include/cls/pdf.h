// SPDX-License-Identifier: EUPL-1.2
// PDF documents (SPEC §9): the HTML document rendered by WeasyPrint, run as a
// child process, its print CSS (A4, margins, page numbers, the letters'
// layout) doing the layout. This module is the only one that starts a
// program; it returns the PDF's bytes, which the commands write through
// output_file.h like any other output.
//
// WeasyPrint is given the HTML in a temporary file of a private, empty
// folder (its base URL, so that a relative address finds nothing), and an
// environment whose HTTP, HTTPS and FTP proxies are a closed local port, so
// that nothing in a document can make it fetch from the network. The
// documents need nothing from outside: their CSS and pictures are inline, and
// Markdown images became links (markdown.h). SOURCE_DATE_EPOCH is pinned so
// that the same HTML gives the same bytes (WeasyPrint's font subsets bear a
// date otherwise).
#pragma once
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cls {

// WeasyPrint is missing or failed: the message says which and what to do.
struct PdfError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The WeasyPrint program: CLS_WEASYPRINT when set (a path, or a name looked
// up on PATH), else `weasyprint` on PATH. Throws PdfError, saying how to
// install it, when there is none: the commands call it before any work.
std::string find_weasyprint();

// One HTML document as a PDF. Throws PdfError.
std::string html_to_pdf(const std::string& html);

// Letters, each its own PDF, from one WeasyPrint run: `html` holds them one
// after the other, the first element of letter i bearing
// data-cls-letter="keys[i]". Each such element becomes an entry of the PDF's
// outline (a user style sheet that also silences every other bookmark), whose
// page is where that letter starts; the PDF is then cut there (libqpdf).
// When the marks are not there or not in that order (a project's own
// template without them), each letter is rendered alone, from
// `letter_html(i)`. Throws PdfError.
std::vector<std::string> html_letters_to_pdfs(const std::string& html, const std::vector<std::string>& keys,
                                              const std::function<std::string(std::size_t)>& letter_html);

// The pages at which the outline entries titled `keys[i]` point, one per key
// in order, the first one 0; empty when the PDF's top-level outline is not
// exactly that. With them, the pieces of `pdf` from each start to the next.
// Exposed for the tests.
std::vector<std::size_t> letter_starts(const std::string& pdf, const std::vector<std::string>& keys);
std::vector<std::string> split_pdf(const std::string& pdf, const std::vector<std::size_t>& starts);

}  // namespace cls
