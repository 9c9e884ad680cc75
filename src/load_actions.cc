// SPDX-License-Identifier: EUPL-1.2
// actions/*.yaml (SPEC §1.4): the fiches actions, their budget and indicators.
#include "load_reader.h"

namespace cls::load {

namespace {

void read_indicator(Reader& r, const YamlNode& n, std::vector<Indicator>& out) {
  Reader::Map im(r, n, keys::indicator);
  Indicator ind;
  ind.loc = im.loc();
  ind.id = r.id(im.get("id"), ind.loc);
  ind.label = r.text(im.get("label"));
  ind.type = im.choice<IndicatorType>("type", {IndicatorType::process, IndicatorType::result}, "indicator type");
  ind.unit = r.text(im.get("unit"));
  ind.baseline = r.number(im.get("baseline"));
  ind.target = r.number(im.get("target"));
  if (!ind.target.has()) ind.target.loc = im.loc();
  ind.accumulate = r.boolean(im.get("accumulate"));
  ind.weight = r.weight(im.get("weight"));
  r.each_map(im.get("values"), "values", ind.values, [&](const YamlNode& v) {
    Reader::Map vm(r, v, keys::reading);
    Reading rd;
    rd.date = r.date(vm.get("date"));
    rd.value = r.number(vm.get("value"));
    rd.set_note(r.text(vm.get("note")));
    ind.values.push_back(std::move(rd));
  });
  out.push_back(std::move(ind));
}

void read_budget(Reader& r, const YamlNode& b, Action& a) {
  Reader::Map bm(r, b, keys::budget);
  Budget budget;
  budget.planned = r.money(bm.get("planned"));
  if (const YamlNode* s = bm.get("spent"); s && s->is_seq()) {
    // Dated spendings (SPEC §11.1): `spent` is their exact sum.
    Money total;
    r.each_map(s, "spent", budget.spendings, [&](const YamlNode& e) {
      Reader::Map sm(r, e, keys::spending);
      Spending sp;
      sp.loc = sm.loc();
      sp.date = r.date(sm.get("date"));
      sp.amount = r.money(sm.get("amount"));
      sp.note = r.text(sm.get("note"));
      if (sp.amount) total += *sp.amount;
      budget.spendings.push_back(std::move(sp));
    });
    budget.spent = Field<Money>{total, r.loc(*s)};
  } else {
    budget.spent = r.money(s);
  }
  r.each_map(bm.get("funding"), "funding", budget.funding, [&](const YamlNode& f) {
    Reader::Map fm(r, f, keys::funding);
    Funding fund;
    fund.loc = fm.loc();
    if (auto ref = r.ref(fm.get("funder"))) fund.funder = std::move(*ref);
    fund.amount = r.money(fm.get("amount"));
    fund.year = r.integer(fm.get("year"), 1);
    fund.status = fm.choice<FundingStatus>(
        "status", {FundingStatus::requested, FundingStatus::granted, FundingStatus::paid}, "funding status");
    budget.funding.push_back(std::move(fund));
  });
  a.budget = std::move(budget);
}

}  // namespace

void read_action(Reader& r, const YamlNode& n, std::vector<Action>& out) {
  Reader::Map am(r, n, keys::action);
  Action a;
  a.loc = am.loc();
  a.id = r.id(am.get("id"), a.loc);
  a.title = r.text(am.get("title"));
  a.objective = r.ref(am.get("objective"));
  a.status = am.choice<Status>(
      "status", {Status::planned, Status::in_progress, Status::done, Status::suspended, Status::abandoned},
      "status");
  a.lead = r.ref(am.get("lead"));
  a.partners = r.refs(am.get("partners"));
  a.start = r.date(am.get("start"));
  a.due = r.date(am.get("due"));
  a.weight = r.weight(am.get("weight"));
  a.public_target = r.text(am.get("public"));
  a.description = r.text(am.get("description"));
  if (const YamlNode* b = am.get("budget"); b && r.expect_map(*b, "budget")) read_budget(r, *b, a);
  r.each_map(am.get("indicators"), "indicators", a.indicators,
             [&](const YamlNode& i) { read_indicator(r, i, a.indicators); });
  r.each_map(am.get("history"), "history", a.history, [&](const YamlNode& h) {
    Reader::Map hm(r, h, keys::status_change);
    HistoryEntry c;
    c.loc = hm.loc();
    c.date = r.date(hm.get("date"));
    c.status = hm.choice<Status>(
        "status", {Status::planned, Status::in_progress, Status::done, Status::suspended, Status::abandoned},
        "status");
    c.note = r.text(hm.get("note"));
    a.history.push_back(std::move(c));
  });
  a.themes = r.refs(am.get("themes"));
  out.push_back(std::move(a));
}

}  // namespace cls::load
