// SPDX-License-Identifier: EUPL-1.2
// The plan's history (SPEC §6): the project as it was at a git revision, and
// what changed in the plan between two versions of it (`cls diff`).
//
// Revisions are read with libgit2, straight from the object database: the
// working tree, the index and the user's checkout are never touched, and no
// hook, filter or configured program runs.
#pragma once
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cls/calendar.h"
#include "cls/load.h"
#include "cls/model.h"

namespace cls {

// Why a revision could not be read: not in a git repository, an unknown
// revision, no project at that revision. The message is for the user.
struct HistoryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The project's files as they were at one revision.
struct Revision {
  std::string name;    // as asked: "v1", "HEAD~2", "main"
  std::string commit;  // full hex id of the commit (or of the tree, for a tree-ish)
  std::vector<SourceFile> files;  // cls.yaml, actors/, actions/, meetings/ (.yaml, .yml)
};

// Reads the project whose root is `project_root` (a directory of a git
// working tree) as it was at `rev` (anything `git rev-parse` takes: a commit,
// a tag, a branch, HEAD~2…). The project's
// path inside the repository is the same at every revision: a project that was
// moved is not followed. Files are read as the working tree's are
// (project_files.h, SPEC §13): a blob over the file limit is refused by the
// size in its header, never loaded; a symbolic link is followed within the
// project, and one out of it, dangling or looping is a file that cannot be
// read (its SourceFile::problem). Throws HistoryError.
Revision read_revision(const std::filesystem::path& project_root, const std::string& rev);

// The path of `dir` from the top of the git working tree that holds it, with
// '/' separators and a trailing '/' ("plan/", "" at the top); nullopt outside
// a working tree. Forges name files from the top of the repository.
std::optional<std::string> path_in_repository(const std::filesystem::path& dir);

// --- What changed -----------------------------------------------------------------

// The progress of the plan or of one axis on both sides (SPEC §3, as of the
// same date); unknown on a side where it is unknown or the axis is absent.
struct ProgressChange {
  std::string id, title;  // "" for the plan
  std::optional<double> before, after;
  bool added = false, removed = false;  // the axis exists on one side only
};

struct ActionChange {
  std::string id, title, objective, axis;
  Status status = Status::planned;
};

struct StatusChange {
  std::string id, title;
  Status from = Status::planned, to = Status::planned;
};

// A reading that is new on the after side, or whose value changed on a date
// that already had one (a correction: `previous` holds the old value). On a
// date with several readings the last one counts, as in the roll-ups.
struct ReadingChange {
  std::string action, indicator, label, unit;
  Date date;
  double value = 0;
  std::optional<double> previous;
};

struct MeetingChange {
  std::string id, title, body;
  Date date;
};

// A decision recorded on the after side that was not there before: every
// decision of an added meeting, and in a meeting on both sides every decision
// whose text was not there before (an edited text counts as a new decision).
struct DecisionChange {
  std::string meeting, meeting_title;
  Date date;
  int item = 0;  // 1-based number of the agenda item
  std::string item_title, text;
  std::optional<Outcome> outcome;  // empty for a tie with no written outcome
  std::optional<Vote> vote;
  bool unanimous = false;
  bool casting_vote = false;  // a tie decided by the chair
};

struct PlanChanges {
  Date as_of;
  ProgressChange plan;
  std::vector<ProgressChange> axes;  // after's manifest order, then the removed ones
  std::vector<ActionChange> actions_added, actions_removed;
  std::vector<StatusChange> status_changes;
  std::vector<ReadingChange> readings;  // action, indicator, then date order
  std::vector<MeetingChange> meetings_added, meetings_removed;
  std::vector<DecisionChange> decisions;  // meeting file order, then agenda order

  // Nothing listed changed (progress aside, which follows from the rest).
  bool empty() const;
};

// Compares two loaded versions of a project. Entities are matched by id;
// progress is computed on both sides as of `as_of`.
PlanChanges diff_plans(const Project& before, const Project& after, Date as_of);

// How the two sides are named in the output.
struct DiffSides {
  std::string from_rev, from_commit;  // as asked, and the full commit id
  std::string to_rev, to_commit;      // both empty for the working tree
};

// Markdown in the project's language (`lang` of the after side): a heading,
// the progress table, then one section per kind of change that has any.
std::string changes_markdown(const PlanChanges& changes, const DiffSides& sides, const Project& after);
// JSON: the machine contract of `cls diff --format json` (see cls-diff(1)).
std::string changes_json(const PlanChanges& changes, const DiffSides& sides);

}  // namespace cls
