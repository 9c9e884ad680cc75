// SPDX-License-Identifier: EUPL-1.2
// `cls report` at a region's root (SPEC §11): the regional dashboard as
// Markdown, self-contained HTML (printed to PDF by the CLI), JSON (the keys
// of §11), CSV (one row per project) and an Excel workbook. In French: the
// region's readers are an ARS and its délégations.
#pragma once
#include <cstdio>
#include <optional>
#include <string>

#include "cls/region_rollup.h"
#include "cls/report.h"

namespace cls {

struct RegionReportOptions {
  ReportFormat format = ReportFormat::markdown;
  Date as_of;
  std::optional<int> year;  // a regional bilan of that year (as_of is Y-12-31)
  CsvDialect csv = CsvDialect::french;
};

std::string region_report_json(const Region& region, const RegionRollup& r, std::optional<int> year);
std::string region_report_csv(const Region& region, const RegionRollup& r, CsvDialect dialect);
std::string region_report_markdown(const Region& region, const RegionRollup& r, std::optional<int> year);
std::string region_report_html(const Region& region, const RegionRollup& r, std::optional<int> year);
void region_report_xlsx(const Region& region, const RegionRollup& r, std::optional<int> year, std::FILE* out);

// The report as the format says (xlsx: the workbook's bytes).
std::string render_region_report(const Region& region, const RegionRollup& r, const RegionReportOptions& options);

// The display name of a funder: the name of the actor of that id in the
// first project that has one, else the id.
std::string funder_name(const RegionRollup& r, const std::string& id);

}  // namespace cls
