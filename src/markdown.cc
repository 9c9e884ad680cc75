// SPDX-License-Identifier: EUPL-1.2
#include "cls/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <vector>

#include "cls/html.h"

namespace cls {

namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
struct CharsDeleter {
  void operator()(char* s) const { std::free(s); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

// CMARK_OPT_SAFE is a no-op in cmark-gfm 0.29 (safe is the default unless
// CMARK_OPT_UNSAFE is given); it is kept to say the intent, and so that an
// older library would also be safe.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;

// The parser must outlive the document when rendering HTML: the extension list
// handed to the renderer belongs to it.
struct Parsed {
  ParserPtr parser;
  NodePtr doc;
};

Parsed parse(std::string_view markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  ParserPtr parser{cmark_parser_new(kOptions)};
  if (!parser) throw std::bad_alloc();
  // tagfilter is GitHub's own filter of dangerous raw tags; with raw HTML
  // already dropped it is only a second belt.
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    cmark_syntax_extension* ext = cmark_find_syntax_extension(name);
    if (!ext) throw std::runtime_error(std::string("cmark-gfm extension missing: ") + name);
    cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  NodePtr doc{cmark_parser_finish(parser.get())};
  if (!doc) throw std::bad_alloc();
  return {std::move(parser), std::move(doc)};
}

template <class F>
void for_each_node(cmark_node* root, F&& f) {
  std::unique_ptr<cmark_iter, IterDeleter> it{cmark_iter_new(root)};
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    if (ev == CMARK_EVENT_ENTER) f(cmark_iter_get_node(it.get()));
  }
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

// The schemes cmark's safe HTML renderer refuses; data: is refused outright
// here (cmark lets some images through), as a Markdown document has no use
// for it.
bool dangerous_url(std::string_view url) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= ' ') url.remove_prefix(1);
  for (std::string_view scheme : {"javascript:", "vbscript:", "file:", "data:"}) {
    if (starts_with_nocase(url, scheme)) return true;
  }
  return false;
}

bool is_html(cmark_node* n) {
  const cmark_node_type t = cmark_node_get_type(n);
  return t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE;
}

bool is_link(cmark_node* n) {
  const cmark_node_type t = cmark_node_get_type(n);
  return t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

// Whether a fenced code block ends with its closing fence. An open fence runs
// to the end of the field, and would run on through the document it is pasted
// into.
bool fence_is_closed(cmark_node* block, const std::vector<std::string_view>& lines) {
  int fence_length = 0, fence_offset = 0;
  char fence_char = 0;
  if (!cmark_node_get_fenced(block, &fence_length, &fence_offset, &fence_char)) return true;
  const int start = cmark_node_get_start_line(block);
  const int end = cmark_node_get_end_line(block);
  if (end <= start || end < 1 || static_cast<std::size_t>(end) > lines.size()) return false;
  std::string_view last = lines[static_cast<std::size_t>(end - 1)];
  while (!last.empty() && (last.front() == ' ' || last.front() == '\t' || last.front() == '>'))
    last.remove_prefix(1);  // indentation, or the marker of an enclosing quote
  while (!last.empty() && (last.back() == ' ' || last.back() == '\t')) last.remove_suffix(1);
  if (last.size() < static_cast<std::size_t>(fence_length)) return false;
  for (char c : last) {
    if (c != fence_char) return false;
  }
  return true;
}

// Turns raw HTML into literal text, so that the CommonMark renderer escapes it.
void html_to_text(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  std::string_view text = literal ? literal : "";
  if (cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE) {
    cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(t, std::string(text).c_str());
    cmark_node_replace(node, t);
    cmark_node_free(node);
    return;
  }
  // A block becomes a paragraph whose lines are kept apart by soft breaks.
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  cmark_node* para = cmark_node_new(CMARK_NODE_PARAGRAPH);
  bool first = true;
  for (std::string_view line : split_lines(text)) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (!first) cmark_node_append_child(para, cmark_node_new(CMARK_NODE_SOFTBREAK));
    cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(t, std::string(line).c_str());
    cmark_node_append_child(para, t);
    first = false;
  }
  cmark_node_replace(node, para);
  cmark_node_free(node);
}

// A link or image without its target: its text takes its place.
void unlink(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
  cmark_node_free(node);
}

// An image becomes a link to it, with its description as the text: a
// document stays one self-contained file, which fetches nothing when opened.
void image_to_link(cmark_node* image) {
  cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
  cmark_node_set_url(link, cmark_node_get_url(image));
  if (const char* title = cmark_node_get_title(image)) cmark_node_set_title(link, title);
  while (cmark_node* child = cmark_node_first_child(image)) cmark_node_append_child(link, child);
  cmark_node_replace(image, link);
  cmark_node_free(image);
}

// Makes a parsed field harmless wherever it is pasted: raw HTML becomes
// literal text (shown, not run), a link to javascript: & co. becomes its bare
// text; with `images_as_links`, images become links. Returns whether the tree
// changed, as markdown_to_markdown then re-renders it.
bool defuse(cmark_node* doc, bool images_as_links) {
  std::vector<cmark_node*> raw_html, unsafe, images;
  for_each_node(doc, [&](cmark_node* n) {
    if (is_html(n)) {
      raw_html.push_back(n);
    } else if (is_link(n)) {
      const char* url = cmark_node_get_url(n);
      if (url && dangerous_url(url)) {
        unsafe.push_back(n);
      } else if (images_as_links && cmark_node_get_type(n) == CMARK_NODE_IMAGE) {
        images.push_back(n);
      }
    }
  });
  // Changed after the walk: the iterator must not see nodes freed under it.
  // Raw HTML first, as it may sit inside a link that goes next.
  for (cmark_node* n : raw_html) html_to_text(n);
  for (cmark_node* n : unsafe) unlink(n);
  for (cmark_node* n : images) image_to_link(n);
  return !raw_html.empty() || !unsafe.empty() || !images.empty();
}

// Line endings to \n, NUL to U+FFFD, leading blank lines and trailing blank
// space removed.
std::string normalise(std::string_view markdown) {
  std::string text = sanitize_utf8(markdown);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (text[i] == '\0') {
      out += "\uFFFD";  // as CommonMark does when it parses
    } else {
      out += text[i];
    }
  }
  const std::size_t last = out.find_last_not_of(" \t\n");
  if (last == std::string::npos) return {};
  out.erase(last + 1);
  // Leading blank lines, but not the indentation of the first line, which may
  // make it a code block.
  std::size_t begin = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\n') begin = i + 1;
    else if (out[i] != ' ' && out[i] != '\t') break;
  }
  return out.substr(begin);
}

}  // namespace

std::string markdown_to_html(std::string_view markdown, int heading_offset) {
  Parsed p = parse(markdown);
  defuse(p.doc.get(), true);
  if (heading_offset != 0) {
    for_each_node(p.doc.get(), [&](cmark_node* n) {
      if (cmark_node_get_type(n) != CMARK_NODE_HEADING) return;
      int level = cmark_node_get_heading_level(n) + heading_offset;
      level = level < 1 ? 1 : level > 6 ? 6 : level;
      cmark_node_set_heading_level(n, level);
    });
  }
  std::unique_ptr<char, CharsDeleter> html{
      cmark_render_html(p.doc.get(), kOptions, cmark_parser_get_syntax_extensions(p.parser.get()))};
  if (!html) throw std::bad_alloc();
  return html.get();
}

std::string markdown_to_markdown(std::string_view markdown, int indent) {
  std::string text = normalise(markdown);
  if (text.empty()) return text;

  Parsed p = parse(text);
  const std::vector<std::string_view> lines = split_lines(text);
  bool rewrite = false;
  for_each_node(p.doc.get(), [&](cmark_node* n) {
    if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK && !fence_is_closed(n, lines)) {
      rewrite = true;  // the renderer writes the closing fence
    }
  });
  // A link reference definition ("[x]: javascript:…") would define a link
  // for every field of the document, and its text is kept when the field is
  // left as written: a field that may hold one ("]:") is re-rendered, which
  // writes its links inline and leaves no definition (SPEC §13).
  if (text.find("]:") != std::string::npos) rewrite = true;
  // Images stay images: a Markdown document is not one self-contained page.
  rewrite = defuse(p.doc.get(), false) || rewrite;
  if (rewrite) {
    std::unique_ptr<char, CharsDeleter> md{cmark_render_commonmark(p.doc.get(), kOptions, 0)};
    if (!md) throw std::bad_alloc();
    text = normalise(md.get());
  }

  if (indent <= 0) return text;
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  bool first = true;
  for (std::string_view line : split_lines(text)) {
    if (!first) out += '\n';
    if (!line.empty()) out += pad;
    out += line;
    first = false;
  }
  return out;
}

std::string markdown_escape(std::string_view text) {
  const auto alnum = [](char c) {
    // Bytes of non-ASCII letters count as word characters too: "é_x" is a word.
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  };
  std::string out;
  out.reserve(text.size() + 8);
  // A block marker at the start would make the value a heading, a quote, a
  // list item or a rule where the template puts it at the start of a line.
  // Only real markers count: "+33 3 83…" or "3.5 ETP" stay as they are.
  const auto blank_at = [&](std::size_t k) {
    return k >= text.size() || text[k] == ' ' || text[k] == '\t';
  };
  const auto only = [&](std::string_view chars) {
    return text.find_first_not_of(chars) == std::string_view::npos;
  };
  std::size_t i = 0;
  if (!text.empty()) {
    const char c0 = text[0];
    std::size_t digits = 0;
    while (digits < text.size() && digits < 9 && std::isdigit(static_cast<unsigned char>(text[digits])))
      ++digits;
    if (c0 == '>' || (c0 == '#' && blank_at(std::min(text.find_first_not_of('#'), text.size()))) ||
        ((c0 == '-' || c0 == '+') && (blank_at(1) || only("-+ \t"))) || (c0 == '=' && only("= \t"))) {
      out += '\\';
    } else if (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')') &&
               blank_at(digits + 1)) {
      out.append(text.substr(0, digits));
      out += '\\';
      i = digits;
    }
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': case '`': case '*': case '~': case '[': case ']': case '<': case '|':
        out += '\\';
        out += c;
        break;
      case '_': {
        // Inside a word "_" cannot open or close emphasis.
        const bool inside = i > 0 && i + 1 < text.size() && alnum(text[i - 1]) && alnum(text[i + 1]);
        if (!inside) out += '\\';
        out += c;
        break;
      }
      case '&': {
        // Only "&name;", "&#123;" or "&#x1F;" would be read as an entity.
        std::size_t j = i + 1;
        if (j < text.size() && text[j] == '#') ++j;
        const std::size_t name_start = j;
        while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
        if (j > name_start && j < text.size() && text[j] == ';') out += '\\';
        out += c;
        break;
      }
      // GFM's autolink extension (what forges run) makes links of "www.",
      // "scheme://" and e-mail addresses from the raw text, swallowing the
      // backslashes after them ("www.x.org/\<img …>" would be a link then
      // raw HTML). A backslash before the "." of "www." or the ":" of "://"
      // stops it; an e-mail address is not stopped by any escape (its text
      // is joined first), so a WORD JOINER (U+2060, invisible) goes before
      // the "@" that follows a character of an address.
      case '.': {
        const bool www = i >= 3 && (text[i - 1] | 0x20) == 'w' && (text[i - 2] | 0x20) == 'w' &&
                         (text[i - 3] | 0x20) == 'w';
        if (www) out += '\\';
        out += c;
        break;
      }
      case ':':
        if (i + 1 < text.size() && text[i + 1] == '/') out += '\\';
        out += c;
        break;
      case '@':
        if (i > 0 && (alnum(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '+' || text[i - 1] == '-' ||
                      text[i - 1] == '_')) {
          out += "\u2060";
        }
        out += c;
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += ' ';
        break;
      case '\n':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string markdown_for_plain_text(std::string_view markdown) {
  static constexpr std::string_view kWordJoiner = "\u2060";
  std::string out;
  out.reserve(markdown.size());
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    if (markdown.compare(i, kWordJoiner.size(), kWordJoiner) == 0 && i + kWordJoiner.size() < markdown.size() &&
        markdown[i + kWordJoiner.size()] == '@') {
      i += kWordJoiner.size() - 1;  // the "@" is copied next
      continue;
    }
    if (markdown[i] == '\\' && i + 1 < markdown.size()) {
      const char next = markdown[i + 1];
      const bool www = next == '.' && i >= 3 && (markdown[i - 1] | 0x20) == 'w' &&
                       (markdown[i - 2] | 0x20) == 'w' && (markdown[i - 3] | 0x20) == 'w';
      const bool scheme = next == ':' && i + 2 < markdown.size() && markdown[i + 2] == '/';
      if (www || scheme) continue;  // the backslash goes, the character stays
    }
    out += markdown[i];
  }
  return out;
}

}  // namespace cls
