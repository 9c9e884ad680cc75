// SPDX-License-Identifier: EUPL-1.2
// The regional workbook (region_report.h): sheets Projets, Thématiques,
// Financeurs, typed cells (xlsx.h).
#include "cls/region_report.h"
#include "cls/xlsx.h"

namespace cls {

void region_report_xlsx(const Region& region, const RegionRollup& r, std::optional<int> year, std::FILE* out) {
  XlsxProperties props;
  props.title = (year ? "Bilan régional " + std::to_string(*year) : std::string("Tableau de bord régional")) +
                " — " + region.title.value_or(region.id.value_or(""));
  props.subject = "Contrats locaux de santé";
  props.created = r.as_of;
  XlsxWorkbook book(props);
  XlsxSheet& p = book.add_sheet("Projets", {{"Projet", 14},
                                            {"Intitulé", 40},
                                            {"Dossier", 24},
                                            {"Avancement", 12, XlsxKind::percent},
                                            {"Renseignés", 11, XlsxKind::integer},
                                            {"Sur", 8, XlsxKind::integer},
                                            {"Population", 12, XlsxKind::integer},
                                            {"En retard", 10, XlsxKind::integer},
                                            {"Budget prévu", 14, XlsxKind::euros},
                                            {"Dépensé", 14, XlsxKind::euros},
                                            {"Financé", 14, XlsxKind::euros}});
  for (const RegionProjectRollup& pr : r.projects) {
    const Project& proj = pr.member->project;
    p.text(proj.manifest.id.value_or("")).text(proj.manifest.title.value_or("")).text(pr.member->path);
    p.percent(pr.rollup.progress).integer(pr.rollup.coverage.known).integer(pr.rollup.coverage.total);
    if (pr.population) {
      p.integer(*pr.population);
    } else {
      p.blank();
    }
    p.integer(static_cast<std::int64_t>(pr.rollup.late.size()));
    p.euros(pr.rollup.budget.planned).euros(pr.rollup.budget.spent).euros(pr.rollup.budget.funded());
    p.end_row();
  }
  XlsxSheet& t = book.add_sheet("Thématiques", {{"Thématique", 16},
                                                {"Intitulé", 40},
                                                {"Avancement", 12, XlsxKind::percent},
                                                {"Renseignées", 11, XlsxKind::integer},
                                                {"Sur", 8, XlsxKind::integer},
                                                {"Budget prévu", 14, XlsxKind::euros},
                                                {"Dépensé", 14, XlsxKind::euros},
                                                {"Actions", 60}});
  for (const ThemeRollup& th : r.themes) {
    std::string actions;
    for (const std::string& a : th.actions) actions += (actions.empty() ? "" : ", ") + a;
    t.text(th.theme->id).text(th.theme->title.value_or("")).percent(th.progress);
    t.integer(th.coverage.known).integer(th.coverage.total).euros(th.budget.planned).euros(th.budget.spent);
    t.text(actions).end_row();
  }
  XlsxSheet& f = book.add_sheet("Financeurs", {{"Financeur", 16}, {"Nom", 44}, {"Montant", 14, XlsxKind::euros}});
  for (const auto& [id, amount] : r.budget.by_funder) f.text(id).text(funder_name(r, id)).euros(amount).end_row();
  book.write(out);
}

}  // namespace cls
