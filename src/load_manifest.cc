// SPDX-License-Identifier: EUPL-1.2
// cls.yaml (SPEC §1.2): the project's identity, axes and objectives, bodies.
#include "load_reader.h"

namespace cls::load {

namespace {

void read_organisation(Reader& r, const YamlNode& o, Manifest& m) {
  Reader::Map om(r, o, keys::organisation);
  Organisation org;
  org.name = r.text(om.get("name"));
  org.address = r.text(om.get("address"));
  org.city = r.text(om.get("city"));
  org.email = r.email(om.get("email"));
  org.phone = r.text(om.get("phone"));
  if (const YamlNode* c = om.get("contact"); c && r.expect_map(*c, "contact")) {
    Reader::Map cm(r, *c, keys::contact);
    Contact contact;
    contact.name = r.text(cm.get("name"));
    contact.email = r.email(cm.get("email"));
    contact.phone = r.text(cm.get("phone"));
    org.contact = std::move(contact);
  }
  m.organisation = std::move(org);
}

void read_axis(Reader& r, const YamlNode& a, Manifest& m) {
  Reader::Map am(r, a, keys::axis);
  Axis axis;
  axis.loc = am.loc();
  axis.id = r.id(am.get("id"), axis.loc);
  axis.title = r.text(am.get("title"));
  r.each_map(am.get("objectives"), "objectives", axis.objectives, [&](const YamlNode& o) {
    Reader::Map obm(r, o, keys::objective);
    Objective obj;
    obj.loc = obm.loc();
    obj.id = r.id(obm.get("id"), obj.loc);
    obj.title = r.text(obm.get("title"));
    obj.weight = r.weight(obm.get("weight"));
    axis.objectives.push_back(std::move(obj));
  });
  m.axes.push_back(std::move(axis));
}

Bounds read_bounds(Reader& r, const YamlNode& n, std::string_view what) {
  Reader::Map sm(r, n, keys::bounds, what);
  Bounds b;
  b.loc = sm.loc();
  b.min = r.integer(sm.get("min"));
  b.max = r.integer(sm.get("max"));
  return b;
}

void read_body(Reader& r, const YamlNode& b, Manifest& m) {
  Reader::Map bm(r, b, keys::body);
  Body body;
  body.loc = bm.loc();
  body.id = r.id(bm.get("id"), body.loc);
  body.title = r.text(bm.get("title"));
  body.members = r.refs(bm.get("members"));
  body.members_loc = bm.key_loc("members");
  body.chair = r.ref(bm.get("chair"));
  body.quorum = r.quorum(bm.get("quorum"));
  body.notice_days = r.integer(bm.get("notice_days"));
  body.proxies = r.integer(bm.get("proxies"));
  body.majority = bm.choice<Majority>("majority", {Majority::cast, Majority::present}, "majority");
  body.substitutes = r.boolean(bm.get("substitutes"));
  if (const YamlNode* s = bm.get("size"); s && r.expect_map(*s, "size")) {
    body.size = read_bounds(r, *s, "size");
  }
  r.each_map(bm.get("colleges"), "colleges", body.colleges, [&](const YamlNode& c) {
    Reader::Map cm(r, c, keys::college);
    College college;
    college.loc = cm.loc();
    college.id = r.id(cm.get("id"), college.loc);
    college.title = r.text(cm.get("title"));
    college.size.loc = cm.loc();
    college.size.min = r.integer(cm.get("min"));
    college.size.max = r.integer(cm.get("max"));
    college.substitutes = r.boolean(cm.get("substitutes"));
    body.colleges.push_back(std::move(college));
  });
  m.bodies.push_back(std::move(body));
}

}  // namespace

void read_manifest(Reader& r, const YamlNode& root, Manifest& m) {
  if (!r.expect_map(root, "cls.yaml")) return;
  Reader::Map top(r, root, keys::manifest);
  Loc id_loc = top.loc();
  std::string id = r.id(top.get("id"), id_loc);
  if (!id.empty()) m.id = Field<std::string>{id, id_loc};
  m.title = r.text(top.get("title"));
  m.kind = top.choice<ProjectKind>("kind", {ProjectKind::cls, ProjectKind::cts}, "kind");
  m.lang = top.choice<Lang>("lang", {Lang::fr, Lang::en}, "lang");
  if (const YamlNode* tz = top.get("timezone")) {
    const auto zones = top.def("timezone").values;
    if (auto i = r.choice_index(*tz, zones, "time zone")) m.timezone = Field<std::string>{std::string(zones[*i]), r.loc(*tz)};
  }
  m.territory = r.text(top.get("territory"));
  if (const YamlNode* o = top.get("organisation"); o && r.expect_map(*o, "organisation")) {
    read_organisation(r, *o, m);
  }
  m.period = r.period(top.get("period"), "period");
  r.each_map(top.get("axes"), "axes", m.axes, [&](const YamlNode& a) { read_axis(r, a, m); });
  r.each_map(top.get("bodies"), "bodies", m.bodies, [&](const YamlNode& b) { read_body(r, b, m); });
  m.stale_months = r.integer(top.get("stale_months"), 1);
  m.population = r.integer(top.get("population"));
  m.communes = r.communes(top.get("communes"));
  m.themes = r.themes(top.get("themes"));
}

}  // namespace cls::load
