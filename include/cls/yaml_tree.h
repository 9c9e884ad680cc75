// SPDX-License-Identifier: EUPL-1.2
// A YAML document as a small tree of our own, built from libyaml's event
// parser (C, not recursive, ~57 MB/s where yaml-cpp's made ~7 MB/s). The
// tree keeps the position of every key and value, lets the loader see
// duplicate keys, and bounds what a hostile file can cost (nesting depth,
// alias expansion). The loader only sees this interface: the parser behind it
// was yaml-cpp until its scanner proved too slow for national projects
// (bench/README.md), and the swap touched nothing else.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cls/diagnostic.h"
#include "cls/utf8.h"  // find_invalid_utf8: what parse_yaml refuses as yaml/encoding

namespace cls {

struct YamlNode {
  enum class Kind : std::uint8_t { null, scalar, map, seq };
  Kind kind = Kind::null;
  // A scalar written plain (not quoted, no tag): only those may be typed as
  // numbers or booleans; "12" stays text.
  bool plain = true;
  std::uint32_t line = 0, col = 0;  // 1-based
  std::string text;                 // scalar value
  // Sequence items; for a map, keys and values alternate (k0, v0, k1, v1…).
  std::vector<YamlNode> children;

  bool is_map() const { return kind == Kind::map; }
  bool is_seq() const { return kind == Kind::seq; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_null() const { return kind == Kind::null; }
  std::size_t map_size() const { return children.size() / 2; }
  const YamlNode& key(std::size_t i) const { return children[2 * i]; }
  const YamlNode& value(std::size_t i) const { return children[2 * i + 1]; }
};

// Limits a real project never meets and a hostile file hits with a clear
// diagnostic (documented in cls-check(1)).
// A real project file is a few kilobytes, nested less than 10 levels deep.
// At these limits a hostile file still costs at most a second and a few
// hundred megabytes to parse.
struct YamlLimits {
  std::size_t max_depth = 64;             // nested mappings and sequences
  std::size_t max_nodes = 1'000'000;      // nodes in one file, aliases expanded
  std::size_t max_alias_nodes = 100'000;  // nodes copied by expanding aliases (*name)
  std::size_t max_bytes = 4u << 20;       // size of one file (see cls-check(1) LIMITS)
};

// Parses one file. On success fills `roots` with its documents (an empty file
// has none) and returns true. Otherwise reports `yaml/syntax` or
// `yaml/encoding` at the offending position and returns false; duplicate keys
// are reported as `yaml/duplicate-key` and do not stop the parse. Columns
// count characters, not bytes ("é" is one), as editors show them; a UTF-8 BOM
// is skipped and does not count.
bool parse_yaml(std::string_view bytes, std::uint32_t file, Diagnostics& diags,
                std::vector<YamlNode>& roots, const YamlLimits& limits = {});

// The message for a file of `size` bytes, over `limits.max_bytes`.
std::string file_too_large(std::size_t size, const YamlLimits& limits);

}  // namespace cls
