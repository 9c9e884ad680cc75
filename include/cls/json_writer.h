// SPDX-License-Identifier: EUPL-1.2
// JSON written as it is produced, straight into one string: a national
// report has hundreds of thousands of values, and a tree of them (nlohmann's)
// cost ten times the size of the project in memory. The layout is that of
// nlohmann::json::dump(2). Numbers are the shortest text that reads back to
// the same double (SPEC §9: a consumer adding progress up accumulates no
// rounding), which nlohmann's own printer does not promise.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace cls {

class JsonWriter {
 public:
  // Into a string (finish() returns it), or with a `sink`, into that stream a
  // megabyte at a time, so that the document is never whole in memory.
  explicit JsonWriter(std::FILE* sink = nullptr) : sink_(sink) {}

  // Containers. In an object, each value follows its key().
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  // Text must be valid UTF-8 (every text of a loaded project is).
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(bool b);
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(std::uint64_t n);
  // The shortest text that reads back to the same double (std::to_chars):
  // 0.42, 0.3333333333333333, 20, 1e-05; null when not finite.
  JsonWriter& value(double x);
  // A whole nlohmann tree (the commands that build one: cls list, cls
  // diff), laid out as dump(2) but with the numbers above.
  JsonWriter& tree(const nlohmann::ordered_json& tree);
  JsonWriter& null();

  // The document, with a final line break; with a sink, the rest of it is
  // written there and the result is empty.
  std::string finish();

 private:
  void before_value();
  void open(char bracket);
  void close(char bracket);
  void indent();
  void flush();

  // Written out in pieces of 64 KiB: as fast as larger ones, and the buffer
  // stays small beside the model (a megabyte grew to 3 MB by doubling).
  static constexpr std::size_t kFlushAt = 64 * 1024;
  std::FILE* sink_;
  std::string out_;
  // For each open container: whether it has an element yet.
  std::vector<bool> has_items_;
  bool after_key_ = false;
};

// `tree` as a document: what dump(2) + "\n" gives, numbers exact.
std::string json_text(const nlohmann::ordered_json& tree);

}  // namespace cls
