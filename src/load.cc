// SPDX-License-Identifier: EUPL-1.2
// Loading a project (load.h): the files in path order, each parsed on its
// own (in parallel) and read by the reader of its kind (load_manifest.cc,
// load_actors.cc, load_actions.cc, load_meetings.cc), then merged.
#include "cls/load.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>

#include "cls/project_files.h"
#include "load_reader.h"

namespace cls {

namespace fs = std::filesystem;

std::optional<fs::path> find_project_root(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  dir = dir.lexically_normal();
  while (true) {
    if (fs::is_regular_file(dir / "cls.yaml", ec)) return dir;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

namespace {

// --- files ------------------------------------------------------------------

bool has_yaml_extension(std::string_view p) { return p.ends_with(".yaml") || p.ends_with(".yml"); }

enum class Folder { manifest, actors, actions, meetings, other };

Folder folder_of(std::string_view path) {
  if (path == "cls.yaml") return Folder::manifest;
  if (path.starts_with("actors/")) return Folder::actors;
  if (path.starts_with("actions/")) return Folder::actions;
  if (path.starts_with("meetings/")) return Folder::meetings;
  return Folder::other;
}

// What one file contributes, parsed on its own (possibly on another thread).
struct FileResult {
  Diagnostics diags;
  std::optional<Manifest> manifest;
  std::vector<Actor> actors;
  std::vector<Action> actions;
  std::vector<Meeting> meetings;
};

void load_file(std::uint32_t index, std::string_view path, std::string_view bytes,
               const YamlLimits& limits, FileResult& out) {
  std::vector<YamlNode> docs;
  if (!parse_yaml(bytes, index, out.diags, docs, limits)) return;
  load::Reader r(index, out.diags);
  if (docs.size() > 1) {
    out.diags.error("yaml/syntax", r.loc(docs[1]),
                    "a second YAML document ('---') in one file; keep one document per file");
  }
  const Folder folder = folder_of(path);
  if (folder == Folder::manifest) {
    out.manifest.emplace();
    if (docs.empty()) {
      out.diags.error("schema/missing-key", Loc{index, 1, 1}, "cls.yaml is empty: it needs at least 'id' and 'title'");
    } else {
      load::read_manifest(r, docs[0], *out.manifest);
    }
    return;
  }
  if (docs.empty() || docs[0].is_null()) return;  // an empty file declares nothing
  const YamlNode& root = docs[0];
  auto each_entity = [&](std::string_view what, auto&& read) {
    if (root.is_map()) {
      read(root);
    } else if (root.is_seq()) {
      for (const auto& item : root.children) {
        if (r.expect_map(item, what)) read(item);
      }
    } else {
      r.type_error(root, "a mapping (one " + std::string(what) + ") or a list of them");
    }
  };
  switch (folder) {
    case Folder::actors: each_entity("actor", [&](const YamlNode& n) { load::read_actor(r, n, out.actors); }); break;
    case Folder::actions: each_entity("action", [&](const YamlNode& n) { load::read_action(r, n, out.actions); }); break;
    case Folder::meetings: each_entity("meeting", [&](const YamlNode& n) { load::read_meeting(r, n, out.meetings); }); break;
    default: break;
  }
}

// Runs `work(i)` for i in [0, n) on all cores.
template <class F>
void parallel_for(std::size_t n, F&& work) {
  const std::size_t threads = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), n);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) work(i);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (auto& t : pool) t.join();
}

// Loads the files in batches: parsed in parallel within a batch (`load(i,
// path, result)` for file i), then moved into the project in path order before the
// next batch starts. Besides the project, only one batch of results is alive,
// and each file's YAML tree only while its file is read.
template <class Load>
Project load_files(std::vector<std::string> paths, Diagnostics& diags, Load&& load) {
  constexpr std::size_t kBatch = 1024;
  Project p;
  if (paths.size() > Loc::kMaxFiles) {
    // A Loc has 20 bits of file index (diagnostic.h). A million files is
    // twenty times a national roll-up of 50,000 fiches: more is a mistake
    // (a folder copied into itself, a checkout of the wrong tree).
    p.files = {"cls.yaml"};
    diags.error("yaml/syntax", Loc{0, 0, 0},
                "the project has " + std::to_string(paths.size()) + " files; cls reads at most " +
                    std::to_string(Loc::kMaxFiles) + " (cls-check(1), LIMITS)");
    return p;
  }
  p.files = std::move(paths);
  // One fiche action and one meeting per file is the habit: reserved, so
  // that the vectors of entities are not moved as they grow.
  std::size_t action_files = 0, meeting_files = 0;
  for (const auto& f : p.files) {
    action_files += folder_of(f) == Folder::actions;
    meeting_files += folder_of(f) == Folder::meetings;
  }
  p.actions.reserve(action_files);
  p.meetings.reserve(meeting_files);
  // A cls.yaml that cannot be read or parsed is there all the same: its own
  // error says what is wrong, not "no cls.yaml" on top of it.
  const bool have_manifest = std::find(p.files.begin(), p.files.end(), "cls.yaml") != p.files.end();
  std::vector<FileResult> results;
  for (std::size_t first = 0; first < p.files.size(); first += kBatch) {
    results.clear();
    results.resize(std::min(kBatch, p.files.size() - first));
    parallel_for(results.size(), [&](std::size_t k) { load(first + k, p.files[first + k], results[k]); });
    for (auto& r : results) {
      diags.append(std::move(r.diags));
      if (r.manifest) p.manifest = std::move(*r.manifest);
      p.actors.insert(p.actors.end(), std::make_move_iterator(r.actors.begin()),
                      std::make_move_iterator(r.actors.end()));
      p.actions.insert(p.actions.end(), std::make_move_iterator(r.actions.begin()),
                       std::make_move_iterator(r.actions.end()));
      p.meetings.insert(p.meetings.end(), std::make_move_iterator(r.meetings.begin()),
                        std::make_move_iterator(r.meetings.end()));
    }
  }
  if (!have_manifest) {
    p.files.push_back("cls.yaml");
    diags.error("schema/missing-key", Loc{static_cast<std::uint32_t>(p.files.size() - 1), 0, 0},
                "no cls.yaml in the project");
  }
  p.index();
  return p;
}

}  // namespace

std::vector<std::string> project_files(const fs::path& root, Diagnostics& diags) {
  std::vector<std::string> out;
  for (auto& f : list_project_files(root)) {
    if (!f.problem.empty()) {
      diags.error("yaml/syntax", Loc{static_cast<std::uint32_t>(out.size()), 0, 0}, f.problem);
    }
    out.push_back(std::move(f.path));
  }
  return out;
}

Project load_project(const fs::path& root, Diagnostics& diags, const YamlLimits& limits) {
  std::vector<std::string> paths, problems;
  {
    std::vector<ListedFile> listed = list_project_files(root);
    paths.reserve(listed.size());
    for (auto& f : listed) paths.push_back(std::move(f.path));
    // Most files have no problem: keep only the ones that do, and free the
    // listing before the model is built (4 MB at 50,000 files).
    for (std::size_t i = 0; i < listed.size(); ++i) {
      if (!listed[i].problem.empty()) {
        problems.resize(listed.size());
        problems[i] = std::move(listed[i].problem);
      }
    }
  }
  auto load = [&](std::size_t i, const std::string& path, FileResult& result) {
    const auto index = static_cast<std::uint32_t>(i);
    if (i < problems.size() && !problems[i].empty()) {
      result.diags.error("yaml/syntax", Loc{index, 0, 0}, problems[i]);
      return;
    }
    std::string bytes, error;
    if (!read_project_file(root / path, limits.max_bytes, bytes, error)) {
      result.diags.error("yaml/syntax", Loc{index, 0, 0}, error);
      return;
    }
    load_file(index, path, bytes, limits, result);
  };
  Project p = load_files(std::move(paths), diags, load);
  p.root = root;
  return p;
}

Project load_project(std::vector<SourceFile> files, Diagnostics& diags, const YamlLimits& limits) {
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  std::erase_if(files, [](const SourceFile& f) {
    return f.path != "cls.yaml" && (folder_of(f.path) == Folder::other || !has_yaml_extension(f.path));
  });
  std::vector<std::string> paths;
  paths.reserve(files.size());
  for (const auto& f : files) paths.push_back(f.path);
  return load_files(std::move(paths), diags, [&](std::size_t i, const std::string&, FileResult& result) {
    if (!files[i].problem.empty()) {
      result.diags.error("yaml/syntax", Loc{static_cast<std::uint32_t>(i), 0, 0}, files[i].problem);
      return;
    }
    load_file(static_cast<std::uint32_t>(i), files[i].path, files[i].bytes, limits, result);
    std::string().swap(files[i].bytes);  // read: its model holds what counts
  });
}

}  // namespace cls
