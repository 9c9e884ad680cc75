// SPDX-License-Identifier: EUPL-1.2
// JSON Schemas of the files (schema.h), walked from the key tables: each
// MapDef becomes a definition, each KeyDef a property whose schema follows
// its Type the way the loader reads it (load_reader.cc). A key the loader
// reads as null is absent, so an optional key also accepts null.
#include "cls/schema.h"

#include <map>
#include <nlohmann/json.hpp>

#include "cls/french_words.h"

namespace cls::schema {

namespace {

using json = nlohmann::ordered_json;
using keys::KeyDef;
using keys::MapDef;
using keys::Type;

// The loader's id (load_reader.cc, is_valid_id): a letter or digit, then
// letters, digits, '.', '_' or '-', 64 characters at most.
constexpr const char* kIdPattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
// Reader::parse_number: decimal notation, quoted or not.
constexpr const char* kNumberPattern = "^ *[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)? *$";

// The scalar types of YAML a value written as text may take once parsed:
// `phone: 0383000000` is a number to YAML, and text to the loader.
json any_scalar() { return json::array({"string", "number", "boolean"}); }

json scalar_schema(const KeyDef& k) {
  switch (k.type) {
    case Type::text:
    case Type::ref:
      return {{"type", any_scalar()}};
    case Type::markdown:
      return {{"type", any_scalar()}, {"contentMediaType", "text/markdown"}};
    case Type::id:
      return {{"anyOf", json::array({json{{"type", "string"}, {"pattern", kIdPattern}},
                                     json{{"type", "integer"}, {"minimum", 0}}})}};
    case Type::refs:
      return {{"type", "array"}, {"items", {{"type", any_scalar()}}}};
    case Type::ref_map:
      return {{"type", "object"}, {"additionalProperties", {{"type", any_scalar()}}}};
    case Type::email:
      // mail.h is_email_address(): a dot-atom, @, two or more labels of
      // letters, digits and inner hyphens (lengths are left to cls check).
      return {{"type", "string"},
              {"pattern", R"(^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
                          R"(@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$)"},
              {"format", "email"}};
    case Type::amounts:
      // An amount (the list form is the key's map, added by the builder).
      return {{"anyOf", json::array({json{{"type", "number"}, {"minimum", 0}, {"multipleOf", 0.01}},
                                     json{{"type", "string"}, {"pattern", "^\\+?[0-9]{1,13}(\\.[0-9]{1,2})?$"}}})}};
    case Type::communes:
      // INSEE codes: five characters, digits, or 2A/2B and three digits (Corsica).
      return {{"type", "array"},
              {"items", {{"anyOf", json::array({json{{"type", "string"}, {"pattern", "^([0-9]{5}|2[AB][0-9]{3})$"}},
                                                json{{"type", "integer"}, {"minimum", 1000}, {"maximum", 99999}}})}}}};
    case Type::paths:
      return {{"type", "array"}, {"items", {{"type", "string"}, {"minLength", 1}}}};
    case Type::date:
      // YYYY-MM-DD, quoted or not: editors read an unquoted date as text.
      return {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}, {"format", "date"}};
    case Type::time:
      return {{"type", "string"}, {"pattern", "^([01]?[0-9]|2[0-3]):[0-5][0-9]$"}};
    case Type::number:
      return {{"anyOf", json::array({json{{"type", "number"}, {"minimum", -1e15}, {"maximum", 1e15}},
                                     json{{"type", "string"}, {"pattern", kNumberPattern}}})}};
    case Type::weight:
      return {{"anyOf", json::array({json{{"type", "number"}, {"minimum", 0}, {"maximum", 1e15}},
                                     json{{"type", "string"}, {"pattern", "^ *\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)? *$"}}})}};
    case Type::integer:
      return {{"anyOf", json::array({json{{"type", "integer"}, {"minimum", 0}, {"maximum", 2147483647}},
                                     json{{"type", "string"}, {"pattern", "^[0-9]{1,9}$"}}})}};
    case Type::boolean:
      return {{"type", "boolean"}};
    case Type::money:
      // Money::parse: euros, at most two decimals.
      return {{"anyOf", json::array({json{{"type", "number"}, {"minimum", 0}, {"multipleOf", 0.01}},
                                     json{{"type", "string"}, {"pattern", "^\\+?[0-9]{1,13}(\\.[0-9]{1,2})?$"}}})}};
    case Type::quorum:
      // parse_quorum: "1/2", "0.5" or "50%", a fraction in (0, 1].
      return {{"anyOf",
               json::array({json{{"type", "number"}, {"exclusiveMinimum", 0}, {"maximum", 1}},
                            json{{"type", "string"},
                                 {"pattern", "^ *([0-9]{1,9}(\\.[0-9]*)?|\\.[0-9]+) *(/ *([0-9]{1,9}(\\.[0-9]*)?|\\.[0-9]+) *|%)? *$"}}})},
              {"examples", json::array({"1/2", "50%", 0.5})}};
    case Type::second_call:
      return {{"anyOf", json::array({json{{"type", "boolean"}}, json{{"type", "string"}, {"pattern", kIdPattern}},
                                     json{{"type", "integer"}, {"minimum", 0}}})}};
    case Type::choice: {
      json values = json::array();
      json labels = json::array();
      for (std::string_view v : k.values) {
        values.push_back(v);
        const std::string_view fr = words::french_label(v);
        labels.push_back(fr.empty() ? v : fr);
      }
      // enumDescriptions: what VS Code's and the YAML language server's
      // completion show beside each value.
      return {{"enum", values}, {"enumDescriptions", labels}};
    }
    case Type::map:
    case Type::list:
      break;
    default:
      // A type this generator does not know yet: anything (cls check says more).
      break;
  }
  return json::object();
}

// A definition's name: the table's name as a JSON Pointer takes it.
std::string def_name(const MapDef& m) {
  std::string out;
  for (char c : m.name) out += c == ' ' ? '_' : c;
  return out;
}

// The default as a JSON value of the key's type.
json default_of(const KeyDef& k) {
  const std::string d(k.default_value);
  switch (k.type) {
    case Type::boolean: return d == "true";
    case Type::integer: return std::stoi(d);
    case Type::number: case Type::weight: case Type::money: return std::stod(d);
    default: return d;
  }
}

class Builder {
 public:
  json definition(const MapDef& m) {
    json props = json::object();
    json required = json::array();
    for (const KeyDef& k : m.keys) {
      json p;
      if (k.type == Type::map) {
        // In draft-07 a $ref hides its siblings (the description): wrapped.
        p = {{"allOf", json::array({json{{"$ref", ref(*k.map)}}})}};
      } else if (k.type == Type::list) {
        p = {{"type", "array"}, {"items", {{"$ref", ref(*k.map)}}}};
      } else if (k.map) {
        // A value of the key's type, or a list of mappings (an amount, or
        // dated amounts).
        p = {{"anyOf", json::array({scalar_schema(k), json{{"type", "array"}, {"items", {{"$ref", ref(*k.map)}}}}})}};
      } else {
        p = scalar_schema(k);
      }
      if (!k.required) {
        // `key:` with nothing after it is the key left out (Reader::Map::get).
        p = k.type == Type::map ? json{{"anyOf", json::array({p["allOf"][0], json{{"type", "null"}}})}}
                                : allow_null(p);
      }
      json described = {{"description", std::string(k.fr)}};
      if (!k.default_value.empty()) described["default"] = default_of(k);
      described.update(p);
      props[std::string(k.name)] = described;
      if (k.required) required.push_back(k.name);
    }
    json d = {{"type", "object"}, {"description", std::string(m.fr)}, {"additionalProperties", false}};
    if (!required.empty()) d["required"] = required;
    d["properties"] = props;
    return d;
  }

  // "#/definitions/NAME", the definition built once.
  std::string ref(const MapDef& m) {
    const std::string name = def_name(m);
    if (!seen_.count(name)) {
      seen_[name] = &m;
      defs_[name] = json();  // the place first, so that the order is the tables'
      defs_[name] = definition(m);
    }
    return "#/definitions/" + name;
  }

  json defs() const { return defs_; }

 private:
  static json allow_null(json p) {
    if (p.contains("type")) {
      json t = p["type"].is_array() ? p["type"] : json::array({p["type"]});
      t.push_back("null");
      p["type"] = t;
    } else if (p.contains("anyOf")) {
      p["anyOf"].push_back(json{{"type", "null"}});
    } else if (p.contains("enum")) {
      p["enum"].push_back(nullptr);
      p["enumDescriptions"].push_back("");
    }
    return p;
  }

  std::map<std::string, const MapDef*> seen_;
  json defs_ = json::object();
};

std::string glob_of(const keys::FileKind& kind) {
  return kind.folder.empty() ? std::string(kind.name) : std::string(kind.folder) + "/*.yaml";
}

}  // namespace

std::string file_name(const keys::FileKind& kind) {
  std::string name(kind.name);
  if (name.size() > 5 && name.ends_with(".yaml")) name.resize(name.size() - 5);
  return name + ".schema.json";
}

std::vector<const keys::FileKind*> kinds() {
  std::vector<const keys::FileKind*> out;
  for (const keys::FileKind& kind : keys::file_kinds()) out.push_back(&kind);
  // region.yaml is not a project's file (a region holds projects) but has
  // its table like them.
  out.push_back(&keys::region_file_kind());
  return out;
}

std::vector<SchemaFile> schemas() {
  std::vector<SchemaFile> out;
  for (const keys::FileKind* k : kinds()) {
    const keys::FileKind& kind = *k;
    Builder b;
    const std::string root = b.ref(*kind.root);
    json s = {{"$schema", "http://json-schema.org/draft-07/schema#"},
              {"$id", "https://cls.example.org/schema/" + file_name(kind)},
              {"title", std::string(kind.fr)},
              {"description", std::string(kind.fr) + " (" + glob_of(kind) + ", cls-format(5))"}};
    if (kind.one_or_list) {
      s["anyOf"] = json::array({json{{"$ref", root}}, json{{"type", "array"}, {"items", {{"$ref", root}}}}});
    } else {
      s["allOf"] = json::array({json{{"$ref", root}}});
    }
    s["definitions"] = b.defs();
    out.push_back({&kind, file_name(kind), glob_of(kind), s.dump(2, ' ', false) + "\n"});
  }
  return out;
}

}  // namespace cls::schema
