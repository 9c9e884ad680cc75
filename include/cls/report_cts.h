// SPDX-License-Identifier: EUPL-1.2
// The bilan annuel of a CTS (`cls report --year Y` for `kind: cts`, SPEC
// §8.4): a CTS's year is its séances, its avis and its members' attendance.
// Per body, the séances held with their quorum and the attendance of each
// member and collège (attendance.h tallies); the avis and decisions of the
// year with their numbers and votes, their texts rendered from Markdown; the
// follow-ups done and still open; the action plan only when the project has
// actions. Markdown and HTML from report-cts.<md|html>.mustache; JSON adds the
// key `cts` to the report (man cls-report).
#pragma once
#include <string>

#include "cls/json_writer.h"
#include "cls/model.h"
#include "cls/report.h"
#include "cls/rollup.h"

namespace cls {

// A decision's text (Markdown) inside a line of a document: HTML without the
// paragraph around a text of one paragraph (markdown_to_html()); Markdown
// that continues a list item ("- ", indented by 2; markdown_to_markdown()),
// without its trailing line break. Both bilans use them.
std::string markdown_inline_html(std::string_view markdown);
std::string markdown_inline_md(std::string_view markdown);

// Whether `cls report --year` makes the CTS's bilan for this project.
bool cts_bilan(const Project& project);

std::string report_cts_markdown(const Project& project, const Rollup& rollup, const YearReview& year);
std::string report_cts_html(const Project& project, const Rollup& rollup, const YearReview& year);
// The value of the key `cts` of the JSON report: {bodies: [{id, title,
// meetings: [{id, date, members, present, substituted, by_proxy, excused,
// absent, present_or_represented, quorum_needed, quorum_reached,
// second_call}], attendance: [{college, members: [{id, name, meetings,
// present, substituted, by_proxy, excused, absent, rate, presence_rate}],
// total: {…}}]}], decisions: [{meeting, date, number, label, item, text,
// vote, outcome, unanimous}], followups: [{meeting, task, owner, due, done}]}.
void report_cts_json(JsonWriter& w, const Project& project, const YearReview& year);

}  // namespace cls
