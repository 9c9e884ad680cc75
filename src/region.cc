// SPDX-License-Identifier: EUPL-1.2
// region.yaml and its projects (region.h).
#include "cls/region.h"

#include <algorithm>
#include <atomic>
#include <set>
#include <system_error>
#include <thread>

#include "cls/check.h"
#include "cls/keys.h"
#include "cls/load.h"
#include "cls/project_files.h"
#include "load_reader.h"

namespace cls {

namespace fs = std::filesystem;

const Theme* Region::theme(std::string_view id) const {
  for (const Theme& t : themes) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

std::optional<Root> find_root(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  dir = dir.lexically_normal();
  if (!dir.has_filename() && dir.has_parent_path() && dir != dir.root_path()) dir = dir.parent_path();
  while (true) {
    if (fs::is_regular_file(dir / "cls.yaml", ec)) return Root{dir, false};
    if (fs::is_regular_file(dir / "region.yaml", ec)) return Root{dir, true};
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

namespace {

// A listed path as it will be used: relative, normalised, inside the root;
// empty when it is not.
std::string inside(const std::string& listed) {
  if (listed.empty()) return {};
  const fs::path p = fs::path(listed).lexically_normal();
  if (p.is_absolute() || p.has_root_name() || p.empty()) return {};
  std::string s = p.generic_string();
  while (!s.empty() && s.back() == '/') s.pop_back();
  if (s.empty() || s == "." || s == ".." || s.starts_with("../")) return {};
  return s;
}

}  // namespace

Region load_region(const fs::path& root, Diagnostics& diags) {
  Region region;
  region.root = root;
  std::string bytes, error;
  std::error_code ec;
  if (fs::is_symlink(root / "region.yaml", ec)) {
    // As for a project's files: diagnostics quote what they read, so a link
    // to a file outside the region's folder (a secret of the CI machine) is refused.
    const fs::path target = fs::canonical(root / "region.yaml", ec);
    const fs::path real_root = fs::canonical(root, ec);
    const std::string rel = ec ? std::string("..") : target.lexically_relative(real_root).generic_string();
    if (ec || rel.empty() || rel.starts_with("..")) {
      diags.error("yaml/syntax", Loc{0, 0, 0},
                  "symbolic link to a file outside the region: cls reads only the region's files");
      return region;
    }
  }
  if (!read_project_file(root / "region.yaml", kProjectFileLimits.max_bytes, bytes, error)) {
    diags.error("yaml/syntax", Loc{0, 0, 0}, error);
    return region;
  }
  std::vector<YamlNode> docs;
  if (!parse_yaml(bytes, 0, diags, docs, kProjectFileLimits)) return region;
  load::Reader r(0, diags);
  if (docs.empty()) {
    diags.error("schema/missing-key", Loc{0, 1, 1}, "region.yaml is empty: it needs 'id', 'title' and 'projects'");
    return region;
  }
  if (docs.size() > 1) {
    diags.error("yaml/syntax", r.loc(docs[1]), "a second YAML document ('---') in one file; keep one document per file");
  }
  if (!r.expect_map(docs[0], "region.yaml")) return region;
  load::Reader::Map top(r, docs[0], keys::region);
  Loc id_loc = top.loc();
  const std::string id = r.id(top.get("id"), id_loc);
  if (!id.empty()) region.id = Field<std::string>{id, id_loc};
  region.title = r.text(top.get("title"));
  region.themes = r.themes(top.get("themes"));
  std::set<std::string> seen;
  if (const YamlNode* list = top.get("projects")) {
    if (!list->is_seq()) {
      r.type_error(*list, "a list of project folders, e.g. [cls-terres-de-lorraine]");
    } else {
      for (const YamlNode& item : list->children) {
        if (!item.is_scalar()) {
          r.type_error(item, "the path of a project folder");
          continue;
        }
        const std::string path = inside(item.text);
        if (path.empty()) {
          diags.error("region/project", r.loc(item),
                      "project " + quote_value(item.text) +
                          " is not a folder inside the region's: give its path from region.yaml, without '..'");
        } else if (!seen.insert(path).second) {
          diags.error("region/project", r.loc(item), "project " + quote_value(path) + " is listed twice");
        } else {
          region.projects.push_back({path, r.loc(item)});
        }
      }
    }
  }
  std::set<std::string_view> theme_ids;
  for (const Theme& t : region.themes) {
    if (!t.id.empty() && !theme_ids.insert(t.id).second) {
      diags.error("id/duplicate", t.loc, "theme id " + quote_value(t.id) + " is already used in region.yaml");
    }
  }
  return region;
}

std::vector<RegionMember> load_region_projects(const Region& region, Date today, bool keep_warnings) {
  std::vector<RegionMember> members(region.projects.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    members[i].path = region.projects[i].path;
    members[i].listed_at = region.projects[i].loc;
  }
  auto load_one = [&](RegionMember& m) {
    std::error_code ec;
    const fs::path dir = region.root / m.path;
    // A link is followed only when it stays inside the region's folder.
    const fs::path real = fs::weakly_canonical(dir, ec);
    const fs::path real_root = fs::weakly_canonical(region.root, ec);
    const std::string rel = real.lexically_relative(real_root).generic_string();
    if (ec || rel.empty() || rel == "." || rel.starts_with("..") || !fs::is_regular_file(real / "cls.yaml", ec)) {
      return;
    }
    m.found = true;
    m.project = load_project(dir, m.diags);
    CheckOptions options{today};
    options.region_themes = &region.themes;
    check_project(m.project, options, m.diags);
    if (!keep_warnings && m.diags.warnings() > 0) {
      Diagnostics errors;
      for (const Diagnostic& d : m.diags.all()) {
        if (d.severity == Severity::error) errors.add(d);
      }
      m.diags = std::move(errors);
    }
    m.diags.sort(m.project.files);
  };
  const std::size_t n = members.size();
  const std::size_t threads = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), n);
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) load_one(members[i]);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (auto& t : pool) t.join();
  return members;
}

Diagnostics region_diagnostics(const Region&, const Diagnostics& region_diags,
                               const std::vector<RegionMember>& members, std::vector<std::string>& files) {
  Diagnostics out;
  files = {"region.yaml"};
  for (const Diagnostic& d : region_diags.all()) out.add(d);
  for (const RegionMember& m : members) {
    if (!m.found) {
      out.error("region/project", m.listed_at,
                "project " + quote_value(m.path) + " is missing or is not a project (no cls.yaml in that folder)");
      continue;
    }
    const auto offset = static_cast<std::uint32_t>(files.size());
    for (const std::string& f : m.project.files) files.push_back(m.path + "/" + f);
    for (const Diagnostic& d : m.diags.all()) {
      Diagnostic copy = d;
      if (copy.loc.known()) copy.loc.file = copy.loc.file + offset;
      out.add(std::move(copy));
    }
  }
  return out;
}

}  // namespace cls
