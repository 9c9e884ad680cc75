// SPDX-License-Identifier: EUPL-1.2
// The report as a document (Markdown and HTML): one template context built
// from the roll-up, then the templates report.md.mustache and
// report.html.mustache. Every number is formatted here with the typography of
// text.h, so a template only places words; the HTML template also gets the
// geometry of its SVG charts (bar widths in 0–100 units, the dash of the
// ring), since Mustache cannot compute.
#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "cls/markdown.h"
#include "cls/report.h"
#include "cls/report_cts.h"
#include "cls/templates.h"
#include "cls/text.h"
#include "cls/utf8.h"

namespace cls {

namespace {

using Data = kainjow::mustache::data;

Data list() { return Data(Data::type::list); }
Data str(std::string_view s) { return Data(std::string(s)); }

// The words of the report that text.h does not hold (those are specific to
// this document); statuses and "non renseigné" come from text.h.
struct Label {
  const char* key;
  const char* fr;
  const char* en;
};

constexpr Label kLabels[] = {
    {"dashboard", "Tableau de bord", "Dashboard"},
    {"annual_review", "Bilan annuel", "Annual review"},
    {"as_of", "Situation au", "As of"},
    {"summary", "Synthèse", "Summary"},
    {"plan_progress", "Avancement du plan", "Plan progress"},
    {"by_axis", "Avancement par axe", "Progress by axis"},
    {"axis", "Axe", "Axis"},
    {"objective", "Objectif", "Objective"},
    {"objectives", "Objectifs", "Objectives"},
    {"action", "Action", "Action"},
    {"actions", "Actions", "Actions"},
    {"title", "Intitulé", "Title"},
    {"status", "Statut", "Status"},
    {"statuses", "Actions par statut", "Actions by status"},
    {"lead", "Porteur", "Lead"},
    {"partners", "Partenaires", "Partners"},
    {"public", "Public cible", "Target group"},
    {"start", "Début", "Start"},
    {"due", "Échéance", "Due"},
    {"delay", "Retard", "Overdue by"},
    {"progress", "Avancement", "Progress"},
    {"coverage", "Renseignement", "Coverage"},
    {"late_actions", "Actions en retard", "Late actions"},
    {"no_late", "Aucune action en retard.", "No late action."},
    {"no_late_short", "toutes les échéances sont tenues", "every due date met"},
    {"late_definition", "échéance dépassée, action ni réalisée ni abandonnée",
     "past due, neither done nor abandoned"},
    {"late", "en retard", "late"},
    {"indicators", "Indicateurs", "Indicators"},
    {"indicator", "Indicateur", "Indicator"},
    {"no_indicator", "Aucun indicateur.", "No indicator."},
    {"baseline", "Valeur initiale", "Baseline"},
    {"target", "Cible", "Target"},
    {"current", "Valeur actuelle", "Current value"},
    {"unit", "Unité", "Unit"},
    {"decrease", "baisse visée", "decrease sought"},
    {"budget", "Budget", "Budget"},
    {"budget_by_funder", "Budget par financeur", "Budget by funder"},
    {"budget_by_axis", "Budget par axe", "Budget by axis"},
    {"indicators_overview", "Suivi des indicateurs", "Indicators"},
    {"execution", "Exécution", "Spent share"},
    {"planned", "Prévu", "Planned"},
    {"budget_planned", "Budget prévu", "Planned budget"},
    {"spent", "Dépensé", "Spent"},
    {"funded", "Financements", "Funding"},
    {"funder", "Financeur", "Funder"},
    {"amount", "Montant", "Amount"},
    {"share", "Part", "Share"},
    {"total", "Total", "Total"},
    {"no_funding", "Aucun financement renseigné.", "No funding recorded."},
    {"of_planned", "du prévu", "of planned"},
    {"abandoned_actions", "Actions abandonnées", "Abandoned actions"},
    {"abandoned_note",
     "Les actions abandonnées sont exclues des taux d’avancement et des totaux budgétaires\u202F; "
     "leurs dépenses sont rappelées ici.",
     "Abandoned actions are left out of progress and of the budget totals; what they spent is "
     "shown here."},
    {"action_sheets", "Fiches actions", "Action sheets"},
    {"over_the_year", "sur l’année", "over the year"},
    {"year_change", "Évolution sur l’année", "Change over the year"},
    {"at", "au", "on"},
    {"meetings_held", "Réunions tenues en", "Meetings held in"},
    {"no_meeting", "Aucune réunion tenue cette année.", "No meeting held this year."},
    {"decisions", "Décisions", "Decisions"},
    {"no_decision", "Aucune décision.", "No decision."},
    {"quorum_not_reached", "quorum non atteint", "quorum not reached"},
    {"readings_of", "Relevés des indicateurs en", "Indicator readings in"},
    {"no_reading", "Aucun relevé cette année.", "No reading this year."},
    {"money_of", "Dépenses et financements de l’année", "Spending and funding of the year"},
    {"year_spent", "Dépenses datées de l’année", "Dated spending of the year"},
    {"year_funded", "Financements de l’année (accordés ou versés)", "Funding of the year (granted or paid)"},
    {"year_requested", "Financements demandés pour l’année", "Funding requested for the year"},
    {"funder", "Financeur", "Funder"},
    {"amount", "Montant", "Amount"},
    {"date", "Date", "Date"},
    {"value", "Valeur", "Value"},
    {"note", "Commentaire", "Note"},
    {"none", "—", "—"},
    {"process", "réalisation", "process"},
    {"result", "résultat", "result"},
    {"reading_of", "relevé du", "reading of"},
    {"weight", "poids", "weight"},
    {"generated_by", "Document produit par cls", "Produced by cls"},
    {"legend", "Légende", "Legend"},
    // Before a colon French puts a no-break space; English puts none.
    {"colon", "\u00A0:", ":"},
};

const char* label(Lang lang, std::string_view key) {
  for (const Label& l : kLabels) {
    if (key == l.key) return lang == Lang::fr ? l.fr : l.en;
  }
  return "";
}

Data labels(Lang lang) {
  Data t;
  for (const Label& l : kLabels) t.set(l.key, str(lang == Lang::fr ? l.fr : l.en));
  for (Status s : kAllStatuses) t.set("status_" + std::string(to_string(s)), str(tr(lang, s)));
  t.set("unknown", str(tr(lang, Term::progress_unknown)));
  return t;
}

const char* status_color(Status s) {
  switch (s) {
    case Status::planned: return "#a3acb9";
    case Status::in_progress: return "#38bdf8";
    case Status::done: return "#16a34a";
    case Status::suspended: return "#f59e0b";
    case Status::abandoned: return "#57534e";
  }
  return "#94a3b8";
}

// A length in the 0–100 units of the SVG bars, fixed-point without locale.
std::string units(double fraction) {
  return fmt::format("{:.2f}", std::clamp(fraction, 0.0, 1.0) * 100.0);
}

std::string progress_text(Lang lang, const std::optional<double>& p) {
  return p ? format_percent(lang, *p) : std::string(tr(lang, Term::progress_unknown));
}

// A status word agreeing with its count. The French statuses are feminine
// past participles ("réalisée") or invariable ("en cours"); English ones are
// invariable.
std::string status_count_text(Lang lang, Status s, int count) {
  std::string word(tr(lang, s));
  if (lang == Lang::fr && count > 1 && !word.empty() && word.back() == 'e') word += 's';
  return std::to_string(count) + " " + word;
}

// "2 indicateurs sur 3 renseignés", "aucun des 2 indicateurs n'est renseigné",
// "1 indicateur, non renseigné", "aucune action"; "1 of 2 objectives known".
std::string coverage_text(Lang lang, const Coverage& c, const char* fr_singular, const char* fr_plural,
                          bool fr_feminine, const char* en_singular, const char* en_plural) {
  const std::string total = std::to_string(c.total), known = std::to_string(c.known);
  if (lang == Lang::en) {
    if (c.total == 0) return std::string("no ") + en_singular;
    if (c.total == 1) return std::string("1 ") + en_singular + (c.known ? " known" : " not known");
    if (c.known == 0) return "none of " + total + " " + en_plural + " known";
    return known + " of " + total + " " + en_plural + " known";
  }
  const std::string e = fr_feminine ? "e" : "";
  if (c.total == 0) return (fr_feminine ? "aucune " : "aucun ") + std::string(fr_singular);
  if (c.total == 1) return std::string("1 ") + fr_singular + (c.known ? " renseigné" : " non renseigné") + e;
  if (c.known == 0) {
    return (fr_feminine ? "aucune des " : "aucun des ") + total + " " + fr_plural + " n’est renseigné" + e;
  }
  if (c.known == c.total) return "les " + total + " " + fr_plural + " renseigné" + e + "s";
  return known + " " + (c.known == 1 ? fr_singular : fr_plural) + " sur " + total + " renseigné" + e +
         (c.known == 1 ? "" : "s");
}

// An indicator value: the number alone, its unit has a column of its own
// (a unit written "ateliers" cannot agree with 0 or 1).
std::string value_text(Lang lang, double v) { return format_number(lang, v, 2); }

std::string actor_name(const Project& p, const std::optional<Ref>& ref) {
  if (!ref) return "";
  const Actor* a = p.actor(ref->id);
  return a && a->name ? *a->name : ref->id;
}

std::string date_numeric(Lang lang, const Field<Date>& d) {
  return d ? format_date_numeric(lang, *d) : std::string(label(lang, "none"));
}

// A text as a CSS string literal, for the running footer of printed pages
// (@page margin boxes take their text from CSS, where HTML escaping means
// nothing). Every character but ASCII letters and digits becomes a \HHHHHH
// escape, so nothing from the files can end the string or the style element.
// Spaces too: CSS swallows one whitespace after an escape.
std::string css_string(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    // One code point; ill-formed bytes and NUL (which CSS refuses) as U+FFFD.
    const Utf8Char u = decode_utf8(text, i);
    const char32_t cp = u.code_point == 0 ? 0xFFFD : u.code_point;
    i += u.size;
    out += fmt::format("\\{:06X}", static_cast<std::uint32_t>(cp));
  }
  return out + "\"";
}

// The fields every progress display needs: text, whether known, bar length.
void set_progress(Data& d, Lang lang, const std::optional<double>& p) {
  d.set("progress", progress_text(lang, p));
  d.set("has_progress", p.has_value());
  d.set("bar", units(p.value_or(0)));
}

// How a progress moved over the year of a bilan annuel, in points of the
// percentages as shown ("+8 points", "−3 points", "stable"), and where it
// started; nothing when either end is unknown or when the two do not measure
// the same things (comparable_axis).
void set_change(Data& d, Lang lang, const std::optional<double>& start, const std::optional<double>& end,
                bool comparable) {
  const bool shown = start && end && comparable;
  d.set("progress_start", progress_text(lang, start));
  d.set("has_start", shown);
  d.set("bar_start", units(start.value_or(0)));
  d.set("has_change", shown);
  if (!shown) return;
  const long long points = std::llround(*end * 100.0) - std::llround(*start * 100.0);
  const std::string words = plural(lang, points < 0 ? -points : points, "point", "points");
  if (points == 0) d.set("change", str(lang == Lang::fr ? "stable" : "unchanged"));
  else d.set("change", (points > 0 ? "+" : "\u2212") + words);
}

// Segments of a stacked bar of the statuses (x and width in 0–100 units), with
// a legend text; statuses with no action are left out.
void set_status_counts(Data& d, Lang lang, const StatusCounts& counts) {
  Data segments = list();
  std::string text;
  const int total = counts.total();
  double x = 0;
  for (Status s : kAllStatuses) {
    const int n = counts[s];
    if (n == 0) continue;
    const double w = total > 0 ? static_cast<double>(n) / total : 0;
    Data seg;
    seg.set("key", str(to_string(s)));
    seg.set("label", str(tr(lang, s)));
    seg.set("count", std::to_string(n));
    seg.set("text", status_count_text(lang, s, n));
    seg.set("color", status_color(s));
    seg.set("x", units(x));
    seg.set("width", units(w));
    segments.push_back(seg);
    x += w;
    if (!text.empty()) text += ", ";
    text += status_count_text(lang, s, n);
  }
  d.set("status_segments", segments);
  d.set("has_status", total > 0);
  d.set("status_text", text.empty() ? std::string(label(lang, "none")) : text);
  d.set("action_count", std::to_string(total));
  d.set("action_word", str(is_singular(lang, total) ? "action" : "actions"));
  d.set("action_count_text", total == 0 ? std::string(lang == Lang::fr ? "aucune action" : "no action")
                                        : plural(lang, total, "action", "actions"));
}

Data budget_data(const Project& p, Lang lang, const BudgetSum& b) {
  Data d;
  d.set("planned", format_money(lang, b.planned));
  d.set("spent", format_money(lang, b.spent));
  d.set("funded", format_money(lang, b.funded()));
  const bool has_planned = b.planned.cents > 0;
  d.set("has_planned", has_planned);
  const double spent_ratio = has_planned ? static_cast<double>(b.spent.cents) / b.planned.cents : 0;
  d.set("spent_share", has_planned ? format_percent(lang, spent_ratio) : "");
  d.set("spent_bar", units(spent_ratio));
  d.set("funded_bar", units(has_planned ? static_cast<double>(b.funded().cents) / b.planned.cents : 0));

  // Funders by amount, largest first (then by id): the chart reads top down.
  std::vector<std::pair<std::string, Money>> funders(b.by_funder.begin(), b.by_funder.end());
  std::stable_sort(funders.begin(), funders.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  const Money funded = b.funded();
  const std::int64_t max = funders.empty() ? 0 : funders.front().second.cents;
  Data rows = list();
  for (std::size_t i = 0; i < funders.size(); ++i) {
    const auto& [id, amount] = funders[i];
    Data row;
    const Actor* a = p.actor(id);
    row.set("id", id);
    row.set("name", a && a->name ? *a->name : id);
    row.set("amount", format_money(lang, amount));
    row.set("share", funded.cents > 0 ? format_percent(lang, static_cast<double>(amount.cents) / funded.cents) : "");
    row.set("bar", units(max > 0 ? static_cast<double>(amount.cents) / max : 0));
    row.set("y", std::to_string(i * 28));
    rows.push_back(row);
  }
  d.set("funders", rows);
  d.set("has_funders", !funders.empty());
  d.set("chart_height", std::to_string(funders.size() * 28));
  return d;
}

Data action_data(const Project& p, Lang lang, const Rollup& r, const ActionRollup& ar) {
  const Action& a = *ar.action;
  Data d;
  d.set("id", a.id);
  d.set("title", a.title.value_or(a.id));
  d.set("status", str(tr(lang, ar.status)));
  d.set("status_key", str(to_string(ar.status)));
  d.set("status_color", status_color(ar.status));
  d.set("lead", actor_name(p, a.lead));
  d.set("has_lead", a.lead.has_value());
  std::string partners;
  for (const Ref& ref : a.partners) {
    if (!partners.empty()) partners += ", ";
    partners += actor_name(p, ref);
  }
  d.set("partners", partners);
  d.set("has_partners", !partners.empty());
  d.set("public", a.public_target.value_or(""));
  d.set("has_public", a.public_target.has());
  d.set("start", date_numeric(lang, a.start));
  d.set("has_start", a.start.has());
  d.set("due", date_numeric(lang, a.due));
  d.set("due_long", a.due ? format_date(lang, *a.due) : std::string(label(lang, "none")));
  d.set("late", ar.late);
  if (ar.late) {
    const int days = r.as_of.days() - a.due->days();
    d.set("delay", plural(lang, days, lang == Lang::fr ? "jour" : "day", lang == Lang::fr ? "jours" : "days"));
  }
  d.set("abandoned", !ar.takes_part());
  set_progress(d, lang, ar.progress);
  d.set("coverage", coverage_text(lang, ar.coverage, "indicateur", "indicateurs", false, "indicator",
                                  "indicators"));
  d.set("axis_title", ar.axis ? ar.axis->title.value_or(ar.axis->id) : "");
  d.set("objective_title", ar.objective ? ar.objective->title.value_or(ar.objective->id) : "");
  if (a.description && !a.description->empty()) {
    d.set("has_description", true);
    d.set("description_html", markdown_to_html(*a.description, 3));
    d.set("description_md", markdown_to_markdown(*a.description));
  } else {
    d.set("has_description", false);
  }
  if (a.budget) {
    BudgetSum b;
    b.add(*a.budget, r.as_of);
    d.set("budget", budget_data(p, lang, b));
    d.set("has_budget", true);
  } else {
    d.set("has_budget", false);
  }
  Data indicators = list();
  const std::vector<IndicatorRollup> rollups = rollup_indicators(a, r.as_of);
  for (const IndicatorRollup& ir : rollups) {
    const Indicator& ind = *ir.indicator;
    Data i;
    i.set("id", ind.id);
    i.set("label", ind.label.value_or(ind.id));
    i.set("type", str(label(lang, ind.type.value_or(IndicatorType::process) == IndicatorType::result
                                      ? "result"
                                      : "process")));
    i.set("unit", ind.unit.value_or(""));
    i.set("baseline", value_text(lang, ir.baseline));
    i.set("target", value_text(lang, ir.target));
    i.set("decreasing", ir.decreasing());
    i.set("has_current", ir.current.has_value());
    i.set("current", ir.current ? value_text(lang, *ir.current) : std::string(label(lang, "none")));
    i.set("current_date", ir.current_date ? format_date_numeric(lang, *ir.current_date) : "");
    set_progress(i, lang, ir.progress);
    indicators.push_back(i);
  }
  d.set("indicators", indicators);
  d.set("has_indicators", !rollups.empty());
  return d;
}

Data context(const Project& p, const Rollup& r, const YearReview* year) {
  const Lang lang = p.lang();
  Data c;
  c.set("lang", str(lang_code(lang)));
  c.set("t", labels(lang));

  Data project;
  project.set("id", p.manifest.id.value_or(""));
  project.set("title", p.manifest.title.value_or(""));
  project.set("territory", p.manifest.territory.value_or(""));
  project.set("has_territory", p.manifest.territory.has());
  const bool has_org = p.manifest.organisation && p.manifest.organisation->name;
  project.set("organisation", has_org ? *p.manifest.organisation->name : "");
  project.set("has_organisation", has_org);
  c.set("project", project);

  const std::string doc_title = year ? std::string(label(lang, "annual_review")) + " " + std::to_string(year->year)
                                     : std::string(label(lang, "dashboard"));
  c.set("doc_title", doc_title);
  c.set("is_annual", year != nullptr);
  c.set("year", year ? std::to_string(year->year) : "");
  c.set("year_start", year ? format_date(lang, year->start.as_of) : "");
  if (year) {
    const std::string start = format_date(lang, year->start.as_of);
    c.set("change_note",
          lang == Lang::fr
              ? "Évolution sur l’année\u00A0: écart en points avec la situation au " + start +
                    ", donné lorsque les mêmes indicateurs étaient déjà renseignés à cette date "
                    "(sinon «\u00A0—\u00A0»)."
              : "Change over the year: the difference in points with the position on " + start +
                    ", given when the same indicators were already measured on that date (else “—”).");
  }
  c.set("as_of", format_date(lang, r.as_of));
  c.set("as_of_iso", r.as_of.iso());
  c.set("footer_css", css_string(doc_title + " — " + p.manifest.title.value_or("") + " — " +
                                 label(lang, "as_of") + " " + format_date(lang, r.as_of)));

  Data plan;
  set_progress(plan, lang, r.progress);
  plan.set("coverage", coverage_text(lang, r.coverage, "axe", "axes", false, "axis", "axes"));
  // The ring: a circle of radius 52 drawn with a dash as long as the progress.
  constexpr double kCircumference = 2 * std::numbers::pi * 52;
  plan.set("ring_dash", fmt::format("{:.2f}", r.progress.value_or(0) * kCircumference));
  plan.set("ring_gap", fmt::format("{:.2f}", kCircumference));
  set_status_counts(plan, lang, r.status_counts);
  if (year) set_change(plan, lang, year->start.progress, r.progress, comparable_plan(year->start, r));
  plan.set("late_count", std::to_string(r.late.size()));
  std::string late_ids;
  for (std::size_t i : r.late) late_ids += (late_ids.empty() ? "" : ", ") + r.actions[i].action->id;
  plan.set("late_ids", late_ids);
  plan.set("late_text", plural(lang, static_cast<std::int64_t>(r.late.size()),
                               lang == Lang::fr ? "action en retard" : "late action",
                               lang == Lang::fr ? "actions en retard" : "late actions"));
  c.set("plan", plan);

  Data axes = list();
  Data sheets = list();  // action sheets grouped by axis and objective
  for (std::size_t a = 0; a < r.axes.size(); ++a) {
    const AxisRollup& axr = r.axes[a];
    Data ax;
    ax.set("number", std::to_string(a + 1));
    ax.set("id", axr.axis->id);
    ax.set("title", axr.axis->title.value_or(axr.axis->id));
    set_progress(ax, lang, axr.progress);
    ax.set("coverage", coverage_text(lang, axr.coverage, "objectif", "objectifs", false, "objective",
                                     "objectives"));
    set_status_counts(ax, lang, axr.status_counts);
    if (year && a < year->start.axes.size()) {
      set_change(ax, lang, year->start.axes[a].progress, axr.progress, comparable_axis(year->start, r, a));
    }
    ax.set("budget", budget_data(p, lang, axr.budget));
    Data objectives = list();
    bool has_actions = false;
    for (std::size_t o = 0; o < axr.objectives.size(); ++o) {
      const ObjectiveRollup& orr = axr.objectives[o];
      Data ob;
      ob.set("number", std::to_string(a + 1) + "." + std::to_string(o + 1));
      ob.set("id", orr.objective->id);
      ob.set("title", orr.objective->title.value_or(orr.objective->id));
      set_progress(ob, lang, orr.progress);
      ob.set("coverage", coverage_text(lang, orr.coverage, "action", "actions", true, "action", "actions"));
      Data actions = list();
      std::string ids;
      for (std::size_t i : orr.actions) {
        actions.push_back(action_data(p, lang, r, r.actions[i]));
        if (!ids.empty()) ids += ", ";
        ids += r.actions[i].action->id;
      }
      ob.set("actions", actions);
      ob.set("has_actions", !orr.actions.empty());
      has_actions = has_actions || !orr.actions.empty();
      ob.set("action_ids", ids.empty() ? std::string(label(lang, "none")) : ids);
      objectives.push_back(ob);
    }
    ax.set("objectives", objectives);
    ax.set("has_actions", has_actions);
    axes.push_back(ax);
  }
  c.set("axes", axes);

  Data late = list();
  for (std::size_t i : r.late) late.push_back(action_data(p, lang, r, r.actions[i]));
  c.set("late", late);
  c.set("has_late", !r.late.empty());

  Data abandoned = list();
  for (std::size_t i : r.abandoned) abandoned.push_back(action_data(p, lang, r, r.actions[i]));
  c.set("abandoned", abandoned);
  c.set("has_abandoned", !r.abandoned.empty());

  // Actions whose objective does not exist (an error `cls check` reports)
  // still get their sheet, so nothing of the plan disappears.
  Data orphans = list();
  for (const ActionRollup& ar : r.actions) {
    if (!ar.objective && ar.takes_part()) orphans.push_back(action_data(p, lang, r, ar));
  }
  c.set("orphans", orphans);

  c.set("budget", budget_data(p, lang, r.budget));

  if (year) {
    Data y;
    Data meetings = list();
    for (const YearMeeting& ym : year->meetings) {
      const Meeting& m = *ym.meeting;
      Data md;
      md.set("id", m.id);
      md.set("title", meeting_title(p, m));
      md.set("date", format_date_long(lang, *m.date));
      md.set("body", ym.body ? ym.body->title.value_or(ym.body->id) : "");
      md.set("has_body", ym.body != nullptr);
      md.set("quorum_not_reached", !ym.count.quorum_reached());
      Data decisions = list();
      for (const YearDecision& yd : ym.decisions) {
        Data dd;
        dd.set("text", yd.decision->text.value_or(""));
        // Markdown, rendered (SPEC §8.4): "**avis favorable**" is not shown raw.
        dd.set("text_md", markdown_inline_md(yd.decision->text.value_or("")));
        dd.set("text_html", markdown_inline_html(yd.decision->text.value_or("")));
        dd.set("item", yd.item->title.value_or(""));
        if (yd.result.outcome) {
          dd.set("outcome", vote_sentence(lang, *yd.result.outcome, yd.decision->vote, yd.result.unanimous,
                                               yd.result.casting_vote));
          dd.set("adopted", *yd.result.outcome == Outcome::adopted);
        } else {
          dd.set("outcome", "");
          dd.set("adopted", false);
        }
        decisions.push_back(dd);
      }
      md.set("decisions", decisions);
      md.set("has_decisions", !ym.decisions.empty());
      meetings.push_back(md);
    }
    y.set("meetings", meetings);
    y.set("has_meetings", !year->meetings.empty());
    Data readings = list();
    for (const YearReading& yr : year->readings) {
      Data rd;
      rd.set("action", yr.action->id);
      rd.set("indicator", yr.indicator->label.value_or(yr.indicator->id));
      rd.set("date", format_date_numeric(lang, *yr.reading->date));
      const bool accumulate = yr.indicator->accumulate.value_or(false);
      // An increment reads "+5" (the template writes the sign), a level "36".
      rd.set("increment", accumulate && *yr.reading->value >= 0);
      rd.set("value", value_text(lang, *yr.reading->value));
      rd.set("unit", yr.indicator->unit.value_or(""));
      rd.set("note", yr.reading->note().value_or(""));
      readings.push_back(rd);
    }
    y.set("readings", readings);
    y.set("has_readings", !year->readings.empty());
    // The year's money (SPEC §11.1).
    y.set("has_money", year->has_money());
    y.set("year_spent", format_money(lang, year->spent));
    auto funders = [&](const std::map<std::string, Money>& m) {
      Data rows = list();
      for (const auto& [id, amount] : m) {
        Data row;
        const Actor* actor = p.actor(id);
        row.set("name", actor ? actor->name.value_or(id) : id);
        row.set("amount", format_money(lang, amount));
        rows.push_back(row);
      }
      return rows;
    };
    y.set("year_funded", funders(year->funded));
    y.set("has_year_funded", !year->funded.empty());
    y.set("year_requested", funders(year->requested));
    y.set("has_year_requested", !year->requested.empty());
    c.set("annual", y);
  }
  return c;
}

std::string render(const Project& p, const Rollup& r, const YearReview* year, std::string_view name) {
  const TemplateSource source = find_template(name, p.root);
  return render_template(source, context(p, r, year));
}

// kainjow leaves the newline of a skipped section's standalone closing tag,
// so a Markdown template would grow stray blank lines; Markdown gives them no
// meaning, outside code blocks, so runs of blank lines become one (and the
// document ends with one newline).
std::string collapse_blank_lines(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool in_fence = false;
  std::string_view fence;
  int blank_run = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    const std::size_t indent = line.find_first_not_of(' ');
    const std::string_view body = indent == std::string_view::npos ? std::string_view{} : line.substr(indent);
    const bool blank = body.empty();
    if (!in_fence && blank) {
      if (out.empty() || ++blank_run > 1) continue;
    } else {
      blank_run = 0;
    }
    if (!blank && indent < 4 && (body.starts_with("```") || body.starts_with("~~~"))) {
      const std::string_view marker = body.substr(0, 3);
      if (!in_fence) {
        in_fence = true;
        fence = marker;
      } else if (marker == fence) {
        in_fence = false;
      }
    }
    out.append(line);
    out += '\n';
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace

std::string report_markdown(const Project& p, const Rollup& r, const YearReview* year) {
  return collapse_blank_lines(render(p, r, year, "report.md.mustache"));
}

std::string report_html(const Project& p, const Rollup& r, const YearReview* year) {
  return render(p, r, year, "report.html.mustache");
}

}  // namespace cls
