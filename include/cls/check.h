// SPDX-License-Identifier: EUPL-1.2
// The rules of meaning (SPEC §2) over a loaded project: ids, references,
// dates, indicators and meetings. Form problems (YAML, schema) are reported
// by the loader; together they are everything `cls check` says.
#pragma once
#include "cls/calendar.h"
#include "cls/diagnostic.h"
#include "cls/model.h"

namespace cls {

struct CheckOptions {
  Date today;  // for action/late, actor/absence and indicator/stale
  // The region's themes when the project is checked at a region's root
  // (SPEC §11): actions' `themes` name those, else the project's own. A
  // project checked alone that declares no themes leaves its actions'
  // themes to the region's check.
  const std::vector<Theme>* region_themes = nullptr;
};

void check_project(const Project& project, const CheckOptions& options, Diagnostics& diags);

// The rules that concern one meeting (its own, its body's composition, the
// mandates and addresses of its convened): what its documents repeat on
// standard error (SPEC §8.3).
void check_meeting(const Project& project, const Meeting& meeting, const CheckOptions& options, Diagnostics& diags);

}  // namespace cls
