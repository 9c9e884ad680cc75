#include "cls/yaml_tree.h"

#include <istream>
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

// An istream over bytes we already hold, without copying them.
struct MemoryBuf : std::streambuf {
  MemoryBuf(const char* data, std::size_t size) {
    char* p = const_cast<char*>(data);
    setg(p, p, p + size);
  }
};

// Thrown from the handler to stop yaml-cpp when a limit is hit.
struct LimitHit {
  YAML::Mark mark;
  std::string message;
};

std::size_t count_nodes(const YamlNode& n) {
  std::size_t total = 1;
  for (const auto& c : n.children) total += count_nodes(c);
  return total;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::uint32_t file, Diagnostics& diags, const YamlLimits& limits)
      : file_(file), diags_(diags), limits_(limits) {}

  YamlNode root;
  bool have_root = false;

  void OnDocumentStart(const YAML::Mark&) override {
    root = YamlNode();
    have_root = false;
    stack_.clear();
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode n = make(YamlNode::Kind::null, mark);
    finish_leaf(std::move(n), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      throw LimitHit{mark, "alias to an anchor that is not complete yet"};
    }
    // Aliases are expanded, and what they cost is bounded: a "billion laughs"
    // file stops here instead of eating the memory.
    charge(it->second.size, mark);
    YamlNode copy = it->second.node;
    copy.line = mark.line + 1;
    copy.col = mark.column + 1;
    attach(std::move(copy));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode n = make(YamlNode::Kind::scalar, mark);
    // yaml-cpp gives "?" for a plain scalar with no tag and "!" for a quoted
    // one; any other tag makes the value non-plain too.
    n.plain = tag == "?";
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
    charge(1, mark);
    YamlNode n;
    n.kind = kind;
    n.line = static_cast<std::uint32_t>(mark.line + 1);
    n.col = static_cast<std::uint32_t>(mark.column + 1);
    return n;
  }

  void charge(std::size_t n, const YAML::Mark& mark) {
    nodes_ += n;
    if (nodes_ > limits_.max_nodes) {
      throw LimitHit{mark, "the file expands to more than " + std::to_string(limits_.max_nodes) +
                               " YAML nodes (an alias bomb?)"};
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
      YAML::Mark m;
      m.line = static_cast<int>(n.line) - 1;
      m.column = static_cast<int>(n.col) - 1;
      throw LimitHit{m, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels"};
    }
    const std::size_t before = nodes_;
    YamlNode* p = attach(std::move(n));
    stack_.push_back({p, anchor, before});
  }

  void close() {
    Open top = stack_.back();
    stack_.pop_back();
    if (top.anchor) anchors_[top.anchor] = Anchored{*top.node, nodes_ - top.nodes_before};
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
  std::vector<Open> stack_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::size_t nodes_ = 0;
};

// Line and column (1-based) of a byte offset, for encoding errors.
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

}  // namespace

bool parse_yaml(std::string_view bytes, std::uint32_t file, Diagnostics& diags,
                std::vector<YamlNode>& roots, const YamlLimits& limits) {
  roots.clear();
  if (bytes.size() > limits.max_bytes) {
    diags.error("yaml/syntax", Loc{file, 1, 1},
                "file larger than " + std::to_string(limits.max_bytes >> 20) +
                    " MiB; split it into several files");
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
  TreeBuilder builder(file, diags, limits);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
      if (builder.have_root) roots.push_back(std::move(builder.root));
    }
  } catch (const LimitHit& hit) {
    diags.error("yaml/syntax",
                Loc{file, static_cast<std::uint32_t>(hit.mark.line + 1),
                    static_cast<std::uint32_t>(hit.mark.column + 1)},
                hit.message);
    roots.clear();
    return false;
  } catch (const YAML::Exception& e) {
    const bool known = !e.mark.is_null();
    diags.error("yaml/syntax",
                Loc{file, known ? static_cast<std::uint32_t>(e.mark.line + 1) : 1u,
                    known ? static_cast<std::uint32_t>(e.mark.column + 1) : 1u},
                e.msg.empty() ? std::string("invalid YAML") : e.msg);
    roots.clear();
    return false;
  }
  return true;
}

}  // namespace cls
