// SPDX-License-Identifier: EUPL-1.2
// meetings/*.yaml (SPEC §1.5): one file is the whole life of a meeting, its
// agenda before and its minutes after.
#include "load_reader.h"

namespace cls::load {

namespace {

void read_decision(Reader& r, const YamlNode& d, AgendaItem& item) {
  Reader::Map dm(r, d, keys::decision);
  Decision dec;
  dec.loc = dm.loc();
  dec.text = r.text(dm.get("text"));
  if (const YamlNode* v = dm.get("vote"); v && r.expect_map(*v, "vote")) {
    Reader::Map vm(r, *v, keys::vote);
    Vote vote;
    vote.loc = vm.loc();
    vote.for_ = r.integer(vm.get("for")).value_or(0);
    vote.against = r.integer(vm.get("against")).value_or(0);
    vote.abstain = r.integer(vm.get("abstain")).value_or(0);
    dec.vote = vote;
  }
  dec.outcome = dm.choice<Outcome>("outcome", {Outcome::adopted, Outcome::rejected}, "outcome");
  dec.number = r.text(dm.get("number"));
  dec.recused = r.refs(dm.get("recused"));
  r.each_map(dm.get("dissent"), "dissents", dec.dissent, [&](const YamlNode& x) {
    Reader::Map xm(r, x, keys::dissent);
    Dissent dis;
    dis.loc = xm.loc();
    if (auto member = r.ref(xm.get("member"))) dis.member = std::move(*member);
    dis.text = r.text(xm.get("text"));
    dec.dissent.push_back(std::move(dis));
  });
  item.decisions.push_back(std::move(dec));
}

void read_followup(Reader& r, const YamlNode& f, AgendaItem& item) {
  Reader::Map fm(r, f, keys::followup);
  Followup fu;
  fu.loc = fm.loc();
  fu.task = r.text(fm.get("task"));
  fu.owner = r.ref(fm.get("owner"));
  fu.due = r.date(fm.get("due"));
  fu.done = r.date(fm.get("done"));
  item.followups.push_back(std::move(fu));
}

void read_item(Reader& r, const YamlNode& n, std::vector<AgendaItem>& out) {
  Reader::Map im(r, n, keys::agenda_item);
  AgendaItem item;
  item.loc = im.loc();
  item.title = r.text(im.get("title"));
  item.kind = im.choice<ItemKind>("kind", {ItemKind::information, ItemKind::discussion, ItemKind::decision},
                                  "agenda item kind");
  item.presenter = r.ref(im.get("presenter"));
  item.duration = r.integer(im.get("duration"));
  item.actions = r.refs(im.get("actions"));
  item.notes = r.text(im.get("notes"));
  item.summary = r.text(im.get("summary"));
  r.each_map(im.get("attachments"), "attachments", item.attachments, [&](const YamlNode& a) {
    Reader::Map am(r, a, keys::attachment);
    Attachment att;
    att.loc = am.loc();
    att.title = r.text(am.get("title"));
    att.file = r.text(am.get("file"));
    item.attachments.push_back(std::move(att));
  });
  r.each_map(im.get("decisions"), "decisions", item.decisions,
             [&](const YamlNode& d) { read_decision(r, d, item); });
  r.each_map(im.get("followups"), "followups", item.followups,
             [&](const YamlNode& f) { read_followup(r, f, item); });
  out.push_back(std::move(item));
}

void read_attendance(Reader& r, const YamlNode& a, Meeting& m) {
  Reader::Map am(r, a, keys::attendance);
  Attendance att;
  att.loc = am.loc();
  att.present = r.refs(am.get("present"));
  att.excused = r.refs(am.get("excused"));
  for (auto& [giver, holder] :
       r.ref_map(am.get("proxies"), "a mapping of absent member to holder, e.g. {a.dupont: m.martin}")) {
    att.proxies.push_back({std::move(giver), std::move(holder)});
  }
  att.remote = r.refs(am.get("remote"));
  for (auto& [org, person] : r.ref_map(am.get("representatives"),
                                       "a mapping of member organisation to the person who sat, e.g. {cpam: j.dupont}")) {
    att.representatives.push_back({std::move(org), std::move(person)});
  }
  m.attendance = std::move(att);
}

}  // namespace

void read_meeting(Reader& r, const YamlNode& n, std::vector<Meeting>& out) {
  Reader::Map mm(r, n, keys::meeting);
  Meeting m;
  m.loc = mm.loc();
  m.id = r.id(mm.get("id"), m.loc);
  m.body = r.ref(mm.get("body"));
  m.title = r.text(mm.get("title"));
  m.date = r.date(mm.get("date"));
  m.start = r.time(mm.get("start"));
  m.end = r.time(mm.get("end"));
  m.place = r.text(mm.get("place"));
  m.online = r.text(mm.get("online"));
  m.guests = r.refs(mm.get("guests"));
  r.second_call(mm.get("second_call"), m.second_call, m.first_call);
  m.urgent = r.boolean(mm.get("urgent"));
  m.chair = r.ref(mm.get("chair"));
  m.secretary = r.ref(mm.get("secretary"));
  m.opened = r.time(mm.get("opened"));
  m.closed = r.time(mm.get("closed"));
  m.minutes_approved = r.ref(mm.get("minutes_approved"));
  if (const YamlNode* c = mm.get("convocation"); c && r.expect_map(*c, "convocation")) {
    Reader::Map cm(r, *c, keys::convocation);
    Convocation conv;
    conv.loc = cm.loc();
    conv.date = r.date(cm.get("date"));
    conv.signatory = r.ref(cm.get("signatory"));
    m.convocation = std::move(conv);
  }
  r.each_map(mm.get("agenda"), "agenda items", m.agenda, [&](const YamlNode& i) { read_item(r, i, m.agenda); });
  if (const YamlNode* a = mm.get("attendance"); a && r.expect_map(*a, "attendance")) {
    read_attendance(r, *a, m);
  } else if (!a && mm.has("attendance")) {
    // `attendance:` written but empty still means the meeting is held.
    Attendance att;
    att.loc = mm.key_loc("attendance");
    m.attendance = std::move(att);
  }
  out.push_back(std::move(m));
}

}  // namespace cls::load
