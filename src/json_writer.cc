// SPDX-License-Identifier: EUPL-1.2
#include "cls/json_writer.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace cls {

void JsonWriter::indent() {
  out_ += '\n';
  out_.append(2 * has_items_.size(), ' ');
}

void JsonWriter::flush() {
  std::fwrite(out_.data(), 1, out_.size(), sink_);  // errors: the caller checks ferror()
  out_.clear();
}

void JsonWriter::before_value() {
  if (sink_ && out_.size() >= kFlushAt) flush();
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;  // the document itself
  if (has_items_.back()) out_ += ',';
  has_items_.back() = true;
  indent();
}

void JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  has_items_.push_back(false);
}

void JsonWriter::close(char bracket) {
  const bool had_items = has_items_.back();
  has_items_.pop_back();
  if (had_items) indent();  // an empty container stays "[]" or "{}"
  out_ += bracket;
}

JsonWriter& JsonWriter::begin_object() {
  open('{');
  return *this;
}
JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}
JsonWriter& JsonWriter::begin_array() {
  open('[');
  return *this;
}
JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  value(name);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  out_ += '"';
  static constexpr char hex[] = "0123456789abcdef";
  std::size_t plain = 0;  // start of the run of characters copied as they are
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        out_ += "\\u00";
        out_ += hex[c >> 4];
        out_ += hex[c & 0xF];
    }
  }
  out_.append(text, plain, text.size() - plain);
  out_ += '"';
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
  before_value();
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out_.append(buf, end);
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
  before_value();
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out_.append(buf, end);
  return *this;
}

JsonWriter& JsonWriter::value(double x) {
  if (!std::isfinite(x)) return null();
  before_value();
  // Shortest round trip, the fixed or the scientific form whichever is
  // shorter; never the locale's decimal comma.
  char buf[64];
  const auto end = std::to_chars(buf, buf + sizeof buf, x).ptr;
  out_.append(buf, end);
  return *this;
}

JsonWriter& JsonWriter::tree(const nlohmann::ordered_json& tree) {
  switch (tree.type()) {
    case nlohmann::json::value_t::object:
      begin_object();
      for (const auto& [k, v] : tree.items()) key(k).tree(v);
      return end_object();
    case nlohmann::json::value_t::array:
      begin_array();
      for (const auto& v : tree) this->tree(v);
      return end_array();
    case nlohmann::json::value_t::string: return value(tree.get_ref<const std::string&>());
    case nlohmann::json::value_t::boolean: return value(tree.get<bool>());
    case nlohmann::json::value_t::number_integer: return value(tree.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: return value(tree.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float: return value(tree.get<double>());
    default: return null();  // null, and the binary and discarded kinds no output holds
  }
}

std::string json_text(const nlohmann::ordered_json& tree) {
  JsonWriter w;
  w.tree(tree);
  return w.finish();
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

std::string JsonWriter::finish() {
  out_ += '\n';
  if (sink_) {
    flush();
    return {};
  }
  return std::move(out_);
}

}  // namespace cls
