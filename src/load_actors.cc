// SPDX-License-Identifier: EUPL-1.2
// actors/*.yaml (SPEC §1.3): organisations and people.
#include "load_reader.h"

namespace cls::load {

void read_actor(Reader& r, const YamlNode& n, std::vector<Actor>& out) {
  Reader::Map am(r, n, keys::actor);
  Actor a;
  a.loc = am.loc();
  a.id = r.id(am.get("id"), a.loc);
  a.kind = am.choice<ActorKind>("kind", {ActorKind::person, ActorKind::organisation}, "actor kind");
  a.name = r.text(am.get("name"));
  a.civility = am.choice<Civility>("civility", {Civility::mme, Civility::m}, "civility");
  a.role = r.text(am.get("role"));
  a.organisation = r.ref(am.get("organisation"));
  a.email = r.email(am.get("email"));
  a.phone = r.text(am.get("phone"));
  a.address = r.text(am.get("address"));
  a.college = r.text(am.get("college"));
  a.substitute = r.ref(am.get("substitute"));
  a.mandate = r.period(am.get("mandate"), "mandate");
  a.honorific = am.choice<Honorific>("honorific", {Honorific::dr, Honorific::pr, Honorific::me}, "honorific");
  a.salutation = r.text(am.get("salutation"));
  a.article = am.choice<Article>("article", {Article::le, Article::la, Article::elided, Article::les}, "article");
  out.push_back(std::move(a));
}

}  // namespace cls::load
