// SPDX-License-Identifier: EUPL-1.2
// The key tables against the loader: every key of every table is read (a
// wrong value for it is reported), a file holding every key with a valid
// value loads without a word, and the tables are well formed.
#include "cls/keys.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "cls/load.h"

using namespace cls;
using namespace cls::keys;

namespace {

// A valid value for a key, in YAML flow style. With `wrong`, every value of
// that key (wherever its table is used) is replaced by one of another type.
std::string sample(const MapDef& def, const KeyDef* wrong, int depth = 0);

std::string value_of(const KeyDef& k, const KeyDef* wrong, int depth) {
  if (&k == wrong) {
    // A scalar where a mapping or a list is expected, a mapping elsewhere.
    switch (k.type) {
      case Type::map: case Type::list: case Type::refs: case Type::ref_map: case Type::communes: case Type::paths:
        return "w";
      default: return "{w: 1}";
    }
  }
  switch (k.type) {
    case Type::text: case Type::markdown: return "t";
    case Type::email: return "t@example.org";
    case Type::id: case Type::ref: return "x1";
    case Type::refs: return "[x1]";
    case Type::ref_map: return "{x1: x2}";
    case Type::date: return "2026-01-01";
    case Type::time: return "\"14:00\"";
    case Type::number: case Type::weight: case Type::integer: case Type::money: return "1";
    case Type::communes: return "[\"54528\", \"2A004\"]";
    case Type::paths: return "[p1]";
    case Type::boolean: return "true";
    case Type::quorum: return "\"1/2\"";
    case Type::second_call: return "x1";
    case Type::choice: return std::string(k.values.front());
    case Type::map: return sample(*k.map, wrong, depth + 1);
    case Type::list: case Type::amounts: {
      // Appended, not `"[" + …`: GCC 12 warns falsely on a C string prepended
      // to a temporary (-Wrestrict, PR 105329).
      std::string list = "[";
      list += sample(*k.map, wrong, depth + 1);
      return list += "]";
    }
  }
  return "t";
}

std::string sample(const MapDef& def, const KeyDef* wrong, int depth) {
  REQUIRE(depth < 10);
  std::string out = "{";
  for (const KeyDef& k : def.keys) {
    if (out.size() > 1) out += ", ";
    out += std::string(k.name) + ": " + value_of(k, wrong, depth);
  }
  return out + "}";
}

const std::string kManifest = "{id: p, title: Projet}";

// The project made of one file of `kind` holding `text` (and a minimal
// cls.yaml beside it), loaded: the loader's diagnostics.
Diagnostics load_one(const FileKind& kind, const std::string& text) {
  std::vector<SourceFile> files;
  if (kind.folder.empty()) {
    files.push_back({std::string(kind.name), text});
  } else {
    files.push_back({"cls.yaml", kManifest});
    files.push_back({std::string(kind.folder) + "/one.yaml", text});
  }
  Diagnostics diags;
  load_project(std::move(files), diags);
  return diags;
}

// Every table reachable from `def`, each once.
void reachable(const MapDef& def, std::set<const MapDef*>& out) {
  if (!out.insert(&def).second) return;
  for (const KeyDef& k : def.keys) {
    if (k.map) reachable(*k.map, out);
  }
}

std::string messages(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.rule + ": " + x.message + "\n";
  return s;
}

}  // namespace

TEST_CASE("the tables are well formed") {
  for (const FileKind& kind : file_kinds()) {
    std::set<const MapDef*> defs;
    reachable(*kind.root, defs);
    for (const MapDef* def : defs) {
      CAPTURE(def->name);
      CHECK(def->keys.size() <= 32);  // load_reader.h, Map::kMaxKeys
      CHECK(!def->fr.empty());
      CHECK(!def->en.empty());
      std::set<std::string_view> names;
      for (const KeyDef& k : def->keys) {
        CAPTURE(k.name);
        CHECK(names.insert(k.name).second);
        CHECK(!k.fr.empty());
        CHECK(!k.en.empty());
        CHECK((k.type == Type::map || k.type == Type::list || k.type == Type::amounts) == (k.map != nullptr));
        CHECK((k.type == Type::choice) == !k.values.empty());
        CHECK(def->find(k.name) == &k);
      }
    }
  }
}

TEST_CASE("a file with every key, each with a valid value, loads without a diagnostic") {
  for (const FileKind& kind : file_kinds()) {
    CAPTURE(kind.name);
    const Diagnostics d = load_one(kind, sample(*kind.root, nullptr));
    CHECK_MESSAGE(d.all().empty(), messages(d));
  }
}

TEST_CASE("the loader reads every key of every table: a wrong value is reported") {
  for (const FileKind& kind : file_kinds()) {
    std::set<const MapDef*> defs;
    reachable(*kind.root, defs);
    for (const MapDef* def : defs) {
      for (const KeyDef& k : def->keys) {
        CAPTURE(kind.name);
        CAPTURE(def->name);
        CAPTURE(k.name);
        const Diagnostics d = load_one(kind, sample(*kind.root, &k));
        CHECK(d.has_errors());
        for (const auto& x : d.all()) CHECK(x.rule != "schema/unknown-key");
      }
    }
  }
}

TEST_CASE("a required key left out is reported, an unknown key is named with the nearest") {
  const FileKind& actors = file_kinds()[1];
  REQUIRE(actors.name == "actors");
  Diagnostics d = load_one(actors, "{id: a1, nmae: Marie}");
  REQUIRE(d.all().size() == 2);
  std::set<std::string> rules;
  for (const auto& x : d.all()) rules.insert(x.rule + " " + x.message);
  CHECK(rules.count("schema/missing-key missing required key 'name' in actor"));
  CHECK(rules.count("schema/unknown-key unknown key 'nmae' in actor; did you mean 'name'?"));
}
