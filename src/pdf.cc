// SPDX-License-Identifier: EUPL-1.2
#include "cls/pdf.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

// qpdf 11: no PointerHolder in what we use (see qpdf/PointerHolder.hh).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

extern char** environ;

namespace cls {

namespace fs = std::filesystem;

namespace {

constexpr const char* kInstall = "install it with `apt-get install weasyprint`";

bool executable_file(const fs::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(p.c_str(), X_OK) == 0;
}

std::string on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    const std::size_t colon = rest.find(':');
    const std::string dir(rest.substr(0, colon));
    const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
    if (executable_file(candidate)) return candidate.string();
    if (colon == std::string_view::npos) return "";
    rest.remove_prefix(colon + 1);
  }
}

// A private folder for WeasyPrint's input and output, removed with all it
// holds whatever happens.
class Scratch {
 public:
  Scratch() {
    const char* tmp = std::getenv("TMPDIR");
    std::string tmpl = (fs::path(tmp && *tmp ? tmp : "/tmp") / "cls-pdf-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) {
      throw PdfError("cannot write a PDF: cannot create a temporary folder in " +
                     fs::path(tmpl).parent_path().string() + ": " + std::strerror(errno));
    }
    dir_ = tmpl;
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  fs::path operator/(const char* name) const { return dir_ / name; }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

void put(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) throw PdfError("cannot write a PDF: cannot write the temporary file " + path.string());
}

std::string get(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The last line that says something: Python ends a failure with the error.
std::string last_line(const std::string& text) {
  std::string last, line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
  }
  while (!last.empty() && (last.back() == '\r' || last.back() == ' ')) last.pop_back();
  return last;
}

// The child's environment: ours, with every proxy pointing at a closed port
// (urllib, which WeasyPrint fetches with, honours them) and the date of its
// font subsets pinned.
std::vector<std::string> child_environment() {
  static constexpr const char* kDropped[] = {"http_proxy", "https_proxy", "ftp_proxy", "all_proxy", "no_proxy",
                                             "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "ALL_PROXY", "NO_PROXY",
                                             "SOURCE_DATE_EPOCH"};
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    const std::string_view entry(*e);
    const std::string_view name = entry.substr(0, entry.find('='));
    bool dropped = false;
    for (const char* d : kDropped) dropped = dropped || name == d;
    if (!dropped) env.emplace_back(entry);
  }
  for (const char* proxy : {"http_proxy", "https_proxy", "ftp_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                            "FTP_PROXY", "ALL_PROXY"}) {
    env.push_back(std::string(proxy) + "=http://127.0.0.1:9");
  }
  env.emplace_back("SOURCE_DATE_EPOCH=315532800");  // 1980-01-01, as zip files date their entries
  return env;
}

// Runs WeasyPrint on `html` (with the user style sheet `css` when not empty)
// and returns the PDF.
std::string run_weasyprint(const std::string& html, const std::string& css) {
  const std::string program = find_weasyprint();
  Scratch scratch;
  const fs::path input = scratch / "document.html", output = scratch / "document.pdf",
                 errors = scratch / "weasyprint.err", sheet = scratch / "letters.css";
  put(input, html);
  std::vector<std::string> args{program, "--encoding", "utf-8", "--base-url", "file://" + scratch.dir().string() + "/"};
  if (!css.empty()) {
    put(sheet, css);
    args.insert(args.end(), {"--stylesheet", sheet.string()});
  }
  args.insert(args.end(), {input.string(), output.string()});

  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env = child_environment();
  std::vector<char*> envp;
  for (std::string& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw PdfError("cannot write a PDF: cannot run " + program + ": " + std::strerror(spawned) + " (" +
                   kInstall + ")");
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw PdfError("cannot write a PDF: lost track of WeasyPrint: " + std::string(std::strerror(errno)));
  }
  if (WIFSIGNALED(status)) {
    throw PdfError("cannot write a PDF: WeasyPrint (" + program + ") was killed by signal " +
                   std::to_string(WTERMSIG(status)));
  }
  if (WEXITSTATUS(status) != 0) {
    const std::string why = last_line(get(errors));
    // A shell's "command not found" (127) or "not executable" (126), when
    // CLS_WEASYPRINT names a script that cannot start.
    const bool missing = WEXITSTATUS(status) == 127 || WEXITSTATUS(status) == 126;
    throw PdfError("cannot write a PDF: WeasyPrint (" + program + ") failed with exit status " +
                   std::to_string(WEXITSTATUS(status)) + (why.empty() ? "" : ": " + why) +
                   (missing ? std::string(" (") + kInstall + ")" : ""));
  }
  std::string pdf = get(output);
  if (pdf.rfind("%PDF-", 0) != 0) {
    throw PdfError("cannot write a PDF: WeasyPrint (" + program + ") wrote no PDF");
  }
  return pdf;
}

// Every letter mark is a top-level bookmark titled with its key; nothing else is.
constexpr const char* kLetterMarks =
    "* { bookmark-level: none !important; }\n"
    "[data-cls-letter] { bookmark-level: 1 !important; bookmark-label: attr(data-cls-letter) !important; }\n";

}  // namespace

std::string find_weasyprint() {
  if (const char* named = std::getenv("CLS_WEASYPRINT"); named && *named) {
    const std::string name(named);
    const std::string found = name.find('/') != std::string::npos ? (executable_file(name) ? name : "") : on_path(name);
    if (found.empty()) {
      throw PdfError("cannot write a PDF: CLS_WEASYPRINT names " + name +
                     ", which is not a program that can be run (unset it to use weasyprint from PATH, or " +
                     kInstall + ")");
    }
    return found;
  }
  std::string found = on_path("weasyprint");
  if (found.empty()) {
    throw PdfError(std::string("cannot write a PDF: WeasyPrint is not installed (") + kInstall +
                   ", or name its program in CLS_WEASYPRINT)");
  }
  return found;
}

std::string html_to_pdf(const std::string& html) { return run_weasyprint(html, ""); }

std::vector<std::size_t> letter_starts(const std::string& pdf, const std::vector<std::string>& keys) {
  try {
    QPDF doc;
    doc.setSuppressWarnings(true);
    doc.processMemoryFile("WeasyPrint's PDF", pdf.data(), pdf.size());
    std::vector<QPDFObjGen> pages;
    for (QPDFPageObjectHelper& p : QPDFPageDocumentHelper(doc).getAllPages()) {
      pages.push_back(p.getObjectHandle().getObjGen());
    }
    QPDFOutlineDocumentHelper outline(doc);
    std::vector<QPDFOutlineObjectHelper> marks = outline.getTopLevelOutlines();
    if (marks.size() != keys.size()) return {};
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < marks.size(); ++i) {
      if (marks[i].getTitle() != keys[i]) return {};
      QPDFObjectHandle page = marks[i].getDestPage();
      if (!page.isIndirect()) return {};
      std::size_t at = 0;
      while (at < pages.size() && pages[at] != page.getObjGen()) ++at;
      // Strictly increasing from the first page: each letter has pages of its own.
      if (at == pages.size() || (i == 0 ? at != 0 : at <= starts.back())) return {};
      starts.push_back(at);
    }
    return starts;
  } catch (const std::exception&) {
    return {};
  }
}

std::vector<std::string> split_pdf(const std::string& pdf, const std::vector<std::size_t>& starts) {
  try {
    QPDF doc;
    doc.setSuppressWarnings(true);
    doc.processMemoryFile("WeasyPrint's PDF", pdf.data(), pdf.size());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(doc).getAllPages();
    QPDFObjectHandle info = doc.getTrailer().getKey("/Info");
    std::vector<std::string> pieces;
    for (std::size_t i = 0; i < starts.size(); ++i) {
      const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : pages.size();
      QPDF piece;
      piece.setSuppressWarnings(true);
      piece.emptyPDF();
      QPDFPageDocumentHelper piece_pages(piece);
      for (std::size_t p = starts[i]; p < end && p < pages.size(); ++p) piece_pages.addPage(pages[p], false);
      // The title and producer WeasyPrint wrote, for every piece.
      if (info.isIndirect()) piece.getTrailer().replaceKey("/Info", piece.copyForeignObject(info));
      QPDFWriter writer(piece);
      writer.setOutputMemory();
      writer.setDeterministicID(true);
      writer.write();
      std::shared_ptr<Buffer> bytes = writer.getBufferSharedPointer();
      pieces.emplace_back(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
    }
    return pieces;
  } catch (const std::exception& e) {
    throw PdfError(std::string("cannot write the PDF letters: cannot cut WeasyPrint's PDF: ") + e.what());
  }
}

std::vector<std::string> html_letters_to_pdfs(const std::string& html, const std::vector<std::string>& keys,
                                              const std::function<std::string(std::size_t)>& letter_html) {
  if (keys.empty()) return {};
  // Marks missing (a project's own template): no use running WeasyPrint on
  // the whole to find none.
  std::size_t marks = 0;
  for (std::size_t at = html.find(" data-cls-letter="); at != std::string::npos; at = html.find(" data-cls-letter=", at + 1)) {
    ++marks;
  }
  if (keys.size() > 1 && marks == keys.size()) {
    const std::string whole = run_weasyprint(html, kLetterMarks);
    if (std::vector<std::size_t> starts = letter_starts(whole, keys); !starts.empty()) return split_pdf(whole, starts);
  }
  std::vector<std::string> pdfs;
  for (std::size_t i = 0; i < keys.size(); ++i) pdfs.push_back(html_to_pdf(letter_html(i)));
  return pdfs;
}

}  // namespace cls
