// SPDX-License-Identifier: EUPL-1.2
// The regional view (SPEC §11): region.yaml at the top of a folder of
// projects, its shared themes, and the projects it lists, loaded and checked
// in parallel. A region's diagnostics name files from the region's root
// ("cls-terres-de-lorraine/actions/PREV-01.yaml").
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cls/calendar.h"
#include "cls/diagnostic.h"
#include "cls/model.h"

namespace cls {

// A project as region.yaml lists it: its path from the region's root.
struct ListedProject {
  std::string path;  // normalised, relative, inside the region's folder
  Loc loc;
};

struct Region {
  std::filesystem::path root;
  Field<std::string> id, title;
  std::vector<ListedProject> projects;  // file order
  std::vector<Theme> themes;
  const Theme* theme(std::string_view id) const;
};

// Where the commands work (SPEC §1, §11): from `start` up, the nearest folder
// that holds cls.yaml (a project) or region.yaml (a region); a folder with
// both is a project. `is_region` says which; nullopt when neither is found.
struct Root {
  std::filesystem::path dir;
  bool is_region = false;
};
std::optional<Root> find_root(const std::filesystem::path& start);

// Reads region.yaml (file index 0 of the diagnostics: "region.yaml").
// A listed path that is absolute, or that leaves the region's folder, is
// region/project; so is a duplicate.
Region load_region(const std::filesystem::path& root, Diagnostics& diags);

// One project of a region, loaded and checked against the region's themes.
struct RegionMember {
  std::string path;           // as listed
  Loc listed_at;              // in region.yaml
  bool found = false;         // a folder holding cls.yaml
  Project project;            // empty when not found
  Diagnostics diags;          // the project's own, files relative to it
  bool usable() const { return found && !diags.has_errors(); }
};

// Loads and checks every listed project, in parallel on the machine's cores
// (one thread per core, each taking the next project). Order: as listed.
// Without `keep_warnings` (a report), only errors are kept: a large region
// draws thousands of warnings that a report does not show.
std::vector<RegionMember> load_region_projects(const Region& region, Date today, bool keep_warnings = true);

// All the diagnostics of a region, their files named from its root:
// region.yaml's, region/project for a listed project that is missing or not
// a project, then each project's. `files` receives the names.
Diagnostics region_diagnostics(const Region& region, const Diagnostics& region_diags,
                               const std::vector<RegionMember>& members, std::vector<std::string>& files);

}  // namespace cls
