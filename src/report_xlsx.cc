// SPDX-License-Identifier: EUPL-1.2
// The report as an Excel workbook (SPEC §9): the sheets a coordinator sorts
// and filters, one table each, headers and words in the project's language.
// Progress is a percentage cell holding the exact fraction; amounts are euros
// from exact cents; dates are dates.
#include <set>

#include "cls/report.h"
#include "cls/text.h"
#include "cls/xlsx.h"

namespace cls {

namespace {

struct Words {
  std::string_view fr, en;
};

// The fixed words of the workbook, by key.
struct Vocabulary {
  Lang lang;
  std::string operator()(const Words& w) const { return std::string(lang == Lang::fr ? w.fr : w.en); }
};

constexpr Words kSynthesis{"Synthèse", "Summary"}, kAxes{"Axes", "Axes"}, kActions{"Actions", "Actions"},
    kIndicators{"Indicateurs", "Indicators"}, kBudget{"Budget", "Budget"}, kMeetings{"Réunions", "Meetings"};

constexpr Words kStatusRows[] = {{"Actions prévues", "Actions planned"},
                                 {"Actions en cours", "Actions in progress"},
                                 {"Actions réalisées", "Actions done"},
                                 {"Actions suspendues", "Actions suspended"},
                                 {"Actions abandonnées", "Actions abandoned"}};
constexpr Words kStatusColumns[] = {{"Prévues", "Planned"},
                                    {"En cours", "In progress"},
                                    {"Réalisées", "Done"},
                                    {"Suspendues", "Suspended"},
                                    {"Abandonnées", "Abandoned"}};

std::string or_empty(const Field<std::string>& f) { return f ? *f : std::string(); }

std::string actor_name(const Project& p, const std::string& id) {
  const Actor* a = p.actor(id);
  return a && a->name ? *a->name : id;
}

BudgetSum budget_of(const Action& a) {
  BudgetSum b;
  if (a.budget) b.add(*a.budget);
  return b;
}

// Spent over planned, when something was planned.
std::optional<double> execution(const BudgetSum& b) {
  if (b.planned.cents <= 0) return std::nullopt;
  return static_cast<double>(b.spent.cents) / static_cast<double>(b.planned.cents);
}

void synthesis(XlsxWorkbook& book, const Vocabulary& w, const Project& p, const Rollup& r, const YearReview* year) {
  XlsxSheet& s = book.add_sheet(w(kSynthesis), {{w({"Rubrique", "Item"}), 34}, {w({"Valeur", "Value"}), 44}});
  auto row = [&](const Words& label) -> XlsxSheet& { return s.text(w(label)); };
  row({"Projet", "Project"}).text(or_empty(p.manifest.title)).end_row();
  if (const auto& org = p.manifest.organisation; org && org->name) {
    row({"Organisme", "Organisation"}).text(*org->name).end_row();
  }
  if (p.manifest.territory) row({"Territoire", "Territory"}).text(*p.manifest.territory).end_row();
  if (year) row({"Bilan annuel", "Annual review"}).integer(year->year).end_row();
  row({"Situation au", "As of"}).date(r.as_of).end_row();
  row({"Avancement du plan", "Plan progress"}).percent(r.progress).end_row();
  row({"Axes renseignés", "Axes with a known progress"}).integer(r.coverage.known).end_row();
  row({"Axes", "Axes"}).integer(r.coverage.total).end_row();
  row({"Actions", "Actions"}).integer(r.status_counts.total()).end_row();
  for (Status st : kAllStatuses) row(kStatusRows[static_cast<int>(st)]).integer(r.status_counts[st]).end_row();
  row({"Actions en retard", "Late actions"}).integer(static_cast<std::int64_t>(r.late.size())).end_row();
  row({"Budget prévu", "Budget planned"}).euros(r.budget.planned).end_row();
  row({"Dépensé", "Spent"}).euros(r.budget.spent).end_row();
  row({"Financements", "Funding"}).euros(r.budget.funded()).end_row();
  row({"Taux d’exécution", "Spending rate"}).percent(execution(r.budget)).end_row();
  if (year) row({"Réunions tenues", "Meetings held"}).integer(static_cast<std::int64_t>(year->meetings.size())).end_row();
}

void axes(XlsxWorkbook& book, const Vocabulary& w, const Rollup& r) {
  std::vector<XlsxColumn> cols{{w({"Niveau", "Level"}), 10},
                               {w({"Axe", "Axis"}), 8},
                               {w({"Objectif", "Objective"}), 10},
                               {w({"Intitulé", "Title"}), 50},
                               {w({"Avancement", "Progress"}), 12, XlsxKind::percent},
                               {w({"Renseignés", "Known"}), 11, XlsxKind::integer},
                               {w({"Comptés", "Counted"}), 10, XlsxKind::integer}};
  for (const Words& st : kStatusColumns) cols.push_back({w(st), 11, XlsxKind::integer});
  cols.push_back({w({"Budget prévu", "Budget planned"}), 15, XlsxKind::euros});
  cols.push_back({w({"Dépensé", "Spent"}), 15, XlsxKind::euros});
  XlsxSheet& s = book.add_sheet(w(kAxes), std::move(cols));
  auto counts = [&](const StatusCounts& c) {
    for (Status st : kAllStatuses) s.integer(c[st]);
  };
  for (const AxisRollup& ax : r.axes) {
    s.text(w({"Axe", "Axis"})).text(ax.axis->id).blank().text(or_empty(ax.axis->title)).percent(ax.progress);
    s.integer(ax.coverage.known).integer(ax.coverage.total);
    counts(ax.status_counts);
    s.euros(ax.budget.planned).euros(ax.budget.spent).end_row();
    for (const ObjectiveRollup& ob : ax.objectives) {
      s.text(w({"Objectif", "Objective"})).text(ax.axis->id).text(ob.objective->id);
      s.text(or_empty(ob.objective->title)).percent(ob.progress).integer(ob.coverage.known).integer(ob.coverage.total);
      counts(ob.status_counts);
      s.euros(ob.budget.planned).euros(ob.budget.spent).end_row();
    }
  }
}

std::string_view yes_no(Lang lang, bool b) {
  if (lang == Lang::fr) return b ? "oui" : "non";
  return b ? "yes" : "no";
}

void actions(XlsxWorkbook& book, const Vocabulary& w, const Project& p, const Rollup& r) {
  XlsxSheet& s = book.add_sheet(w(kActions), {{w({"Action", "Action"}), 11},
                                              {w({"Intitulé", "Title"}), 50},
                                              {w({"Axe", "Axis"}), 8},
                                              {w({"Objectif", "Objective"}), 10},
                                              {w({"Statut", "Status"}), 12},
                                              {w({"Pilote", "Lead"}), 26},
                                              {w({"Début", "Start"}), 11, XlsxKind::date},
                                              {w({"Échéance", "Due"}), 11, XlsxKind::date},
                                              {w({"En retard", "Late"}), 10},
                                              {w({"Avancement", "Progress"}), 12, XlsxKind::percent},
                                              {w({"Indicateurs renseignés", "Indicators known"}), 13, XlsxKind::integer},
                                              {w({"Indicateurs", "Indicators"}), 12, XlsxKind::integer},
                                              {w({"Budget prévu", "Budget planned"}), 15, XlsxKind::euros},
                                              {w({"Dépensé", "Spent"}), 15, XlsxKind::euros},
                                              {w({"Financé", "Funded"}), 15, XlsxKind::euros}});
  for (const ActionRollup& ar : r.actions) {
    const Action& a = *ar.action;
    s.text(a.id).text(or_empty(a.title)).text(ar.axis ? ar.axis->id : "");
    s.text(ar.objective ? ar.objective->id : a.objective ? a.objective->id : "");
    s.text(tr(w.lang, ar.status)).text(a.lead ? actor_name(p, a.lead->id) : "");
    s.date(a.start ? std::optional<Date>(*a.start) : std::nullopt);
    s.date(a.due ? std::optional<Date>(*a.due) : std::nullopt);
    s.text(yes_no(w.lang, ar.late)).percent(ar.progress).integer(ar.coverage.known).integer(ar.coverage.total);
    if (a.budget) {
      const BudgetSum b = budget_of(a);
      s.euros(b.planned).euros(b.spent).euros(b.funded());
    }
    s.end_row();
  }
}

void indicators(XlsxWorkbook& book, const Vocabulary& w, const Rollup& r) {
  XlsxSheet& s = book.add_sheet(w(kIndicators), {{w({"Action", "Action"}), 11},
                                                 {w({"Indicateur", "Indicator"}), 11},
                                                 {w({"Libellé", "Label"}), 50},
                                                 {w({"Type", "Type"}), 12},
                                                 {w({"Unité", "Unit"}), 12},
                                                 {w({"Valeur initiale", "Baseline"}), 11, XlsxKind::number},
                                                 {w({"Cible", "Target"}), 10, XlsxKind::number},
                                                 {w({"Valeur actuelle", "Current"}), 11, XlsxKind::number},
                                                 {w({"Mesurée le", "Measured on"}), 12, XlsxKind::date},
                                                 {w({"Avancement", "Progress"}), 12, XlsxKind::percent}});
  for (const ActionRollup& ar : r.actions) {
    for (const IndicatorRollup& ir : rollup_indicators(*ar.action, r.as_of)) {
      const Indicator& ind = *ir.indicator;
      s.text(ar.action->id).text(ind.id).text(or_empty(ind.label));
      if (ind.type) {
        const bool process = *ind.type == IndicatorType::process;
        s.text(w(process ? Words{"réalisation", "process"} : Words{"résultat", "result"}));
      } else {
        s.blank();
      }
      s.text(or_empty(ind.unit)).number(ir.baseline).number(ir.target).number(ir.current).date(ir.current_date);
      s.percent(ir.progress).end_row();
    }
  }
}

void budget(XlsxWorkbook& book, const Vocabulary& w, const Project& p, const Rollup& r) {
  // A column per funder of the plan, by name as the dashboard lists them.
  std::vector<XlsxColumn> cols{{w({"Niveau", "Level"}), 10},
                               {w({"Code", "Code"}), 10},
                               {w({"Intitulé", "Title"}), 50},
                               {w({"Prévu", "Planned"}), 15, XlsxKind::euros},
                               {w({"Dépensé", "Spent"}), 15, XlsxKind::euros},
                               {w({"Financé", "Funded"}), 15, XlsxKind::euros},
                               {w({"Exécution", "Spent share"}), 11, XlsxKind::percent}};
  std::vector<std::string> funders;
  for (const auto& [id, amount] : r.budget.by_funder) {
    funders.push_back(id);
    cols.push_back({actor_name(p, id), 16, XlsxKind::euros});
  }
  XlsxSheet& s = book.add_sheet(w(kBudget), std::move(cols));
  auto sums = [&](const BudgetSum& b) {
    s.euros(b.planned).euros(b.spent).euros(b.funded()).percent(execution(b));
    for (const std::string& f : funders) {
      const auto it = b.by_funder.find(f);
      if (it == b.by_funder.end()) s.blank(); else s.euros(it->second);
    }
    s.end_row();
  };
  s.text(w({"Plan", "Plan"})).blank().text(or_empty(p.manifest.title));
  sums(r.budget);
  for (const AxisRollup& ax : r.axes) {
    s.text(w({"Axe", "Axis"})).text(ax.axis->id).text(or_empty(ax.axis->title));
    sums(ax.budget);
    for (const ObjectiveRollup& ob : ax.objectives) {
      s.text(w({"Objectif", "Objective"})).text(ob.objective->id).text(or_empty(ob.objective->title));
      sums(ob.budget);
    }
  }
}

void meetings(XlsxWorkbook& book, const Vocabulary& w, const Project& p, const YearReview& year) {
  XlsxSheet& s = book.add_sheet(w(kMeetings), {{w({"Date", "Date"}), 11, XlsxKind::date},
                                               {w({"Instance", "Body"}), 30},
                                               {w({"Réunion", "Meeting"}), 44},
                                               {w({"Membres", "Members"}), 10, XlsxKind::integer},
                                               {w({"Présents", "Present"}), 10, XlsxKind::integer},
                                               {w({"Suppléés", "By substitute"}), 10, XlsxKind::integer},
                                               {w({"Pouvoirs", "By proxy"}), 10, XlsxKind::integer},
                                               {w({"Excusés", "Excused"}), 10, XlsxKind::integer},
                                               {w({"Absents", "Absent"}), 10, XlsxKind::integer},
                                               {w({"Quorum", "Quorum"}), 14},
                                               {w({"Décisions", "Decisions"}), 10, XlsxKind::integer},
                                               {w({"Adoptées", "Adopted"}), 10, XlsxKind::integer}});
  for (const YearMeeting& ym : year.meetings) {
    const Meeting& m = *ym.meeting;
    const MeetingCount& c = ym.count;
    s.date(m.date ? std::optional<Date>(*m.date) : std::nullopt);
    s.text(ym.body ? or_empty(ym.body->title) : m.body ? m.body->id : "").text(meeting_title(p, m));
    s.integer(c.total).integer(c.present).integer(c.substituted).integer(c.by_proxy).integer(c.excused).integer(c.absent);
    if (c.second_call) s.text(w({"seconde convocation", "second call"}));
    else if (!c.quorum_needed) s.blank();
    else s.text(c.quorum_reached() ? w({"atteint", "reached"}) : w({"non atteint", "not reached"}));
    int adopted = 0;
    for (const YearDecision& d : ym.decisions) adopted += d.result.outcome == Outcome::adopted ? 1 : 0;
    s.integer(static_cast<std::int64_t>(ym.decisions.size())).integer(adopted).end_row();
  }
}

}  // namespace

void report_xlsx(const Project& project, const Rollup& rollup, const YearReview* year, std::FILE* out) {
  const Lang lang = project.lang();
  const Vocabulary w{lang};
  XlsxProperties props;
  const std::string doc = year ? w({"Bilan annuel", "Annual review"}) + " " + std::to_string(year->year)
                               : w({"Tableau de bord", "Dashboard"});
  props.title = doc + " — " + or_empty(project.manifest.title);
  props.subject = or_empty(project.manifest.title);
  if (const auto& org = project.manifest.organisation; org && org->name) props.author = props.company = *org->name;
  props.created = rollup.as_of;
  props.lang = lang;
  XlsxWorkbook book(props);
  synthesis(book, w, project, rollup, year);
  axes(book, w, rollup);
  actions(book, w, project, rollup);
  indicators(book, w, rollup);
  budget(book, w, project, rollup);
  if (year) meetings(book, w, project, *year);
  book.write(out);
}

}  // namespace cls
