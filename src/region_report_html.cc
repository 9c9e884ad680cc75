// SPDX-License-Identifier: EUPL-1.2
// The regional dashboard in HTML (region_report.h): one self-contained file,
// no script and no network; one line per CLS with its progress bar, its
// themes and its funders, then the themes across projects and the funders.
// Printed to PDF by WeasyPrint (the CLI's --format pdf).
#include <algorithm>
#include <map>
#include <set>

#include "cls/html.h"
#include "cls/region_report.h"
#include "cls/text.h"

namespace cls {

namespace {

constexpr Lang kLang = Lang::fr;

std::string e(std::string_view s) { return html_escape(s); }

std::string percent(const std::optional<double>& p) { return p ? format_percent(kLang, *p) : "—"; }

// A progress bar as inline SVG: 0 to 100 units wide, grey when unknown.
std::string bar(const std::optional<double>& p) {
  const int width = p ? static_cast<int>(std::clamp(*p, 0.0, 1.0) * 100.0 + 0.5) : 0;
  std::string s = "<svg class=\"bar\" width=\"120\" height=\"12\" viewBox=\"0 0 100 10\" role=\"img\" aria-label=\"" +
                  e(percent(p)) + "\"><rect width=\"100\" height=\"10\" fill=\"#e5e7eb\"/>";
  if (p) s += "<rect width=\"" + std::to_string(width) + "\" height=\"10\" fill=\"#2563eb\"/>";
  return s + "</svg>";
}

constexpr const char* kStyle =
    "body{font-family:system-ui,sans-serif;margin:2rem;color:#111}"
    "h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0}"
    "th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    "td.num,th.num{text-align:right;white-space:nowrap}.muted{color:#666}.tag{display:inline-block;"
    "background:#eef2ff;border-radius:3px;padding:0 .3rem;margin:0 .2rem .2rem 0;font-size:.85em}"
    "ul.kpi{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}"
    "ul.kpi li{border:1px solid #ddd;border-radius:4px;padding:.5rem .8rem}"
    "@media print{body{margin:0}thead{display:table-header-group}tr{page-break-inside:avoid}}";

}  // namespace

std::string region_report_html(const Region& region, const RegionRollup& r, std::optional<int> year) {
  const std::string heading = year ? "Bilan régional " + std::to_string(*year) : "Tableau de bord régional";
  const std::string title = region.title.value_or(region.id.value_or("Région"));
  std::string o = "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + e(heading) +
                  " — " + e(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  o += "<h1>" + e(heading) + "</h1>\n<p>" + e(title) + "<br><span class=\"muted\">Situation au " +
       e(format_date(kLang, r.as_of)) + "</span></p>\n";
  o += "<ul class=\"kpi\">\n";
  o += "<li>Projets<br><strong>" + std::to_string(r.projects.size()) + "</strong>" +
       (r.left_out.empty() ? "" : " (+" + std::to_string(r.left_out.size()) + " écarté" + (r.left_out.size() > 1 ? "s" : "") + ")") + "</li>\n";
  o += "<li>Population couverte<br><strong>" + e(format_integer(kLang, r.population)) + "</strong> habitants</li>\n";
  o += "<li>Communes<br><strong>" + e(format_integer(kLang, static_cast<std::int64_t>(r.communes))) + "</strong>" +
       (r.shared_communes.empty() ? "" : " dont " + std::to_string(r.shared_communes.size()) + " partagée" + (r.shared_communes.size() > 1 ? "s" : "")) + "</li>\n";
  o += "<li>Actions en retard<br><strong>" + std::to_string(r.late) + "</strong></li>\n";
  o += "<li>Budget prévu<br><strong>" + e(format_money(kLang, r.budget.planned)) + "</strong></li>\n";
  o += "<li>Dépensé<br><strong>" + e(format_money(kLang, r.budget.spent)) + "</strong></li>\n";
  o += "</ul>\n";

  o += "<h2>Les contrats</h2>\n<table>\n<thead><tr><th>Projet</th><th>Avancement</th><th class=\"num\">%</th>"
       "<th>Thématiques</th><th>Financeurs</th><th class=\"num\">Population</th><th class=\"num\">En retard</th>"
       "<th class=\"num\">Budget prévu</th></tr></thead>\n<tbody>\n";
  for (const RegionProjectRollup& p : r.projects) {
    const Project& pr = p.member->project;
    std::set<std::string> theme_ids;
    for (const Action& a : pr.actions) {
      for (const Ref& t : a.themes) theme_ids.insert(t.id);
    }
    std::string themes;
    for (const Theme& t : region.themes) {
      if (theme_ids.count(t.id)) themes += "<span class=\"tag\">" + e(t.title.value_or(t.id)) + "</span>";
    }
    std::string funders;
    for (const auto& [id, amount] : p.rollup.budget.by_funder) {
      const Actor* a = pr.actor(id);
      funders += "<span class=\"tag\">" + e(a ? a->name.value_or(id) : id) + "</span>";
    }
    o += "<tr><td><strong>" + e(pr.manifest.title.value_or(p.member->path)) + "</strong><br><span class=\"muted\">" +
         e(p.member->path) + "</span></td><td>" + bar(p.rollup.progress) + "</td><td class=\"num\">" +
         e(percent(p.rollup.progress)) + "<br><span class=\"muted\">" + std::to_string(p.rollup.coverage.known) + "/" +
         std::to_string(p.rollup.coverage.total) + "</span></td><td>" + themes + "</td><td>" + funders +
         "</td><td class=\"num\">" + (p.population ? e(format_integer(kLang, *p.population)) : "—") +
         "</td><td class=\"num\">" + std::to_string(p.rollup.late.size()) + "</td><td class=\"num\">" +
         e(format_money(kLang, p.rollup.budget.planned)) + "</td></tr>\n";
  }
  o += "</tbody>\n</table>\n";

  o += "<h2>Par thématique</h2>\n";
  if (r.themes.empty()) o += "<p>La région ne déclare pas de thématiques.</p>\n";
  else {
    o += "<table>\n<thead><tr><th>Thématique</th><th>Avancement</th><th class=\"num\">%</th><th>Actions</th>"
         "<th class=\"num\">Budget prévu</th><th class=\"num\">Dépensé</th></tr></thead>\n<tbody>\n";
    for (const ThemeRollup& t : r.themes) {
      std::string actions;
      for (const std::string& a : t.actions) actions += "<span class=\"tag\">" + e(a) + "</span>";
      o += "<tr><td>" + e(t.theme->title.value_or(t.theme->id)) + "</td><td>" + bar(t.progress) +
           "</td><td class=\"num\">" + e(percent(t.progress)) + "<br><span class=\"muted\">" +
           std::to_string(t.coverage.known) + "/" + std::to_string(t.coverage.total) + "</span></td><td>" +
           (actions.empty() ? "aucune" : actions) + "</td><td class=\"num\">" +
           e(format_money(kLang, t.budget.planned)) + "</td><td class=\"num\">" +
           e(format_money(kLang, t.budget.spent)) + "</td></tr>\n";
    }
    o += "</tbody>\n</table>\n";
  }

  o += "<h2>Par financeur</h2>\n";
  if (r.budget.by_funder.empty()) o += "<p>Aucun financement.</p>\n";
  else {
    o += "<table>\n<thead><tr><th>Financeur</th><th class=\"num\">Montant</th></tr></thead>\n<tbody>\n";
    for (const auto& [id, amount] : r.budget.by_funder) {
      o += "<tr><td>" + e(funder_name(r, id)) + "</td><td class=\"num\">" + e(format_money(kLang, amount)) +
           "</td></tr>\n";
    }
    o += "</tbody>\n</table>\n";
  }
  if (year) {
    o += "<h2>Dépenses et financements de l’année " + std::to_string(*year) + "</h2>\n<p>Dépenses datées de l’année"
         "\u00A0: <strong>" + e(format_money(kLang, r.year_spent)) + "</strong></p>\n";
    auto table = [&](const std::map<std::string, Money>& m, const char* heading) {
      if (m.empty()) return;
      o += std::string("<table>\n<thead><tr><th>") + heading +
           "</th><th class=\"num\">Montant</th></tr></thead>\n<tbody>\n";
      for (const auto& [id, amount] : m) {
        o += "<tr><td>" + e(funder_name(r, id)) + "</td><td class=\"num\">" + e(format_money(kLang, amount)) +
             "</td></tr>\n";
      }
      o += "</tbody>\n</table>\n";
    };
    table(r.year_funded, "Financements de l’année (accordés ou versés)");
    table(r.year_requested, "Financements demandés pour l’année");
  }
  o += "<h2>Population</h2>\n<p>La population couverte est la somme des populations déclarées par les contrats. "
       "Une commune couverte par deux contrats y est comptée deux fois\u00A0; les communes partagées sont listées "
       "ici.</p>\n";
  if (!r.shared_communes.empty()) {
    o += "<table>\n<thead><tr><th>Commune (INSEE)</th><th class=\"num\">Contrats</th></tr></thead>\n<tbody>\n";
    for (const auto& [code, n] : r.shared_communes) {
      o += "<tr><td>" + e(code) + "</td><td class=\"num\">" + std::to_string(n) + "</td></tr>\n";
    }
    o += "</tbody>\n</table>\n";
  }
  if (!r.left_out.empty()) {
    o += "<h2>Projets écartés</h2>\n<p>Ces projets ont des erreurs (<code>cls check</code>)\u00A0: ils ne sont pas "
         "comptés dans les chiffres ci-dessus.</p>\n<ul>\n";
    for (const RegionMember* m : r.left_out) {
      o += "<li>" + e(m->path) + "\u00A0: " +
           e(m->found ? plural(kLang, static_cast<std::int64_t>(m->diags.errors()), "erreur", "erreurs")
                      : std::string("projet introuvable")) + "</li>\n";
    }
    o += "</ul>\n";
  }
  o += "</body>\n</html>\n";
  return o;
}

}  // namespace cls
