// SPDX-License-Identifier: EUPL-1.2
// The schemas against the key tables: walking every table from every kind of
// file, each key is a property of its mapping's definition, with its French
// description, its values and whether it is required; nothing else is.
#include "cls/schema.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cls/french_words.h"

using namespace cls;
using json = nlohmann::json;

namespace {

std::string def_name(const keys::MapDef& m) {
  std::string out(m.name);
  for (char& c : out) c = c == ' ' ? '_' : c;
  return out;
}

// Checks the definition of `m` in `s` and, through its keys, every mapping it holds.
void walk(const json& s, const keys::MapDef& m, std::set<const keys::MapDef*>& seen, int& keys_seen) {
  if (!seen.insert(&m).second) return;
  INFO("mapping " << m.name);
  REQUIRE(s["definitions"].contains(def_name(m)));
  const json& d = s["definitions"][def_name(m)];
  CHECK(d["additionalProperties"] == false);
  CHECK(d["description"] == std::string(m.fr));
  CHECK(d["properties"].size() == m.keys.size());
  std::set<std::string> required;
  if (d.contains("required")) required = d["required"].get<std::set<std::string>>();
  for (const keys::KeyDef& k : m.keys) {
    INFO("key " << k.name);
    ++keys_seen;
    REQUIRE(d["properties"].contains(std::string(k.name)));
    const json& p = d["properties"][std::string(k.name)];
    CHECK(p["description"] == std::string(k.fr));
    CHECK(!std::string(k.fr).empty());
    CHECK(required.count(std::string(k.name)) == (k.required ? 1u : 0u));
    if (k.type == keys::Type::choice) {
      json values = p["enum"];
      if (!k.required) values.erase(values.end() - 1);  // null: the key left out
      CHECK(values.size() == k.values.size());
      for (std::size_t i = 0; i < k.values.size(); ++i) {
        CHECK(values[i] == std::string(k.values[i]));
        CHECK(!words::french_label(k.values[i]).empty());  // every value has its French name
      }
    }
    if (k.map) walk(s, *k.map, seen, keys_seen);
  }
}

}  // namespace

TEST_CASE("every key of every table is in its file's schema, described in French") {
  const auto all = schema::schemas();
  REQUIRE(all.size() == schema::kinds().size());
  int total = 0;
  for (const schema::SchemaFile& f : all) {
    INFO(f.name);
    const json s = json::parse(f.json);
    CHECK(s["$schema"] == "http://json-schema.org/draft-07/schema#");
    std::set<const keys::MapDef*> seen;
    walk(s, *f.kind->root, seen, total);
    // No definition that no table made.
    CHECK(s["definitions"].size() == seen.size());
  }
  CHECK(total > 100);
}

TEST_CASE("schema files are named after their kind of file") {
  const auto all = schema::schemas();
  std::set<std::string> names;
  for (const auto& f : all) names.insert(f.name);
  CHECK(names.count("cls.schema.json"));
  CHECK(names.count("actors.schema.json"));
  CHECK(names.count("actions.schema.json"));
  CHECK(names.count("meetings.schema.json"));
  CHECK(all[0].glob == "cls.yaml");
  CHECK(all[1].glob == "actors/*.yaml");
}

TEST_CASE("schemas accept what the loader accepts: quoted numbers, quorum in %, defaults typed") {
  const json s = json::parse(schema::schemas()[0].json);
  const json& body = s["definitions"]["body"]["properties"];
  const std::string quorum = body["quorum"].dump();
  CHECK(quorum.find("%") != std::string::npos);
  CHECK(body["proxies"]["default"] == 1);
  CHECK(body["substitutes"]["default"] == true);
  CHECK(body["majority"]["default"] == "cast");
  CHECK(body["majority"]["enumDescriptions"][1] == "majorité des membres présents ou représentés");
  // An optional key may be written empty: the loader reads it as absent.
  CHECK(body["chair"]["type"].dump().find("null") != std::string::npos);
}

TEST_CASE("schemas are deterministic") { CHECK(schema::schemas()[3].json == schema::schemas()[3].json); }

#include <cstdlib>
#include <fstream>
#include <sstream>

// cls-format(5) lists the keys of the tables: its block between BEGIN KEYS
// and END KEYS is manual_keys(), so that a key added to keys.cc fails this
// test until the page is remade (CLS_UPDATE_MAN=1 runs the remaking).
TEST_CASE("cls-format(5) documents every key of the tables") {
  const std::string path = std::string(CLS_SOURCE_DIR) + "/man/cls-format.5";
  std::ifstream in(path);
  REQUIRE(in);
  std::stringstream buf;
  buf << in.rdbuf();
  std::string page = buf.str();
  const std::size_t begin = page.find("\n", page.find(".\\\" BEGIN KEYS")) + 1;
  const std::size_t end = page.find(".\\\" END KEYS");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  const std::string keys = schema::manual_keys();
  if (page.substr(begin, end - begin) != keys && std::getenv("CLS_UPDATE_MAN")) {
    page.replace(begin, end - begin, keys);
    std::ofstream(path) << page;
  }
  CHECK_MESSAGE(page.substr(begin, end - begin) == keys,
                "man/cls-format.5 is not the tables': run CLS_UPDATE_MAN=1 build/tests/cls_unit -tc='cls-format*'");
  // And, walked from the tables, every key is there by name.
  std::set<const keys::MapDef*> seen;
  std::vector<const keys::MapDef*> todo;
  for (const auto* k : schema::kinds()) todo.push_back(k->root);
  while (!todo.empty()) {
    const keys::MapDef* m = todo.back();
    todo.pop_back();
    if (!seen.insert(m).second) continue;
    for (const auto& k : m->keys) {
      std::string name;
      for (char c : k.name) name += c == '-' ? std::string("\\-") : std::string(1, c);
      CHECK_MESSAGE(page.find(".B " + name + "\n") != std::string::npos, k.name);
      if (k.map) todo.push_back(k.map);
    }
  }
}
