// SPDX-License-Identifier: EUPL-1.2
// The key lists of cls-format(5) (schema.h, manual_keys), from the tables.
#include <string>
#include <string_view>
#include <utility>

#include "cls/schema.h"

namespace cls::schema {

namespace {

using keys::KeyDef;
using keys::MapDef;
using keys::Type;

// Text as roff prints it: hyphens as minus signs where they are literal,
// backslashes escaped, the few non-ASCII characters of the tables as roff's
// named glyphs (the pages are ASCII, as the others of man/).
std::string roff(std::string_view text) {
  static constexpr std::pair<std::string_view, std::string_view> kGlyphs[] = {
      {"é", "\\('e"}, {"è", "\\(`e"}, {"ê", "\\(^e"}, {"à", "\\(`a"}, {"â", "\\(^a"}, {"ç", "\\(,c"},
      {"ô", "\\(^o"}, {"î", "\\(^i"}, {"ù", "\\(`u"}, {"û", "\\(^u"}, {"É", "\\('E"}, {"→", "\\(->"},
      {"…", "..."}, {"«", "\\(Fo"}, {"»", "\\(Fc"}, {"’", "\\(cq"}, {"–", "\\(en"}, {"—", "\\(em"},
      {"≥", "\\(>="}, {"°", "\\(de"}, {"\u00A0", "\\ "}, {"\u202F", "\\|"},
  };
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '\\') {
      out += "\\e";
      ++i;
      continue;
    }
    if (c == '-') {
      out += "\\-";
      ++i;
      continue;
    }
    bool done = false;
    for (const auto& [from, to] : kGlyphs) {
      if (text.substr(i).starts_with(from)) {
        out += to;
        i += from.size();
        done = true;
        break;
      }
    }
    if (!done) out += text[i++];
  }
  // A line of text starting with a dot or a quote would be read as a request.
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

// A description as a sentence: its final stop added where it lacks one.
std::string sentence(std::string_view text) {
  const bool stop = text.ends_with(".") || text.ends_with("…") || text.ends_with("?");
  return roff(text) + (stop ? "" : ".") + "\n";
}

std::string type_words(const KeyDef& k) {
  switch (k.type) {
    case Type::text: return "text";
    case Type::markdown: return "Markdown text";
    case Type::id: return "id";
    case Type::ref: return "id (a reference)";
    case Type::refs: return "list of ids";
    case Type::ref_map: return "mapping of id to id";
    case Type::date: return "date (YYYY-MM-DD)";
    case Type::time: return "time (HH:MM, quoted)";
    case Type::number: return "number";
    case Type::weight: return "number, 0 or more";
    case Type::integer: return "whole number, 0 or more";
    case Type::boolean: return "true or false";
    case Type::money: return "amount in euros, two decimals at most";
    case Type::quorum: return "fraction in (0, 1]: 1/2, 0.5 or 50%";
    case Type::second_call: return "a meeting id (or true, false)";
    case Type::choice: {
      std::string s = "one of ";
      for (std::size_t i = 0; i < k.values.size(); ++i) {
        s += std::string(i ? (i + 1 == k.values.size() ? " or " : ", ") : "") + "\\fB" + roff(k.values[i]) + "\\fR";
      }
      return s;
    }
    case Type::email: return "e\\-mail address (name@example.org)";
    case Type::amounts: return "amount in euros, or a list of dated amounts";
    case Type::communes: return "list of INSEE codes (5 characters)";
    case Type::paths: return "list of folders (relative paths)";
    case Type::map: return "mapping";
    case Type::list: return "list of mappings";
    default: break;  // a type added to keys.h: named by its key's description
  }
  return "text";
}

void mapping(std::string& out, const MapDef& m, const std::string& path) {
  if (!path.empty()) {
    out += ".PP\n\\fB" + roff(path) + "\\fR: " + sentence(m.en);
  }
  out += ".RS\n";
  for (const KeyDef& k : m.keys) {
    out += ".TP\n.B " + roff(k.name) + "\n" + (k.type == Type::choice ? type_words(k) : roff(type_words(k)));
    if (k.required) {
      out += "; required";
    } else if (!k.default_value.empty()) {
      out += "; default \\fB" + roff(k.default_value) + "\\fR";
    }
    out += ".\n" + sentence(k.en);
  }
  out += ".RE\n";
  for (const KeyDef& k : m.keys) {
    if (!k.map) continue;
    const std::string here = (path.empty() ? "" : path + ".") + std::string(k.name) + (k.type == Type::list ? "[]" : "");
    mapping(out, *k.map, here);
  }
}

}  // namespace

std::string manual_keys() {
  std::string out;
  for (const keys::FileKind* k : kinds()) {
    const keys::FileKind& kind = *k;
    const std::string where = kind.folder.empty() ? std::string(kind.name) : std::string(kind.folder) + "/*.yaml";
    out += ".SS " + roff(where) + "\n" + roff(kind.en) + (kind.one_or_list ? ": one mapping, or a list of them" : "") +
           ".\n";
    mapping(out, *kind.root, "");
  }
  return out;
}

}  // namespace cls::schema
