// SPDX-License-Identifier: EUPL-1.2
// The feuille d'émargement of a meeting (SPEC §8.4): the meeting's header,
// one table per collège (one table when the body has none) with a row per
// member — titulaire, suppléant(e) where substitutes sit, a cell to sign and
// one for a pouvoir given — then the guests, on A4 with the table header
// repeated on every page.
#pragma once
#include <string>
#include <vector>

#include "cls/documents.h"
#include "cls/model.h"

namespace cls {

// One table of the sheet: a collège, or the whole body.
struct SheetGroup {
  const College* college = nullptr;  // null: the body has no collèges (or the member's is unknown)
  std::vector<const Actor*> members;  // titulaires, in the body's order
  bool substitutes = false;           // the Suppléant(e) column: substitutes sit here and one has one
};

// The members of the meeting's body grouped as the sheet prints them: by
// collège in the body's order of collèges, members whose collège is unknown
// last; one group when the body has no collèges. Empty when the meeting has
// no body or the body no members.
std::vector<SheetGroup> sheet_groups(const Project& project, const Meeting& meeting);

// Renders attendance-sheet.<md|html>.mustache. Throws TemplateError.
std::string render_attendance_sheet(const Project& project, const Meeting& meeting, DocFormat format);

}  // namespace cls
