// SPDX-License-Identifier: EUPL-1.2
#include "cls/i18n.h"

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <langinfo.h>
#include <libintl.h>
#include <system_error>

#ifndef CLS_LOCALEDIR
#define CLS_LOCALEDIR "/usr/share/locale"
#endif
#ifndef CLS_LOCALEDIR_FROM_BINDIR
#define CLS_LOCALEDIR_FROM_BINDIR "../share/locale"
#endif

namespace cls {

namespace fs = std::filesystem;

namespace {

std::string& directory() {
  static std::string d;
  return d;
}

// Where the catalogues are, in the order of init_messages()'s comment.
std::string find_catalogues() {
  if (const char* env = std::getenv("CLS_LOCALEDIR"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path bindir = exe.parent_path();
    if (fs::is_directory(bindir / "locale", ec)) return (bindir / "locale").string();
    const fs::path installed = (bindir / CLS_LOCALEDIR_FROM_BINDIR).lexically_normal();
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  return CLS_LOCALEDIR;
}

}  // namespace

void init_messages() {
  std::setlocale(LC_MESSAGES, "");
  if (!std::setlocale(LC_CTYPE, "") || std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
    if (!std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "C");
  }
  directory() = find_catalogues();
  bindtextdomain(kTextDomain, directory().c_str());
  bind_textdomain_codeset(kTextDomain, "UTF-8");
}

const std::string& messages_directory() { return directory(); }

// gettext maps "" to the catalogue's header: an empty text stays empty.
const char* tr(const char* msgid) { return *msgid ? dgettext(kTextDomain, msgid) : msgid; }

const char* trn(const char* singular, const char* plural, unsigned long n) {
  return dngettext(kTextDomain, singular, plural, n);
}

}  // namespace cls
