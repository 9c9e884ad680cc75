// SPDX-License-Identifier: EUPL-1.2
// WeasyPrint as a child process: found or missing, what it is given (a
// private folder, no network, a pinned date), and letters cut into one PDF
// each. The cutting is tested with the real WeasyPrint when it is installed
// (the CI installs it); the rest with stand-in programs.
#include "cls/pdf.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace cls;

namespace {

// CLS_WEASYPRINT set for the scope of a test, then restored.
struct WeasyPrintIs {
  std::string before;
  bool had = false;
  explicit WeasyPrintIs(const std::string& program) {
    if (const char* v = std::getenv("CLS_WEASYPRINT")) {
      had = true;
      before = v;
    }
    if (program.empty()) ::unsetenv("CLS_WEASYPRINT");
    else ::setenv("CLS_WEASYPRINT", program.c_str(), 1);
  }
  ~WeasyPrintIs() {
    if (had) ::setenv("CLS_WEASYPRINT", before.c_str(), 1);
    else ::unsetenv("CLS_WEASYPRINT");
  }
};

struct Folder {
  fs::path root;
  Folder() {
    std::string tmpl = (fs::temp_directory_path() / "cls-pdf-test-XXXXXX").string();
    root = ::mkdtemp(tmpl.data());
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  // An executable shell script.
  std::string script(const std::string& name, const std::string& body) const {
    const fs::path p = root / name;
    std::ofstream(p) << "#!/bin/sh\n" << body;
    ::chmod(p.c_str(), 0755);
    return p.string();
  }
};

std::string error_of(const std::string& html) {
  try {
    html_to_pdf(html);
  } catch (const PdfError& e) {
    return e.what();
  }
  return "";
}

bool real_weasyprint() {
  WeasyPrintIs unset("");
  try {
    find_weasyprint();
    return true;
  } catch (const PdfError&) {
    return false;
  }
}

std::size_t pages(const std::string& pdf) {
  std::size_t n = 0;
  for (std::size_t at = pdf.find("/Type /Page"); at != std::string::npos; at = pdf.find("/Type /Page", at + 1)) {
    if (pdf.compare(at, 12, "/Type /Pages") != 0) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("a missing WeasyPrint is named, with how to install it") {
  {
    WeasyPrintIs missing("/nonexistent/weasyprint");
    const std::string e = error_of("<p>x</p>");
    CHECK(e.find("CLS_WEASYPRINT names /nonexistent/weasyprint") != std::string::npos);
    CHECK(e.find("apt-get install weasyprint") != std::string::npos);
  }
  {
    WeasyPrintIs not_on_path("no-such-program-cls-test");
    CHECK(error_of("<p>x</p>").find("apt-get install weasyprint") != std::string::npos);
  }
}

TEST_CASE("WeasyPrint runs with no network, a pinned date, in a private folder") {
  Folder f;
  // A stand-in that writes its environment and arguments where the PDF goes.
  const std::string fake = f.script("weasyprint", "for out; do :; done\n"
                                                  "{ echo '%PDF-1.7'; env; echo \"args: $*\"; } > \"$out\"\n");
  WeasyPrintIs stand_in(fake);
  ::setenv("https_proxy", "http://proxy.example:3128", 1);
  const std::string seen = html_to_pdf("<p>x</p>");
  ::unsetenv("https_proxy");
  CHECK(seen.rfind("%PDF-", 0) == 0);
  for (const char* v : {"http_proxy=http://127.0.0.1:9", "https_proxy=http://127.0.0.1:9", "HTTPS_PROXY=http://127.0.0.1:9",
                        "all_proxy=http://127.0.0.1:9", "SOURCE_DATE_EPOCH=315532800"}) {
    CHECK_MESSAGE(seen.find(std::string("\n") + v + "\n") != std::string::npos, v);
  }
  CHECK(seen.find("proxy.example") == std::string::npos);
  CHECK(seen.find("--base-url file:///") != std::string::npos);
  CHECK(seen.find("--encoding utf-8") != std::string::npos);
  // The private folder is gone once the PDF is read.
  const std::size_t at = seen.find("--base-url file://");
  const std::string base = seen.substr(at + 18, seen.find(' ', at + 18) - at - 18);
  CHECK_FALSE(fs::exists(base));
}

TEST_CASE("a failing WeasyPrint is an error that says why") {
  Folder f;
  {
    WeasyPrintIs failing(f.script("weasyprint", "echo 'Traceback (most recent call last):' >&2\n"
                                                "echo 'OSError: cannot load font' >&2\nexit 1\n"));
    CHECK(error_of("<p>x</p>").find("failed with exit status 1: OSError: cannot load font") != std::string::npos);
  }
  {
    WeasyPrintIs silent(f.script("weasyprint2", "exit 0\n"));
    CHECK(error_of("<p>x</p>").find("wrote no PDF") != std::string::npos);
  }
}

TEST_CASE("letters rendered once, cut at their marks") {
  if (!real_weasyprint()) {
    MESSAGE("weasyprint is not installed: letters not cut here (the CI installs it)");
    return;
  }
  WeasyPrintIs unset("");
  auto letter = [](const std::string& key, int paragraphs) {
    std::string html = "<article style=\"break-before: page\" data-cls-letter=\"" + key + "\"><h1>Lettre " + key + "</h1>";
    for (int i = 0; i < paragraphs; ++i) html += "<p style=\"height: 40mm\">Paragraphe</p>";
    return html + "</article>";
  };
  const std::vector<std::string> keys{"a.martin", "b.durand", "cc-saintois"};
  // The second letter runs onto a second page.
  const std::string html = "<html><body>" + letter(keys[0], 1) + letter(keys[1], 8) + letter(keys[2], 1) + "</body></html>";
  int fallback_calls = 0;
  const std::vector<std::string> pdfs = html_letters_to_pdfs(html, keys, [&](std::size_t) {
    ++fallback_calls;
    return std::string();
  });
  REQUIRE(pdfs.size() == 3);
  CHECK(fallback_calls == 0);
  CHECK(pages(pdfs[0]) == 1);
  CHECK(pages(pdfs[1]) == 2);
  CHECK(pages(pdfs[2]) == 1);
  for (const std::string& pdf : pdfs) CHECK(pdf.rfind("%PDF-", 0) == 0);

  // Marks that do not match the letters (a project's own template without
  // them) make each letter be rendered alone: tests/cases/pdf-letters.
  CHECK(letter_starts("not a PDF", keys).empty());
}
