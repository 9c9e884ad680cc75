#include "cls/yaml_tree.h"

#include <algorithm>
#include <istream>
#include <optional>
#include <streambuf>
#include <unordered_map>
#include <unordered_set>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace cls {

std::size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid.
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

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

// An istream over bytes we already hold, without copying them.
struct MemoryBuf : std::streambuf {
  MemoryBuf(const char* data, std::size_t size) {
    char* p = const_cast<char*>(data);
    setg(p, p, p + size);
  }
};

// Thrown from the handler to stop yaml-cpp when a limit is hit.
struct LimitHit {
  Loc loc;
  std::string message;
};

// Line and column (1-based) of a byte offset, counting characters.
Loc loc_of_offset(std::string_view bytes, std::size_t offset, std::uint32_t file) {
  std::uint32_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return Loc{file, line, col};
}

// Positions of yaml-cpp marks as people count them. yaml-cpp counts columns
// in bytes, so every accented letter before a value would shift its column;
// we count characters instead. Marks come in file order, so a cursor that
// only moves forward keeps this linear even on a one-line file.
class Positions {
 public:
  Positions(std::string_view bytes, std::uint32_t file) : bytes_(bytes), file_(file) {}

  Loc operator()(const YAML::Mark& m) {
    if (m.pos < 0 || m.line < 0 || m.column < 0) return Loc{file_, 1, 1};
    const std::size_t pos = std::min(static_cast<std::size_t>(m.pos), bytes_.size());
    const std::size_t line_start = pos - std::min(static_cast<std::size_t>(m.column), pos);
    if (line_start != line_start_ || pos < pos_) {
      line_start_ = line_start;
      pos_ = line_start;
      chars_ = 0;
    }
    for (; pos_ < pos; ++pos_) {
      if ((static_cast<unsigned char>(bytes_[pos_]) & 0xC0) != 0x80) ++chars_;
    }
    return Loc{file_, static_cast<std::uint32_t>(m.line) + 1, chars_ + 1};
  }

 private:
  std::string_view bytes_;
  std::uint32_t file_;
  std::size_t line_start_ = 0, pos_ = 0;
  std::uint32_t chars_ = 0;
};

// yaml-cpp 0.7 accepts a quoted scalar whose closing quote is missing when the
// file ends with a line break: the text silently runs to the end of the file
// (`title: "Ateliers` swallows every key below it). Such a scalar is always
// the last one of the file. Given where the last non-plain scalar starts,
// returns the offset of its opening quote when that quote is never closed.
std::optional<std::size_t> unclosed_quote(std::string_view b, std::size_t i) {
  // The node's mark is at its properties (tag, anchor) when it has some.
  while (i < b.size()) {
    const char c = b[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == '!' || c == '&') {
      while (i < b.size() && b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') ++i;
    } else if (c == '#') {
      while (i < b.size() && b[i] != '\n') ++i;
    } else {
      break;
    }
  }
  if (i >= b.size() || (b[i] != '"' && b[i] != '\'')) return std::nullopt;
  const char quote = b[i];
  for (std::size_t k = i + 1; k < b.size(); ++k) {
    if (quote == '"' && b[k] == '\\') {
      ++k;  // an escaped character, \" included
    } else if (b[k] == quote) {
      if (quote == '\'' && k + 1 < b.size() && b[k + 1] == '\'') {
        ++k;  // '' is a quote inside single quotes
      } else {
        return std::nullopt;
      }
    }
  }
  return i;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view bytes, std::uint32_t file, Diagnostics& diags,
              const YamlLimits& limits)
      : file_(file), diags_(diags), limits_(limits), positions_(bytes, file) {}

  YamlNode root;
  bool have_root = false;
  // Offset of the last scalar that was not plain (quoted, block or tagged).
  std::optional<std::size_t> last_non_plain;

  void OnDocumentStart(const YAML::Mark&) override {
    root = YamlNode();
    have_root = false;
    stack_.clear();
    anchors_.clear();  // yaml-cpp numbers anchors afresh in each document
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode n = make(YamlNode::Kind::null, mark);
    finish_leaf(std::move(n), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const Loc at = positions_(mark);
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) throw LimitHit{at, "alias to an anchor that is not complete yet"};
    // Aliases are expanded, and what they cost is bounded: a "billion laughs"
    // file stops here instead of eating the memory.
    alias_nodes_ += it->second.size;
    if (alias_nodes_ > limits_.max_alias_nodes) {
      throw LimitHit{at, "aliases (*name) expand to more than " +
                             std::to_string(limits_.max_alias_nodes) +
                             " YAML nodes (an alias bomb?); write the values out"};
    }
    charge(it->second.size, at);
    YamlNode copy = it->second.node;
    copy.line = at.line;
    copy.col = at.col;
    attach(std::move(copy));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode n = make(YamlNode::Kind::scalar, mark);
    // yaml-cpp gives "?" for a plain scalar with no tag and "!" for a quoted
    // one; any other tag makes the value non-plain too.
    n.plain = tag == "?";
    if (!n.plain && mark.pos >= 0) last_non_plain = static_cast<std::size_t>(mark.pos);
    n.text = value;
    finish_leaf(std::move(n), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(make(YamlNode::Kind::seq, mark), anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(make(YamlNode::Kind::map, mark), anchor);
  }
  void OnMapEnd() override {
    check_duplicate_keys(*stack_.back().node);
    close();
  }

  Loc loc(const YAML::Mark& mark) { return positions_(mark); }

 private:
  struct Open {
    YamlNode* node;
    YAML::anchor_t anchor;
    std::size_t nodes_before;
  };
  struct Anchored {
    YamlNode node;
    std::size_t size;
  };

  YamlNode make(YamlNode::Kind kind, const YAML::Mark& mark) {
    const Loc at = positions_(mark);
    charge(1, at);
    YamlNode n;
    n.kind = kind;
    n.line = at.line;
    n.col = at.col;
    return n;
  }

  void charge(std::size_t n, const Loc& at) {
    nodes_ += n;
    if (nodes_ > limits_.max_nodes) {
      throw LimitHit{at, "the file holds more than " + std::to_string(limits_.max_nodes) +
                             " YAML nodes; split it into several files"};
    }
  }

  YamlNode* attach(YamlNode&& n) {
    if (stack_.empty()) {
      root = std::move(n);
      have_root = true;
      return &root;
    }
    auto& kids = stack_.back().node->children;
    kids.push_back(std::move(n));
    return &kids.back();
  }

  void finish_leaf(YamlNode&& n, YAML::anchor_t anchor) {
    if (anchor) anchors_[anchor] = Anchored{n, 1};
    attach(std::move(n));
  }

  void open(YamlNode&& n, YAML::anchor_t anchor) {
    if (stack_.size() >= limits_.max_depth) {
      throw LimitHit{Loc{file_, n.line, n.col},
                     "nesting deeper than " + std::to_string(limits_.max_depth) + " levels"};
    }
    const std::size_t before = nodes_;
    YamlNode* p = attach(std::move(n));
    stack_.push_back({p, anchor, before});
  }

  void close() {
    Open top = stack_.back();
    stack_.pop_back();
    if (top.anchor) {
      // The anchored copy costs memory too: charged, so that anchors nested
      // in anchors cannot multiply a large subtree.
      const std::size_t size = nodes_ - top.nodes_before;
      charge(size, Loc{file_, top.node->line, top.node->col});
      anchors_[top.anchor] = Anchored{*top.node, size};
    }
  }

  void check_duplicate_keys(const YamlNode& map) {
    const std::size_t n = map.map_size();
    if (n < 2) return;
    std::unordered_map<std::string_view, const YamlNode*> seen;
    seen.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      const YamlNode& k = map.key(i);
      if (!k.is_scalar()) continue;
      auto [it, fresh] = seen.emplace(k.text, &k);
      if (!fresh) {
        diags_.error("yaml/duplicate-key", Loc{file_, k.line, k.col},
                     "duplicate key '" + k.text + "' (first at line " +
                         std::to_string(it->second->line) + ")");
      }
    }
  }

  std::uint32_t file_;
  Diagnostics& diags_;
  const YamlLimits& limits_;
  Positions positions_;
  std::vector<Open> stack_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
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

  MemoryBuf buf(bytes.data(), bytes.size());
  std::istream in(&buf);
  TreeBuilder builder(bytes, file, diags, limits);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
      if (builder.have_root) roots.push_back(std::move(builder.root));
    }
  } catch (const LimitHit& hit) {
    diags.error("yaml/syntax", hit.loc, hit.message);
    roots.clear();
    return false;
  } catch (const YAML::Exception& e) {
    diags.error("yaml/syntax", e.mark.is_null() ? Loc{file, 1, 1} : builder.loc(e.mark),
                e.msg.empty() ? std::string("invalid YAML") : e.msg);
    roots.clear();
    return false;
  }
  if (builder.last_non_plain) {
    if (auto quote = unclosed_quote(bytes, *builder.last_non_plain)) {
      diags.error("yaml/syntax", loc_of_offset(bytes, *quote, file),
                  std::string("quoted text never closed: it runs to the end of the file; add the "
                              "closing ") +
                      (bytes[*quote] == '"' ? "\"" : "'") + " where the text ends");
      roots.clear();
      return false;
    }
  }
  return true;
}

}  // namespace cls
