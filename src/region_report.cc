// SPDX-License-Identifier: EUPL-1.2
// The regional report (region_report.h): JSON, CSV and Markdown.
#include "cls/region_report.h"

#include <cmath>
#include <cstdlib>
#include <new>

#include "cls/json_writer.h"
#include "cls/markdown.h"
#include "cls/text.h"

namespace cls {

namespace {

constexpr Lang kLang = Lang::fr;

void money(JsonWriter& w, Money m) {
  if (m.cents % 100 == 0) {
    w.value(static_cast<std::int64_t>(m.cents / 100));
  } else {
    w.value(money_euros(m));
  }
}

void progress(JsonWriter& w, const std::optional<double>& p) {
  if (p && std::isfinite(*p)) {
    w.value(*p);
  } else {
    w.null();
  }
}

void coverage(JsonWriter& w, const Coverage& c) {
  w.begin_object().key("known").value(c.known).key("total").value(c.total).end_object();
}

void budget(JsonWriter& w, const BudgetSum& b) {
  w.begin_object();
  money(w.key("planned"), b.planned);
  money(w.key("spent"), b.spent);
  w.key("by_funder").begin_object();
  for (const auto& [funder, amount] : b.by_funder) money(w.key(funder), amount);
  w.end_object().end_object();
}

void status_counts(JsonWriter& w, const StatusCounts& counts) {
  w.begin_object();
  for (Status s : kAllStatuses) w.key(to_string(s)).value(counts[s]);
  w.end_object();
}

std::string percent(const std::optional<double>& p) { return p ? format_percent(kLang, *p) : "—"; }

std::string coverage_text(const Coverage& c) {
  return std::to_string(c.known) + "/" + std::to_string(c.total);
}

std::string md(std::string_view s) { return markdown_escape(s); }

std::string status_text(const StatusCounts& counts) {
  std::string out;
  for (Status s : kAllStatuses) {
    if (counts[s] == 0) continue;
    if (!out.empty()) out += ", ";
    std::string word(tr(kLang, s));
    if (counts[s] > 1 && !word.ends_with("cours")) word += "s";  // « 2 réalisées », « 3 en cours »
    out += std::to_string(counts[s]) + " " + word;
  }
  return out.empty() ? "aucune action" : out;
}

}  // namespace

std::string funder_name(const RegionRollup& r, const std::string& id) {
  for (const RegionProjectRollup& p : r.projects) {
    if (const Actor* a = p.member->project.actor(id)) return a->name.value_or(id);
  }
  return id;
}

std::string region_report_json(const Region& region, const RegionRollup& r, std::optional<int> year) {
  JsonWriter w;
  w.begin_object();
  w.key("as_of").value(r.as_of.iso());
  if (year) w.key("year").value(*year);
  w.key("region").begin_object();
  w.key("id").value(region.id.value_or(""));
  w.key("title").value(region.title.value_or(""));
  w.end_object();
  w.key("population").value(r.population);
  w.key("communes").value(static_cast<std::int64_t>(r.communes));
  w.key("shared_communes").begin_object();
  for (const auto& [code, n] : r.shared_communes) w.key(code).value(n);
  w.end_object();
  w.key("projects").begin_array();
  for (const RegionProjectRollup& p : r.projects) {
    const Project& pr = p.member->project;
    w.begin_object();
    w.key("id").value(pr.manifest.id.value_or(""));
    w.key("title").value(pr.manifest.title.value_or(""));
    w.key("path").value(p.member->path);
    progress(w.key("progress"), p.rollup.progress);
    coverage(w.key("coverage"), p.rollup.coverage);
    if (p.population) {
      w.key("population").value(*p.population);
    } else {
      w.key("population").null();
    }
    status_counts(w.key("status_counts"), p.rollup.status_counts);
    w.key("late").value(static_cast<std::int64_t>(p.rollup.late.size()));
    budget(w.key("budget"), p.rollup.budget);
    w.end_object();
  }
  w.end_array();
  w.key("themes").begin_array();
  for (const ThemeRollup& t : r.themes) {
    w.begin_object();
    w.key("id").value(t.theme->id);
    w.key("title").value(t.theme->title.value_or(""));
    progress(w.key("progress"), t.progress);
    coverage(w.key("coverage"), t.coverage);
    w.key("actions").begin_array();
    for (const std::string& a : t.actions) w.value(a);
    w.end_array();
    budget(w.key("budget"), t.budget);
    w.end_object();
  }
  w.end_array();
  budget(w.key("budget"), r.budget);
  if (year) {
    w.key("year_budget").begin_object();
    money(w.key("spent"), r.year_spent);
    w.key("funded").begin_object();
    for (const auto& [funder, amount] : r.year_funded) money(w.key(funder), amount);
    w.end_object();
    w.key("requested").begin_object();
    for (const auto& [funder, amount] : r.year_requested) money(w.key(funder), amount);
    w.end_object();
    w.end_object();
  }
  w.key("left_out").begin_array();
  for (const RegionMember* m : r.left_out) {
    w.begin_object();
    w.key("path").value(m->path);
    w.key("found").value(m->found);
    w.key("errors").value(static_cast<std::int64_t>(m->diags.errors()));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.finish();
}

std::string region_report_csv(const Region&, const RegionRollup& r, CsvDialect dialect) {
  CsvWriter c(dialect);
  const bool fr = dialect == CsvDialect::french;
  for (const char* h : {"id", "title", "path", "progress", "known", "total", "population", "planned",
                        "in-progress", "done", "suspended", "abandoned", "late", "budget_planned", "budget_spent",
                        "budget_funded"}) {
    c.text(h);
  }
  (void)fr;
  c.end_row();
  for (const RegionProjectRollup& p : r.projects) {
    const Project& pr = p.member->project;
    c.text(pr.manifest.id.value_or("")).text(pr.manifest.title.value_or("")).text(p.member->path);
    if (p.rollup.progress) {
      c.number(round_progress(*p.rollup.progress), 4);
    } else {
      c.empty();
    }
    c.number(std::to_string(p.rollup.coverage.known)).number(std::to_string(p.rollup.coverage.total));
    if (p.population) {
      c.number(std::to_string(*p.population));
    } else {
      c.empty();
    }
    for (Status s : kAllStatuses) c.number(std::to_string(p.rollup.status_counts[s]));
    c.number(std::to_string(p.rollup.late.size()));
    c.money(p.rollup.budget.planned).money(p.rollup.budget.spent).money(p.rollup.budget.funded());
    c.end_row();
  }
  return c.str();
}

std::string region_report_markdown(const Region& region, const RegionRollup& r, std::optional<int> year) {
  std::string o;
  const std::string title = region.title.value_or(region.id.value_or("Région"));
  o += "# " + std::string(year ? "Bilan régional " + std::to_string(*year) : "Tableau de bord régional") + "\n\n";
  o += md(title) + "\n\n";
  o += "Situation au " + format_date(kLang, r.as_of) + "\n\n";
  o += "## Synthèse\n\n";
  o += "- Projets\u00A0: " + std::to_string(r.projects.size() + r.left_out.size());
  if (!r.left_out.empty()) o += " (" + std::to_string(r.left_out.size()) + " écarté" + (r.left_out.size() > 1 ? "s" : "") + " des chiffres, voir plus bas)";
  o += "\n";
  o += "- Population couverte\u00A0: " + format_integer(kLang, r.population) + " habitants";
  if (r.without_population > 0) {
    o += " (" + plural(kLang, r.without_population, "projet sans population renseignée",
                       "projets sans population renseignée") + ")";
  }
  o += "\n";
  o += "- Communes couvertes\u00A0: " + format_integer(kLang, static_cast<std::int64_t>(r.communes)) + " (codes INSEE distincts)";
  if (!r.shared_communes.empty()) {
    o += ", dont " + plural(kLang, static_cast<std::int64_t>(r.shared_communes.size()), "commune partagée",
                            "communes partagées") + " entre contrats";
  }
  o += "\n";
  o += "- Actions\u00A0: " + status_text(r.status_counts) + "\n";
  o += "- Actions en retard\u00A0: " + std::to_string(r.late) + "\n";
  o += "- Budget prévu\u00A0: " + format_money(kLang, r.budget.planned) + "\u00A0; dépensé\u00A0: " +
       format_money(kLang, r.budget.spent) + "\u00A0; financements\u00A0: " + format_money(kLang, r.budget.funded()) + "\n\n";

  o += "## Par projet\n\n";
  o += "| Projet | Avancement | Renseigné | Actions | En retard | Population | Budget prévu | Dépensé |\n";
  o += "|---|---:|---:|---|---:|---:|---:|---:|\n";
  for (const RegionProjectRollup& p : r.projects) {
    const Project& pr = p.member->project;
    o += "| " + md(pr.manifest.title.value_or(p.member->path)) + " | " + percent(p.rollup.progress) + " | " +
         coverage_text(p.rollup.coverage) + " | " + status_text(p.rollup.status_counts) + " | " +
         std::to_string(p.rollup.late.size()) + " | " +
         (p.population ? format_integer(kLang, *p.population) : "—") + " | " +
         format_money(kLang, p.rollup.budget.planned) + " | " + format_money(kLang, p.rollup.budget.spent) + " |\n";
  }
  o += "\n## Par thématique\n\n";
  if (r.themes.empty()) o += "La région ne déclare pas de thématiques.\n";
  for (const ThemeRollup& t : r.themes) {
    o += "### " + md(t.theme->title.value_or(t.theme->id)) + "\n\n";
    o += "- Avancement\u00A0: **" + percent(t.progress) + "** (" + coverage_text(t.coverage) + " actions renseignées)\n";
    o += "- Budget prévu\u00A0: " + format_money(kLang, t.budget.planned) + "\u00A0; dépensé\u00A0: " +
         format_money(kLang, t.budget.spent) + "\n";
    o += "- Actions\u00A0: ";
    if (t.actions.empty()) o += "aucune";
    for (std::size_t i = 0; i < t.actions.size(); ++i) o += (i ? ", " : "") + md(t.actions[i]);
    o += "\n\n";
  }
  o += "## Par financeur\n\n";
  if (r.budget.by_funder.empty()) {
    o += "Aucun financement.\n";
  } else {
    o += "| Financeur | Montant |\n|---|---:|\n";
    for (const auto& [id, amount] : r.budget.by_funder) {
      o += "| " + md(funder_name(r, id)) + " | " + format_money(kLang, amount) + " |\n";
    }
  }
  if (year) {
    o += "\n## Dépenses et financements de l’année " + std::to_string(*year) + "\n\n";
    o += "- Dépenses datées de l’année\u00A0: " + format_money(kLang, r.year_spent) + "\n";
    auto table = [&](const std::map<std::string, Money>& m, const char* heading) {
      if (m.empty()) return;
      o += std::string("\n| ") + heading + " | Montant |\n|---|---:|\n";
      for (const auto& [id, amount] : m) o += "| " + md(funder_name(r, id)) + " | " + format_money(kLang, amount) + " |\n";
    };
    table(r.year_funded, "Financements de l’année (accordés ou versés)");
    table(r.year_requested, "Financements demandés pour l’année");
  }
  o += "\n## Population\n\n";
  o += "La population couverte est la somme des populations déclarées par les contrats (`population`). "
       "Une commune couverte par deux contrats y est comptée deux fois\u00A0: les communes partagées sont "
       "listées ci-dessous pour que la délégation corrige au besoin.\n\n";
  if (r.shared_communes.empty()) {
    o += "Aucune commune partagée.\n";
  } else {
    o += "| Commune (INSEE) | Contrats |\n|---|---:|\n";
    for (const auto& [code, n] : r.shared_communes) o += "| " + code + " | " + std::to_string(n) + " |\n";
  }
  if (!r.left_out.empty()) {
    o += "\n## Projets écartés\n\n";
    o += "Ces projets ont des erreurs (`cls check`)\u00A0: ils ne sont pas comptés dans les chiffres ci-dessus.\n\n";
    for (const RegionMember* m : r.left_out) {
      o += "- " + md(m->path) + "\u00A0: " +
           (m->found ? plural(kLang, static_cast<std::int64_t>(m->diags.errors()), "erreur", "erreurs")
                     : std::string("projet introuvable")) + "\n";
    }
  }
  return o;
}

std::string render_region_report(const Region& region, const RegionRollup& r, const RegionReportOptions& options) {
  switch (options.format) {
    case ReportFormat::json: return region_report_json(region, r, options.year);
    case ReportFormat::csv: return region_report_csv(region, r, options.csv);
    case ReportFormat::html: return region_report_html(region, r, options.year);
    case ReportFormat::xlsx: {
      char* bytes = nullptr;
      std::size_t size = 0;
      std::FILE* mem = ::open_memstream(&bytes, &size);
      if (!mem) throw std::bad_alloc();
      try {
        region_report_xlsx(region, r, options.year, mem);
      } catch (...) {
        std::fclose(mem);
        std::free(bytes);
        throw;
      }
      std::fclose(mem);
      std::string out(bytes, size);
      std::free(bytes);
      return out;
    }
    case ReportFormat::markdown: break;
  }
  return region_report_markdown(region, r, options.year);
}

}  // namespace cls
