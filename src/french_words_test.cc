// SPDX-License-Identifier: EUPL-1.2
#include "cls/french_words.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "cls/keys.h"

using namespace cls;
using namespace cls::words;

namespace {

std::vector<std::string_view> keys_of(const keys::MapDef& m) {
  std::vector<std::string_view> out;
  for (const auto& k : m.keys) out.push_back(k.name);
  return out;
}

void collect(const keys::MapDef& m, std::set<std::string>& names, std::set<const keys::MapDef*>& seen) {
  if (!seen.insert(&m).second) return;
  for (const auto& k : m.keys) {
    names.insert(std::string(k.name));
    for (auto v : k.values) names.insert(std::string(v));
    if (k.map) collect(*k.map, names, seen);
  }
}

}  // namespace

TEST_CASE("fold drops case and accents, composed or decomposed") {
  CHECK(fold("Échéance") == "echeance");
  CHECK(fold("e\xCC\x81" "che\xCC\x81" "ance") == "echeance");
  CHECK(fold("en cours") == "en-cours");
  CHECK(fold("en_cours") == "en-cours");
  CHECK(fold("Œuvre") == "oeuvre");
}

TEST_CASE("French words of coordinators suggest the key or value they stand for") {
  const auto action = keys_of(keys::action);
  CHECK(suggest("partenaires", action) == "partners");
  CHECK(suggest("porteur", action) == "lead");
  CHECK(suggest("échéance", action) == "due");
  CHECK(suggest("Echeance", action) == "due");
  CHECK(suggest("objectif", action) == "objective");
  CHECK(suggest("statut", action) == "status");
  CHECK(suggest("indicateurs", action) == "indicators");
  CHECK(suggest("partenaire", action) == "partners");
  CHECK(suggest("partenrs", action) == "partners");  // a misspelling still works
  CHECK(suggest("zzzzzz", action).empty());
  const auto indicator = keys_of(keys::indicator);
  CHECK(suggest("cible", indicator) == "target");
  CHECK(suggest("valeurs", indicator) == "values");
  CHECK(suggest("valeur", keys_of(keys::reading)) == "value");
  CHECK(suggest("objectifs", keys_of(keys::axis)) == "objectives");
  const auto status = keys::action.find("status")->values;
  const std::vector<std::string_view> statuses(status.begin(), status.end());
  CHECK(suggest("en-cours", statuses) == "in-progress");
  CHECK(suggest("en cours", statuses) == "in-progress");
  CHECK(suggest("terminé", statuses) == "done");
  CHECK(suggest("termine", statuses) == "done");
  CHECK(suggest("réalisé", statuses) == "done");
  CHECK(suggest("abandonné", statuses) == "abandoned");
  CHECK(suggest("prévu", statuses) == "planned");
  CHECK(suggest("suspendu", statuses) == "suspended");
  CHECK(suggest("Planned", statuses) == "planned");
  // `réalisé` in a budget is what was spent, not a status.
  CHECK(suggest("réalisé", keys_of(keys::budget)) == "spent");
}

TEST_CASE("every word of the table stands for a key or a value of the format") {
  std::set<std::string> names;
  std::set<const keys::MapDef*> seen;
  for (const auto& kind : keys::file_kinds()) collect(*kind.root, names, seen);
  for (const auto& w : french_words()) {
    INFO(w.french << " → " << w.english);
    CHECK(names.count(std::string(w.english)) == 1);
  }
}
