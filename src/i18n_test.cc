// SPDX-License-Identifier: EUPL-1.2
#include "cls/i18n.h"

#include <doctest/doctest.h>

using namespace cls;

// The unit tests run without init_messages(), in the "C" locale: messages
// are the English ones. The French catalogue is tested end to end
// (tests/cases/i18n-*), its contents by tests/po_check.py.
TEST_CASE("without a catalogue, messages are the English ones, plurals too") {
  CHECK(std::string(tr("cannot write to standard output")) == "cannot write to standard output");
  CHECK(std::string(tr("")) == "");  // not the catalogue's header
  CHECK(std::string(trn("{} file", "{} files", 1)) == "{} file");
  CHECK(std::string(trn("{} file", "{} files", 0)) == "{} files");
  CHECK(trnf("{} file", "{} files", 3, 3) == "3 files");
  CHECK(trf("no such directory: {}", "x") == "no such directory: x");
  CHECK(trf("{errors}, {warnings} in {files}", fmt::arg("errors", "1 error"), fmt::arg("warnings", "0 warnings"),
            fmt::arg("files", "2 files")) == "1 error, 0 warnings in 2 files");
}

TEST_CASE("a broken pattern falls back to the original rather than failing") {
  CHECK(detail::format_message("{} erreur {", "{} error", 2) == "2 error");
  CHECK(detail::format_message("{3}", "{}", "x") == "x");
}
