// SPDX-License-Identifier: EUPL-1.2
#include "cls/yaml_tree.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <unordered_map>
#include <unordered_set>
#include <yaml.h>

namespace cls {

namespace {

// "8 MiB", "512 KiB", "100 bytes": sizes rounded up, so that a file just over
// the limit never reads as the limit itself.
std::string human_size(std::size_t n) {
  if (n >= (1u << 20)) return std::to_string((n + (1u << 20) - 1) >> 20) + " MiB";
  if (n >= (1u << 10)) return std::to_string((n + (1u << 10) - 1) >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

}  // namespace

std::string file_too_large(std::size_t size, const YamlLimits& limits) {
  return "the file is too large (" + human_size(size) + ", more than " +
         human_size(limits.max_bytes) + "); split it into several files";
}

namespace {

// Thrown by the tree builder to stop the parse at the first fatal problem.
struct Stop {
  Loc loc;
  std::string message;
  const char* rule = "yaml/syntax";
};

// Line and column (1-based) of a byte offset, counting characters, and line
// breaks as libyaml does (\n, \r\n, or a lone \r).
Loc loc_of_offset(std::string_view bytes, std::size_t offset, std::uint32_t file) {
  std::uint32_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
      ++line;
      col = 1;
    } else if (bytes[i] != '\r' && !is_utf8_continuation(bytes[i])) {
      ++col;
    }
  }
  return Loc{file, line, col};
}

// The byte offset of libyaml's mark, whose index counts characters.
std::size_t offset_of_mark(std::string_view bytes, const yaml_mark_t& mark) {
  std::size_t chars = 0, i = 0;
  for (; i < bytes.size(); ++i) {
    if (is_utf8_continuation(bytes[i])) continue;
    if (chars++ == mark.index) break;
  }
  return i;
}

Loc loc_of_mark(const yaml_mark_t& mark, std::uint32_t file) {
  // libyaml counts lines and columns from 0, and columns in characters, as
  // editors show them.
  return Loc{file, static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
}

std::string_view text_of(const yaml_char_t* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// libyaml's problems, worded for the person who edits the file: what is
// wrong, then what to do when the usual cause is known.
std::string problem_text(std::string_view problem) {
  struct Known {
    std::string_view libyaml, ours;
  };
  static constexpr Known known[] = {
      {"mapping values are not allowed in this context",
       "unexpected ':' here; check the indentation, or put text holding ': ' in quotes"},
      {"found a tab character that violates indentation", "a tab in the indentation; indent with spaces"},
      {"found character that cannot start any token",
       "a value cannot start with this character; put the value in quotes"},
      {"did not find expected key", "expected a key (key: value) here; check the indentation"},
      {"did not find expected '-' indicator", "expected a list item ('- ') here; check the indentation"},
      {"block sequence entries are not allowed in this context",
       "a list item ('- ') is not allowed here; check the indentation"},
      {"did not find expected node content", "expected a value here"},
      {"did not find expected ',' or ']'", "expected ',' or ']' here"},
      {"did not find expected ',' or '}'", "expected ',' or '}' here"},
      {"could not find expected ':'", "expected ':' after a key"},
      {"found unknown escape character",
       "unknown escape sequence (\\) in double quotes; write \\\\ for a backslash, or use single quotes"},
      {"found unexpected end of stream", "the file ends too early"},
  };
  for (const auto& k : known) {
    if (problem == k.libyaml) return std::string(k.ours);
  }
  return problem.empty() ? std::string("invalid YAML") : std::string(problem);
}

// libyaml's context ("while parsing a flow sequence"), as where it began.
std::string context_text(std::string_view context, const Loc& at) {
  struct Known {
    std::string_view libyaml, ours;
  };
  static constexpr Known known[] = {
      {"while parsing a flow sequence", "in the list '[' opened"},
      {"while parsing a flow mapping", "in the mapping '{' opened"},
      {"while parsing a block mapping", "in the mapping that starts"},
      {"while parsing a block collection", "in the list that starts"},
      {"while parsing a node", "in the value that starts"},
      {"while parsing a block node", "in the value that starts"},
      {"while parsing a flow node", "in the value that starts"},
      {"while scanning a quoted scalar", "in the quoted text opened"},
      {"while parsing a quoted scalar", "in the quoted text opened"},
      {"while scanning a plain scalar", "in the text that starts"},
      {"while scanning a block scalar", "in the block text (| or >) that starts"},
      {"while scanning a simple key", "in the key that starts"},
      {"while scanning an anchor", "in the anchor (&name)"},
      {"while scanning an alias", "in the alias (*name)"},
      {"while scanning a tag", "in the tag (!name)"},
  };
  std::string what(context);
  for (const auto& k : known) {
    if (context == k.libyaml) what = k.ours;
  }
  return what + " at line " + std::to_string(at.line) + ", column " + std::to_string(at.col);
}

// The diagnostic for a parse that libyaml stopped.
Stop parse_error(const yaml_parser_t& p, std::string_view bytes, std::uint32_t file) {
  const std::string_view problem = text_of(reinterpret_cast<const yaml_char_t*>(p.problem));
  const std::string_view context = text_of(reinterpret_cast<const yaml_char_t*>(p.context));
  switch (p.error) {
    case YAML_MEMORY_ERROR:
      return Stop{Loc{file, 1, 1}, "out of memory while reading the file"};
    case YAML_READER_ERROR: {
      // What the UTF-8 check before the parse lets through: characters that
      // YAML does not allow in a text (control characters, U+FFFE, U+FFFF).
      std::string msg = "character not allowed in a YAML file";
      if (p.problem_value >= 0) {
        char code[16];
        std::snprintf(code, sizeof code, " (U+%04X)", static_cast<unsigned>(p.problem_value));
        msg += code;
      }
      msg += "; remove it, or save the file as plain UTF-8 text";
      return Stop{loc_of_offset(bytes, p.problem_offset, file), msg, "yaml/encoding"};
    }
    default: break;
  }
  const Loc at = loc_of_mark(p.problem_mark, file);
  if (problem == "found unexpected end of stream" && context == "while scanning a quoted scalar") {
    // Pointing at the end of the file would not help: the quote to close is
    // where the text starts.
    const std::size_t quote = offset_of_mark(bytes, p.context_mark);
    const char q = quote < bytes.size() ? bytes[quote] : '"';
    return Stop{loc_of_mark(p.context_mark, file),
                std::string("quoted text never closed: it runs to the end of the file; add the closing ") +
                    (q == '\'' ? "'" : "\"") + " where the text ends"};
  }
  std::string msg = problem_text(problem);
  if (problem == "found character that cannot start any token") {
    // Most often a tab where YAML wants spaces, or a value opening with @ or `.
    const std::size_t at_byte = offset_of_mark(bytes, p.problem_mark);
    const char c = at_byte < bytes.size() ? bytes[at_byte] : ' ';
    if (c == '\t') {
      msg = "a tab in the indentation; indent with spaces";
    } else if (c == '@' || c == '`') {
      msg = std::string("a value cannot start with '") + c + "'; put the value in quotes";
    }
  }
  const Loc began = loc_of_mark(p.context_mark, file);
  // A context at the problem itself ("while scanning for the next token")
  // says nothing more.
  if (!context.empty() && (began.line != at.line || began.col != at.col)) {
    msg += " (" + context_text(context, began) + ")";
  }
  return Stop{at, msg};
}

// One libyaml event, freed however the loop ends.
struct Event {
  yaml_event_t e{};
  bool filled = false;
  ~Event() { clear(); }
  void clear() {
    if (filled) yaml_event_delete(&e);
    filled = false;
  }
};

struct Parser {
  yaml_parser_t p{};
  bool ready = false;
  explicit Parser(std::string_view bytes) {
    ready = yaml_parser_initialize(&p) != 0;
    if (!ready) return;
    yaml_parser_set_input_string(&p, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
  }
  ~Parser() {
    if (ready) yaml_parser_delete(&p);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

// libyaml follows YAML 1.1, where U+0085, U+2028 and U+2029 break lines;
// editors and YAML 1.2 take them as characters, and text pasted from a word
// processor or a web page may hold them. Before the parse, each is replaced
// by a private-use character absent from the file, one character for one
// (so that positions do not move), and put back in the values.
class UnicodeBreaks {
 public:
  // Returns the bytes to parse: `bytes` itself, or the copy in `patched`.
  std::string_view replace(std::string_view bytes, std::string& patched) {
    static constexpr std::string_view breaks[] = {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"};
    bool any = false;
    for (auto b : breaks) any = any || bytes.find(b) != std::string_view::npos;
    if (!any) return bytes;
    // Private-use characters U+E000..U+F8FF already in the file.
    std::vector<bool> used(0x1900);
    for (std::size_t i = 0; i < bytes.size();) {
      const Utf8Char c = decode_utf8(bytes, i);
      if (c.valid && c.code_point >= 0xE000 && c.code_point <= 0xF8FF) used[c.code_point - 0xE000] = true;
      i += c.size;
    }
    std::uint32_t cp = 0xE000;
    for (std::size_t k = 0; k < 3; ++k) {
      while (cp <= 0xF8FF && used[cp - 0xE000]) ++cp;
      if (cp > 0xF8FF) return bytes;  // a file of every private-use character: left to libyaml
      stand_ins_[k] = {breaks[k], encode_utf8(cp++)};
    }
    patched.reserve(bytes.size() + 16);
    for (std::size_t i = 0; i < bytes.size();) {
      bool swapped = false;
      for (const auto& s : stand_ins_) {
        if (bytes.substr(i, s.original.size()) == s.original) {
          patched += s.stand_in;
          i += s.original.size();
          swapped = true;
          break;
        }
      }
      if (!swapped) patched += bytes[i++];
    }
    active_ = true;
    return patched;
  }

  // Puts the original characters back into a value.
  void restore(std::string& text) const {
    if (!active_) return;
    for (const auto& s : stand_ins_) {
      for (std::size_t at = text.find(s.stand_in); at != std::string::npos; at = text.find(s.stand_in, at + 1)) {
        text.replace(at, s.stand_in.size(), s.original);
      }
    }
  }

 private:
  struct StandIn {
    std::string_view original;
    std::string stand_in;
  };
  StandIn stand_ins_[3];
  bool active_ = false;
};

// Builds the tree from libyaml's events. Nodes wait on one stack until their
// container closes, then move into a vector of the right size: one allocation
// per mapping or list, and each node moved once.
class TreeBuilder {
 public:
  TreeBuilder(std::uint32_t file, Diagnostics& diags, const YamlLimits& limits, const UnicodeBreaks& breaks)
      : file_(file), diags_(diags), limits_(limits), breaks_(breaks) {}

  // Finished documents go to `roots`.
  void handle(const yaml_event_t& e, std::vector<YamlNode>& roots) {
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        pending_.clear();
        open_.clear();
        anchors_.clear();  // anchors belong to their document
        break;
      case YAML_DOCUMENT_END_EVENT:
        if (!pending_.empty()) roots.push_back(std::move(pending_.front()));
        pending_.clear();
        break;
      case YAML_SCALAR_EVENT: scalar(e); break;
      case YAML_ALIAS_EVENT: alias(e); break;
      case YAML_SEQUENCE_START_EVENT:
        open(YamlNode::Kind::seq, e.start_mark, text_of(e.data.sequence_start.anchor));
        break;
      case YAML_MAPPING_START_EVENT:
        open(YamlNode::Kind::map, e.start_mark, text_of(e.data.mapping_start.anchor));
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: close(); break;
      default: break;
    }
  }

 private:
  struct Open {
    std::size_t at;  // the container in pending_; its children follow it
    std::string anchor;
    std::size_t nodes_before;
  };
  struct Anchored {
    YamlNode node;
    std::size_t size;
  };

  YamlNode& make(YamlNode::Kind kind, const yaml_mark_t& mark) {
    const Loc at = loc_of_mark(mark, file_);
    charge(1, at);
    YamlNode& n = pending_.emplace_back();
    n.kind = kind;
    n.line = at.line;
    n.col = at.col;
    return n;
  }

  void charge(std::size_t n, const Loc& at) {
    nodes_ += n;
    if (nodes_ > limits_.max_nodes) {
      throw Stop{at, "the file holds more than " + std::to_string(limits_.max_nodes) +
                         " YAML nodes; split it into several files"};
    }
  }

  void scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    // Only a plain scalar without a tag may be typed (a number, a boolean,
    // null); "12", '12', !!str 12 and block text stay text.
    const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE && !s.tag;
    const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
    const bool null = plain && (value.empty() || value == "~" || value == "null" || value == "Null" ||
                                value == "NULL");
    YamlNode& n = make(null ? YamlNode::Kind::null : YamlNode::Kind::scalar, e.start_mark);
    n.plain = plain;
    if (!null) {
      n.text = value;
      breaks_.restore(n.text);
    }
    if (s.anchor) anchors_[std::string(text_of(s.anchor))] = Anchored{n, 1};
  }

  void alias(const yaml_event_t& e) {
    const Loc at = loc_of_mark(e.start_mark, file_);
    const std::string name(text_of(e.data.alias.anchor));
    auto it = anchors_.find(name);
    if (it == anchors_.end()) {
      const bool inside = std::any_of(open_.begin(), open_.end(), [&](const Open& o) { return o.anchor == name; });
      throw Stop{at, inside ? "alias *" + name + " inside the value of its own anchor &" + name +
                                  " (a value cannot contain itself)"
                            : "alias *" + name + " to no anchor: write &" + name + " on a value before it"};
    }
    // Aliases are expanded, and what they cost is bounded: a "billion laughs"
    // file stops here instead of eating the memory.
    alias_nodes_ += it->second.size;
    if (alias_nodes_ > limits_.max_alias_nodes) {
      throw Stop{at, "aliases (*name) expand to more than " + std::to_string(limits_.max_alias_nodes) +
                         " YAML nodes (an alias bomb?); write the values out"};
    }
    charge(it->second.size, at);
    YamlNode& copy = pending_.emplace_back(it->second.node);
    copy.line = at.line;
    copy.col = at.col;
  }

  void open(YamlNode::Kind kind, const yaml_mark_t& mark, std::string_view anchor) {
    if (open_.size() >= limits_.max_depth) {
      throw Stop{loc_of_mark(mark, file_), "nesting deeper than " + std::to_string(limits_.max_depth) + " levels"};
    }
    const std::size_t before = nodes_;
    make(kind, mark);
    open_.push_back({pending_.size() - 1, std::string(anchor), before});
  }

  void close() {
    Open top = std::move(open_.back());
    open_.pop_back();
    const auto first = pending_.begin() + static_cast<std::ptrdiff_t>(top.at + 1);
    YamlNode& container = pending_[top.at];
    container.children.assign(std::make_move_iterator(first), std::make_move_iterator(pending_.end()));
    pending_.erase(first, pending_.end());
    if (container.is_map()) check_duplicate_keys(container);
    if (!top.anchor.empty()) {
      // The anchored copy costs memory too: charged, so that anchors nested
      // in anchors cannot multiply a large subtree.
      const std::size_t size = nodes_ - top.nodes_before;
      charge(size, Loc{file_, container.line, container.col});
      anchors_[top.anchor] = Anchored{container, size};
    }
  }

  void duplicate(const YamlNode& first, const YamlNode& again) {
    diags_.error("yaml/duplicate-key", Loc{file_, again.line, again.col},
                 "duplicate key '" + again.text + "' (first at line " + std::to_string(first.line) + ")");
  }

  void check_duplicate_keys(const YamlNode& map) {
    const std::size_t n = map.map_size();
    if (n < 2) return;
    // The mappings of a project have a dozen keys: comparing each pair costs
    // less than a hash table. Large mappings (a hostile file) take the table.
    if (n <= 24) {
      for (std::size_t i = 1; i < n; ++i) {
        const YamlNode& k = map.key(i);
        if (!k.is_scalar()) continue;
        for (std::size_t j = 0; j < i; ++j) {
          const YamlNode& earlier = map.key(j);
          if (earlier.is_scalar() && earlier.text == k.text) {
            duplicate(earlier, k);
            break;
          }
        }
      }
      return;
    }
    std::unordered_map<std::string_view, const YamlNode*> seen;
    seen.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      const YamlNode& k = map.key(i);
      if (!k.is_scalar()) continue;
      auto [it, fresh] = seen.emplace(k.text, &k);
      if (!fresh) duplicate(*it->second, k);
    }
  }

  std::uint32_t file_;
  Diagnostics& diags_;
  const YamlLimits& limits_;
  const UnicodeBreaks& breaks_;
  std::vector<YamlNode> pending_;
  std::vector<Open> open_;
  std::unordered_map<std::string, Anchored> anchors_;
  std::size_t nodes_ = 0;
  std::size_t alias_nodes_ = 0;
};

}  // namespace

bool parse_yaml(std::string_view bytes, std::uint32_t file, Diagnostics& diags,
                std::vector<YamlNode>& roots, const YamlLimits& limits) {
  roots.clear();
  if (bytes.size() > limits.max_bytes) {
    diags.error("yaml/syntax", Loc{file, 0, 0}, file_too_large(bytes.size(), limits));
    return false;
  }
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    diags.error("yaml/encoding", Loc{file, 1, 1}, "the file is UTF-16; save it as UTF-8");
    return false;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // a UTF-8 BOM is fine
  if (auto bad = find_invalid_utf8(bytes); bad != std::string_view::npos) {
    diags.error("yaml/encoding", loc_of_offset(bytes, bad, file),
                "invalid UTF-8 byte sequence; save the file as UTF-8");
    return false;
  }
  if (auto nul = bytes.find('\0'); nul != std::string_view::npos) {
    diags.error("yaml/encoding", loc_of_offset(bytes, nul, file),
                "NUL byte in a text file; is it UTF-16 or binary?");
    return false;
  }

  UnicodeBreaks breaks;
  std::string patched;
  bytes = breaks.replace(bytes, patched);
  Parser parser(bytes);
  TreeBuilder builder(file, diags, limits, breaks);
  try {
    if (!parser.ready) throw Stop{Loc{file, 1, 1}, "out of memory while reading the file"};
    for (Event ev;; ev.clear()) {
      if (!yaml_parser_parse(&parser.p, &ev.e)) throw parse_error(parser.p, bytes, file);
      ev.filled = true;
      if (ev.e.type == YAML_STREAM_END_EVENT) break;
      builder.handle(ev.e, roots);
    }
  } catch (const Stop& stop) {
    diags.error(stop.rule, stop.loc, stop.message);
    roots.clear();
    return false;
  }
  return true;
}

}  // namespace cls
