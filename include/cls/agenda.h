// SPDX-License-Identifier: EUPL-1.2
// The ordre du jour of a meeting (SPEC §5.1): its items numbered, with their
// kind, presenter, duration and computed start time, and the status, progress
// and lateness of the actions they discuss as of the meeting date.
#pragma once
#include <string>

#include "cls/documents.h"
#include "cls/model.h"

namespace cls {

// Renders agenda.<md|html>.mustache. Throws TemplateError.
std::string render_agenda(const Project& project, const Meeting& meeting, DocFormat format);

}  // namespace cls
