// SPDX-License-Identifier: EUPL-1.2
#include "cls/history.h"

#include <git2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "cls/attendance.h"
#include "cls/documents.h"
#include "cls/json_writer.h"
#include "cls/markdown.h"
#include "cls/report.h"
#include "cls/rollup.h"
#include "cls/text.h"
#include "cls/yaml_tree.h"

namespace cls {

namespace fs = std::filesystem;

// --- Reading a revision ----------------------------------------------------------

namespace {

// libgit2 keeps global state that must be set up before any call; the count
// is libgit2's own, so nested scopes are fine.
struct Libgit2 {
  Libgit2() {
    git_libgit2_init();
    // The ownership check protects git commands that run programs named in a
    // repository's config (hooks, filters, fsmonitor). We only read objects,
    // run nothing and write nothing, and CI jobs often run in a container
    // whose checkout belongs to another user: there the check would only
    // stop `cls diff` from working.
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
  }
  ~Libgit2() { git_libgit2_shutdown(); }
  Libgit2(const Libgit2&) = delete;
  Libgit2& operator=(const Libgit2&) = delete;
};

template <class T, void (*Free)(T*)>
struct Freer {
  void operator()(T* p) const { Free(p); }
};
using Repo = std::unique_ptr<git_repository, Freer<git_repository, git_repository_free>>;
using Object = std::unique_ptr<git_object, Freer<git_object, git_object_free>>;
using Tree = std::unique_ptr<git_tree, Freer<git_tree, git_tree_free>>;
using TreeEntry = std::unique_ptr<git_tree_entry, Freer<git_tree_entry, git_tree_entry_free>>;
using Blob = std::unique_ptr<git_blob, Freer<git_blob, git_blob_free>>;

std::string last_git_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

std::string hex(const git_oid* id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, id);
  return buf;
}

Repo open_repository(const fs::path& dir) {
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, dir.c_str(), 0, nullptr) != 0) {
    throw HistoryError("not in a git repository: " + dir.string() +
                       " (cls diff reads the plan's history from git; run `git init` and commit the project first)");
  }
  Repo repo(raw);
  if (git_repository_is_bare(repo.get())) {
    throw HistoryError("the git repository of " + dir.string() + " is bare: it has no working tree");
  }
  return repo;
}

// `dir` relative to the top of the working tree, '/'-separated, "" at the top.
std::string relative_to_workdir(git_repository* repo, const fs::path& dir) {
  std::error_code ec;
  const fs::path top = fs::weakly_canonical(fs::path(git_repository_workdir(repo)), ec);
  const fs::path here = fs::weakly_canonical(dir, ec);
  fs::path rel = here.lexically_relative(top);
  std::string s = rel.generic_string();
  if (s == ".") return "";
  if (s.empty() || s.starts_with("..")) {
    throw HistoryError(dir.string() + " is not inside the working tree of its git repository");
  }
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

Tree subtree(git_repository* repo, git_tree* root, const std::string& path) {
  git_tree_entry* raw = nullptr;
  if (git_tree_entry_bypath(&raw, root, path.c_str()) != 0) return nullptr;
  TreeEntry entry(raw);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return nullptr;
  git_tree* t = nullptr;
  if (git_tree_lookup(&t, repo, git_tree_entry_id(entry.get())) != 0) return nullptr;
  return Tree(t);
}

bool is_yaml_name(std::string_view name) { return name.ends_with(".yaml") || name.ends_with(".yml"); }

// A file of the revision, as the working tree's reader gives it
// (project_files.h): its bytes, or why it cannot be read.
struct BlobRead {
  std::string bytes;
  std::string problem;
};

// A blob of at most the file limit. Its size is read from the object's header
// first (git_odb_read_header), so a blob of 300 MiB is refused without being
// loaded, as the working tree refuses a file by its size (SPEC §13).
BlobRead read_blob(git_repository* repo, const git_oid* id) {
  BlobRead out;
  git_odb* odb_raw = nullptr;
  if (git_repository_odb(&odb_raw, repo) != 0) throw HistoryError("cannot read a file: " + last_git_error());
  std::unique_ptr<git_odb, Freer<git_odb, git_odb_free>> odb(odb_raw);
  std::size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&size, &type, odb.get(), id) != 0) {
    throw HistoryError("cannot read a file: " + last_git_error());
  }
  const YamlLimits limits;
  if (size > limits.max_bytes) {
    out.problem = file_too_large(size, limits);
    return out;
  }
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repo, id) != 0) throw HistoryError("cannot read a file: " + last_git_error());
  Blob blob(raw);
  const auto* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  out.bytes.assign(data, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
  return out;
}

// What the working tree does with a link (project_files.cc), done in the
// revision's tree: a link to a file of the project is read as that file; a
// link out of the project, a dangling link or a loop is a file that cannot be
// read; a link to a folder is not followed (nullopt). `path` is the link's
// path in the project, `entry` its tree entry.
std::optional<BlobRead> follow_link(git_repository* repo, git_tree* project, std::string path,
                                    const git_tree_entry* entry) {
  TreeEntry owned;
  for (int hops = 0; hops < 40; ++hops) {
    const auto mode = git_tree_entry_filemode(entry);
    if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) return std::nullopt;  // not followed
    if (mode != GIT_FILEMODE_LINK) return read_blob(repo, git_tree_entry_id(entry));
    const BlobRead target = read_blob(repo, git_tree_entry_id(entry));
    if (!target.problem.empty()) return target;
    const fs::path next = (fs::path(path).parent_path() / target.bytes).lexically_normal();
    const std::string rel = next.generic_string();
    if (fs::path(target.bytes).is_absolute() || rel.empty() || rel == "." || rel.starts_with("..")) {
      return BlobRead{{}, "symbolic link to a file outside the project: cls reads only the project's files"};
    }
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, project, rel.c_str()) != 0) {
      return BlobRead{{}, "cannot read the file: No such file or directory"};
    }
    owned.reset(raw);
    entry = owned.get();
    path = rel;
  }
  return BlobRead{{}, "cannot read the file: too many levels of symbolic links"};
}

struct WalkState {
  git_repository* repo;
  git_tree* project;
  std::string folder;
  std::vector<SourceFile>* files;
  std::string error;
};

int collect(const char* dir, const git_tree_entry* entry, void* payload) {
  auto* st = static_cast<WalkState*>(payload);
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) return 0;
  const std::string name = git_tree_entry_name(entry);
  if (!is_yaml_name(name)) return 0;
  const std::string path = st->folder + "/" + dir + name;
  try {
    if (auto read = follow_link(st->repo, st->project, path, entry)) {
      st->files->push_back({path, std::move(read->bytes), std::move(read->problem)});
    }
  } catch (const HistoryError& e) {
    st->error = e.what();
    return -1;
  }
  return 0;
}

}  // namespace

Revision read_revision(const fs::path& project_root, const std::string& rev) {
  Libgit2 lib;
  Repo repo = open_repository(project_root);
  const std::string prefix = relative_to_workdir(repo.get(), project_root);

  git_object* raw = nullptr;
  if (git_repository_head_unborn(repo.get()) == 1) {
    throw HistoryError("the git repository of " + project_root.string() +
                       " has no commit yet: commit the project, then compare with that commit");
  }
  if (rev.empty() || rev.starts_with("-") || git_revparse_single(&raw, repo.get(), rev.c_str()) != 0) {
    throw HistoryError("unknown revision '" + rev + "' in the git repository of " + project_root.string());
  }
  Object obj(raw);
  Revision out;
  out.name = rev;
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, obj.get(), GIT_OBJECT_COMMIT) == 0) {
    out.commit = hex(git_object_id(peeled));
    git_object_free(peeled);
  }
  if (git_object_peel(&peeled, obj.get(), GIT_OBJECT_TREE) != 0) {
    throw HistoryError("revision '" + rev + "' names no commit or tree: " + last_git_error());
  }
  Tree top(reinterpret_cast<git_tree*>(peeled));
  if (out.commit.empty()) out.commit = hex(git_tree_id(top.get()));

  Tree project = prefix.empty() ? std::move(top) : subtree(repo.get(), top.get(), prefix);
  const std::string where = prefix.empty() ? "the top of the repository" : prefix + "/";
  const git_tree_entry* manifest = project ? git_tree_entry_byname(project.get(), "cls.yaml") : nullptr;
  if (!manifest || git_tree_entry_type(manifest) != GIT_OBJECT_BLOB) {
    throw HistoryError("no cls.yaml in " + where + " at revision '" + rev +
                       "': the project was not there then (cls diff compares the project at the same place "
                       "in the repository; a project that was moved is not followed)");
  }
  if (auto read = follow_link(repo.get(), project.get(), "cls.yaml", manifest)) {
    out.files.push_back({"cls.yaml", std::move(read->bytes), std::move(read->problem)});
  }
  for (const char* folder : {"actors", "actions", "meetings"}) {
    Tree sub = subtree(repo.get(), project.get(), folder);
    if (!sub) continue;
    WalkState st{repo.get(), project.get(), folder, &out.files, {}};
    if (git_tree_walk(sub.get(), GIT_TREEWALK_PRE, collect, &st) != 0) {
      throw HistoryError(st.error.empty() ? "cannot read " + std::string(folder) + "/: " + last_git_error()
                                          : st.error);
    }
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return out;
}

std::optional<std::string> path_in_repository(const fs::path& dir) {
  Libgit2 lib;
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, dir.c_str(), 0, nullptr) != 0) return std::nullopt;
  Repo repo(raw);
  if (git_repository_is_bare(repo.get())) return std::nullopt;
  try {
    const std::string rel = relative_to_workdir(repo.get(), dir);
    return rel.empty() ? rel : rel + "/";
  } catch (const HistoryError&) {
    return std::nullopt;
  }
}

// --- Comparing two versions ---------------------------------------------------------

bool PlanChanges::empty() const {
  return actions_added.empty() && actions_removed.empty() && status_changes.empty() && readings.empty() &&
         meetings_added.empty() && meetings_removed.empty() && decisions.empty();
}

namespace {

ActionChange action_change(const Project& p, const Action& a) {
  ActionChange c{a.id, a.title.value_or(""), "", "", a.current_status()};
  if (a.objective) {
    c.objective = a.objective->id;
    if (const Objective* o = p.objective(a.objective->id); o && o->axis < p.manifest.axes.size()) {
      c.axis = p.manifest.axes[o->axis].id;
    }
  }
  return c;
}

MeetingChange meeting_change(const Project& p, const Meeting& m) {
  return {m.id, meeting_title(p, m), m.body ? m.body->id : "", m.date.value_or(Date{})};
}

// The readings of an indicator by date, the last of a date winning (SPEC §3).
std::map<Date, double> readings_by_date(const Indicator& ind) {
  std::map<Date, double> out;
  for (const auto& r : ind.values) {
    if (r.date && r.value) out[*r.date] = *r.value;
  }
  return out;
}

void diff_readings(const Action& after, const Action* before, std::vector<ReadingChange>& out) {
  std::set<std::string_view> seen;
  for (const auto& ind : after.indicators) {
    if (!seen.insert(ind.id).second) continue;  // a duplicate id: `cls check` reports it
    std::map<Date, double> old;
    if (before) {
      for (const auto& b : before->indicators) {
        if (b.id == ind.id) {
          old = readings_by_date(b);
          break;
        }
      }
    }
    for (const auto& [date, value] : readings_by_date(ind)) {
      const auto it = old.find(date);
      if (it != old.end() && it->second == value) continue;
      ReadingChange c{after.id, ind.id, ind.label.value_or(ind.id), ind.unit.value_or(""), date, value, {}};
      if (it != old.end()) c.previous = it->second;
      out.push_back(std::move(c));
    }
  }
}

void diff_decisions(const Project& after, const Meeting& m, const Meeting* before,
                    std::vector<DecisionChange>& out) {
  // Decisions have no id: within one meeting, a text already there before is
  // the same decision (counted, so that two identical texts stay two).
  std::unordered_map<std::string, int> known;
  if (before) {
    for (const auto& item : before->agenda) {
      for (const auto& d : item.decisions) ++known[d.text.value_or("")];
    }
  }
  const MeetingCount count = count_meeting(after, m);
  int number = 0;
  for (const auto& item : m.agenda) {
    ++number;
    for (const auto& d : item.decisions) {
      const std::string text = d.text.value_or("");
      if (auto it = known.find(text); it != known.end() && it->second > 0) {
        --it->second;
        continue;
      }
      const DecisionResult r = decide(after, m, count, d);
      out.push_back({m.id, meeting_title(after, m), m.date.value_or(Date{}), number, item.title.value_or(""),
                     text, r.outcome, d.vote, r.unanimous, r.casting_vote});
    }
  }
}

}  // namespace

PlanChanges diff_plans(const Project& before, const Project& after, Date as_of) {
  PlanChanges c;
  c.as_of = as_of;

  const Rollup rb = compute_rollup(before, as_of);
  const Rollup ra = compute_rollup(after, as_of);
  c.plan.before = rb.progress;
  c.plan.after = ra.progress;
  std::map<std::string, const AxisRollup*, std::less<>> before_axes;
  for (const auto& ax : rb.axes) before_axes.emplace(ax.axis->id, &ax);
  std::set<std::string, std::less<>> after_axis_ids;
  for (const auto& ax : ra.axes) {
    if (!after_axis_ids.insert(ax.axis->id).second) continue;
    ProgressChange pc{ax.axis->id, ax.axis->title.value_or(ax.axis->id), {}, ax.progress};
    if (auto it = before_axes.find(ax.axis->id); it != before_axes.end()) {
      pc.before = it->second->progress;
    } else {
      pc.added = true;
    }
    c.axes.push_back(std::move(pc));
  }
  std::set<std::string, std::less<>> removed_seen;
  for (const auto& ax : rb.axes) {
    if (after_axis_ids.count(ax.axis->id) || !removed_seen.insert(ax.axis->id).second) continue;
    ProgressChange pc{ax.axis->id, ax.axis->title.value_or(ax.axis->id), ax.progress, {}};
    pc.removed = true;
    c.axes.push_back(std::move(pc));
  }

  std::set<std::string_view> seen;
  for (const auto& a : after.actions) {
    if (!seen.insert(a.id).second) continue;
    const Action* b = before.action(a.id);
    if (!b) {
      c.actions_added.push_back(action_change(after, a));
    } else if (b->current_status() != a.current_status()) {
      c.status_changes.push_back({a.id, a.title.value_or(""), b->current_status(), a.current_status()});
    }
    diff_readings(a, b, c.readings);
  }
  seen.clear();
  for (const auto& b : before.actions) {
    if (seen.insert(b.id).second && !after.action(b.id)) c.actions_removed.push_back(action_change(before, b));
  }

  seen.clear();
  for (const auto& m : after.meetings) {
    if (!seen.insert(m.id).second) continue;
    const Meeting* b = before.meeting(m.id);
    if (!b) c.meetings_added.push_back(meeting_change(after, m));
    diff_decisions(after, m, b, c.decisions);
  }
  seen.clear();
  for (const auto& b : before.meetings) {
    if (seen.insert(b.id).second && !after.meeting(b.id)) c.meetings_removed.push_back(meeting_change(before, b));
  }
  return c;
}

// --- Output ----------------------------------------------------------------------------

namespace {

struct Words {
  std::string_view title, intro_as_of, working_tree, progress, whole_plan, change, none, absent;
  std::string_view added, removed, statuses, readings, meetings_added, meetings_removed, decisions;
  std::string_view corrected_was, item, open_quote, close_quote, colon, axis;
};

const Words& words(Lang lang) {
  static const Words fr{"Évolution du plan d’action",
                        "Avancement calculé au",
                        "copie de travail",
                        "Avancement",
                        "Ensemble du plan",
                        "Évolution",
                        "Aucun changement dans les actions, les indicateurs, les réunions ou les décisions.",
                        "absent",
                        "Actions ajoutées",
                        "Actions retirées",
                        "Changements de statut",
                        "Nouvelles valeurs d’indicateurs",
                        "Réunions ajoutées",
                        "Réunions retirées",
                        "Décisions prises",
                        "valeur corrigée, auparavant",
                        "point",
                        "«\u00A0",
                        "\u00A0»",
                        "\u00A0:",
                        "Axe"};
  static const Words en{"Changes in the action plan",
                        "Progress computed as of",
                        "working tree",
                        "Progress",
                        "Whole plan",
                        "Change",
                        "No change to the actions, the indicators, the meetings or the decisions.",
                        "absent",
                        "Actions added",
                        "Actions removed",
                        "Status changes",
                        "New indicator readings",
                        "Meetings added",
                        "Meetings removed",
                        "Decisions taken",
                        "corrected value, was",
                        "item",
                        "“",
                        "”",
                        ":",
                        "Axis"};
  return lang == Lang::fr ? fr : en;
}

std::string side_label(Lang lang, const std::string& rev, const std::string& commit) {
  if (rev.empty()) return std::string(words(lang).working_tree);
  const std::string shortid = commit.substr(0, 7);
  if (shortid.empty() || commit.starts_with(rev)) return markdown_escape(shortid.empty() ? rev : shortid);
  return markdown_escape(rev) + " (" + shortid + ")";
}

std::string percent_cell(Lang lang, const std::optional<double>& p, bool absent) {
  if (absent) return "–";
  if (!p) return std::string(tr(lang, Term::progress_unknown));
  return format_percent(lang, *p);
}

// The change in whole percentage points between the two rounded percentages
// shown, so that the three cells of a row agree.
std::string points_cell(Lang lang, const ProgressChange& pc) {
  if (!pc.before || !pc.after) return "";
  const long d = std::lround(*pc.after * 100) - std::lround(*pc.before * 100);
  const std::string n = plural(lang, std::labs(d), "point", "points");
  return d > 0 ? "+" + n : d < 0 ? "-" + n : n;
}

std::string value_text(Lang lang, double value, const std::string& unit) {
  std::string s = format_number(lang, value);
  if (!unit.empty()) s += " " + markdown_escape(unit);
  return s;
}

}  // namespace

std::string changes_markdown(const PlanChanges& c, const DiffSides& sides, const Project& after) {
  const Lang lang = after.lang();
  const Words& w = words(lang);
  const std::string from = side_label(lang, sides.from_rev, sides.from_commit);
  const std::string to = side_label(lang, sides.to_rev, sides.to_commit);
  const std::string colon = std::string(w.colon) + " ";
  std::string out;
  out += "# " + std::string(w.title) + colon + from + " → " + to + "\n\n";
  if (after.manifest.title) out += markdown_escape(*after.manifest.title) + ". ";
  out += std::string(w.intro_as_of) + " " + format_date(lang, c.as_of) + ".\n\n";

  out += "## " + std::string(w.progress) + "\n\n";
  out += "| " + std::string(w.axis) + " | " + from + " | " + to + " | " + std::string(w.change) + " |\n";
  out += "|---|---:|---:|---:|\n";
  out += "| **" + std::string(w.whole_plan) + "** | " + percent_cell(lang, c.plan.before, false) + " | " +
         percent_cell(lang, c.plan.after, false) + " | " + points_cell(lang, c.plan) + " |\n";
  for (const auto& ax : c.axes) {
    out += "| " + markdown_escape(ax.title) + " | " + percent_cell(lang, ax.before, ax.added) + " | " +
           percent_cell(lang, ax.after, ax.removed) + " | " + points_cell(lang, ax) + " |\n";
  }

  if (c.empty()) {
    out += "\n" + std::string(w.none) + "\n";
    return out;
  }
  auto section = [&](std::string_view title, std::size_t n) {
    out += "\n## " + std::string(title) + " (" + std::to_string(n) + ")\n\n";
  };
  auto action_line = [&](const std::string& id, const std::string& title) {
    return "- **" + markdown_escape(id) + "** " + markdown_escape(title);
  };
  if (!c.actions_added.empty()) {
    section(w.added, c.actions_added.size());
    for (const auto& a : c.actions_added) {
      out += action_line(a.id, a.title) + " (" + std::string(tr(lang, a.status)) + ")\n";
    }
  }
  if (!c.actions_removed.empty()) {
    section(w.removed, c.actions_removed.size());
    for (const auto& a : c.actions_removed) out += action_line(a.id, a.title) + "\n";
  }
  if (!c.status_changes.empty()) {
    section(w.statuses, c.status_changes.size());
    for (const auto& s : c.status_changes) {
      out += action_line(s.id, s.title) + colon + std::string(tr(lang, s.from)) + " → " +
             std::string(tr(lang, s.to)) + "\n";
    }
  }
  if (!c.readings.empty()) {
    section(w.readings, c.readings.size());
    for (const auto& r : c.readings) {
      out += "- **" + markdown_escape(r.action) + "** " + markdown_escape(r.label) + colon +
             value_text(lang, r.value, r.unit) + (lang == Lang::fr ? " au " : " on ") + format_date(lang, r.date);
      if (r.previous) out += " (" + std::string(w.corrected_was) + " " + value_text(lang, *r.previous, r.unit) + ")";
      out += "\n";
    }
  }
  auto meeting_lines = [&](std::string_view title, const std::vector<MeetingChange>& list) {
    if (list.empty()) return;
    section(title, list.size());
    for (const auto& m : list) {
      out += "- **" + markdown_escape(m.id) + "** " + markdown_escape(m.title) + ", " +
             format_date_long(lang, m.date) + "\n";
    }
  };
  meeting_lines(w.meetings_added, c.meetings_added);
  meeting_lines(w.meetings_removed, c.meetings_removed);
  if (!c.decisions.empty()) {
    section(w.decisions, c.decisions.size());
    for (const auto& d : c.decisions) {
      out += "- **" + markdown_escape(d.meeting_title) + "** (" + format_date(lang, d.date) + "), " +
             std::string(w.item) + " " + std::to_string(d.item) + " " + std::string(w.open_quote) +
             markdown_escape(d.item_title) + std::string(w.close_quote) + colon + markdown_escape(d.text);
      if (d.outcome) out += " — *" + vote_sentence(lang, *d.outcome, d.vote, d.unanimous, d.casting_vote) + "*";
      out += "\n";
    }
  }
  return out;
}

std::string changes_json(const PlanChanges& c, const DiffSides& sides) {
  using json = nlohmann::ordered_json;
  // Exact (SPEC §9): what a script subtracts must not carry the rounding of a display.
  auto progress = [](const std::optional<double>& p) -> json { return p ? json(*p) : json(); };
  auto side = [](const std::string& rev, const std::string& commit) -> json {
    if (rev.empty()) return {{"rev", nullptr}, {"commit", nullptr}, {"working_tree", true}};
    return {{"rev", rev}, {"commit", commit}, {"working_tree", false}};
  };
  json axes = json::array();
  for (const auto& ax : c.axes) {
    axes.push_back({{"id", ax.id}, {"title", ax.title}, {"before", progress(ax.before)},
                    {"after", progress(ax.after)}, {"added", ax.added}, {"removed", ax.removed}});
  }
  auto actions = [](const std::vector<ActionChange>& list) {
    json a = json::array();
    for (const auto& x : list) {
      a.push_back({{"id", x.id}, {"title", x.title}, {"objective", x.objective}, {"axis", x.axis},
                   {"status", std::string(to_string(x.status))}});
    }
    return a;
  };
  json statuses = json::array();
  for (const auto& s : c.status_changes) {
    statuses.push_back({{"id", s.id}, {"title", s.title}, {"from", std::string(to_string(s.from))},
                        {"to", std::string(to_string(s.to))}});
  }
  json readings = json::array();
  for (const auto& r : c.readings) {
    readings.push_back({{"action", r.action}, {"indicator", r.indicator}, {"label", r.label}, {"unit", r.unit},
                        {"date", r.date.iso()}, {"value", r.value},
                        {"previous", r.previous ? json(*r.previous) : json()}});
  }
  auto meetings = [](const std::vector<MeetingChange>& list) {
    json a = json::array();
    for (const auto& m : list) {
      a.push_back({{"id", m.id}, {"title", m.title}, {"body", m.body}, {"date", m.date.iso()}});
    }
    return a;
  };
  json decisions = json::array();
  for (const auto& d : c.decisions) {
    json vote;
    if (d.vote) vote = {{"for", d.vote->for_}, {"against", d.vote->against}, {"abstain", d.vote->abstain}};
    decisions.push_back({{"meeting", d.meeting}, {"meeting_title", d.meeting_title}, {"date", d.date.iso()},
                         {"item", d.item}, {"item_title", d.item_title}, {"text", d.text},
                         {"outcome", d.outcome ? json(std::string(to_string(*d.outcome))) : json()},
                         {"unanimous", d.unanimous}, {"vote", vote}});
  }
  json doc = {{"from", side(sides.from_rev, sides.from_commit)},
              {"to", side(sides.to_rev, sides.to_commit)},
              {"as_of", c.as_of.iso()},
              {"changed", !c.empty()},
              {"progress", {{"before", progress(c.plan.before)}, {"after", progress(c.plan.after)}, {"axes", axes}}},
              {"actions_added", actions(c.actions_added)},
              {"actions_removed", actions(c.actions_removed)},
              {"status_changes", statuses},
              {"readings", readings},
              {"meetings_added", meetings(c.meetings_added)},
              {"meetings_removed", meetings(c.meetings_removed)},
              {"decisions", decisions}};
  return json_text(doc);
}

}  // namespace cls
