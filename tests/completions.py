#!/usr/bin/python3
# SPDX-License-Identifier: EUPL-1.2
"""The shell completions follow the CLI: completions.py SOURCE_DIR CLS_BINARY

What `cls --help` and each `cls COMMAND --help` list (commands, long
options, the values of options written {a,b,c}, the subcommands of
`cls templates`) must be offered by each file of completions/:
- bash (cls.bash) is run: sourced, and asked, as bash asks it, for the
  commands, for the options after `cls COMMAND -`, and for the values after
  `cls COMMAND --option `;
- zsh (_cls) and fish (cls.fish) are read: each command's part of the file
  (its `case` branch for zsh, the lines conditioned on it for fish) must
  name each of its options and values. Their syntax is checked with `zsh -n`
  and `fish --no-execute` where those shells are installed.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

src, binary = Path(sys.argv[1]).resolve(), str(Path(sys.argv[2]).resolve())
env = dict(os.environ, LC_ALL="C", NO_COLOR="1")


def help_of(*args):
    return subprocess.run([binary, *args, "--help"], capture_output=True, text=True, env=env, check=True).stdout


def section(text, title):
    """The names listed under `title:` in a help text (two-space indent)."""
    out, inside = [], False
    for line in text.splitlines():
        if line.rstrip() == title + ":":
            inside = True
        elif inside and line.startswith("  ") and not line.startswith("   "):
            out.append(line.split()[0].rstrip(","))  # "attendance-sheet, emargement": the name, then its alias
        elif inside and line.strip() and not line.startswith(" "):
            inside = False
    return out


def options(text):
    """{long option: [values]} of a help text's Options section."""
    out = {}
    inside = False
    for line in text.splitlines():
        if line.rstrip() == "Options:":
            inside = True
            continue
        if not inside or not line.startswith("  -"):
            continue
        head = line.split("  ")[1] if line.startswith("  ") else line
        head = line.strip().split("  ")[0]
        names = re.findall(r"(?<![\w-])--[a-z][a-z-]*", head.split(" ")[0])
        values = re.search(r":\{([^}]*)\}", head)
        for n in names:
            if n in ("--help", "--version"):
                continue
            out[n] = values.group(1).split(",") if values else []
    return out


top = help_of()
commands = section(top, "Subcommands")
globals_ = options(top)
per_command = {c: options(help_of(c)) for c in commands}
templates_subs = section(help_of("templates"), "Subcommands")
failures = []
if len(commands) < 5 or "check" not in commands or not per_command["check"]:
    failures.append(f"the help was not understood (commands {commands}): the test is broken")

# --- bash: asked as bash asks it -------------------------------------------
def bash_complete(words):
    """What _cls offers for `words`, the last one being completed."""
    words = [binary] + words[1:]
    script = (f"source {shlex.quote(str(src / 'completions' / 'cls.bash'))}\n"
              f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)}); COMP_CWORD={len(words) - 1}\n"
              "_cls; printf '%s\\n' \"${COMPREPLY[@]}\"\n")
    r = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, cwd="/")
    return set(r.stdout.split())


def want(what, offered, expected):
    missing = [e for e in expected if e not in offered]
    if missing:
        failures.append(f"{what}: does not offer {' '.join(missing)}")


want("bash, `cls `", bash_complete(["cls", ""]), commands)
want("bash, `cls -`", bash_complete(["cls", "-"]), list(globals_))
for option, values in globals_.items():
    if values:
        want(f"bash, `cls {option} `", bash_complete(["cls", option, ""]), values)
for c, opts in per_command.items():
    want(f"bash, `cls {c} -`", bash_complete(["cls", c, "-"]), list(opts))
    for option, values in opts.items():
        if values:
            want(f"bash, `cls {c} {option} `", bash_complete(["cls", c, option, ""]), values)
want("bash, `cls templates `", bash_complete(["cls", "templates", ""]), templates_subs)
# The ids of the project that -C names, as `cls list` gives them.
example = str(src / "examples" / "cls-terres-de-lorraine")
for kind, words in (("meetings", ["agenda", ""]), ("actors", ["convocation", "copil-2026-12", "--to", ""])):
    listed = subprocess.run([binary, "-C", example, "list", kind, "--format", "json"], capture_output=True,
                            text=True, env=env, check=True).stdout
    ids = re.findall(r'^    "id": "([^"]+)"', listed, re.M)
    if not ids:
        failures.append(f"no {kind} listed in {example}: the test is broken")
    want(f"bash, `cls -C EXAMPLE {' '.join(words)}`", bash_complete(["cls", "-C", example] + words), ids)
want("bash, `cls list `", bash_complete(["cls", "list", ""]), ["actions", "actors", "meetings", "followups"])


# --- zsh and fish: read --------------------------------------------------------
def words_of(text):
    return set(re.findall(r"[A-Za-z0-9][A-Za-z0-9_.-]*|--?[a-z][a-z-]*", text))


zsh = (src / "completions" / "_cls").read_text(encoding="utf-8")
# Options shared by several commands are kept in arrays (output=(…)): each
# use stands for the array's text.
for name, body in re.findall(r"^\s*(\w+)=\((.*)\)$", zsh, re.M):
    zsh = zsh.replace("$" + name + " ", body + " ")
fish = (src / "completions" / "cls.fish").read_text(encoding="utf-8")


def zsh_branch(command):
    """The text of the `case` branch for `command` in _cls."""
    m = re.search(r"^\s+(?:[a-z]+ \| )*" + command + r"(?: \| [a-z]+)*\)\n(.*?)(?:;;|^\s+esac)", zsh,
                  re.M | re.S)
    return m.group(1) if m else ""


def fish_lines(command):
    return "\n".join(l for l in fish.splitlines() if re.search(r"__fish_seen_subcommand_from [^']*\b" +
                                                              command + r"\b", l))


def fish_words(text):
    out = set(words_of(text))
    out |= {"--" + m for m in re.findall(r"-l ([a-z-]+)", text)}
    return out


for name, whole, part, words in (("zsh", zsh, zsh_branch, words_of), ("fish", fish, fish_lines, fish_words)):
    all_words = words(whole)
    want(f"{name}: the commands", all_words, commands)
    for option, values in globals_.items():
        want(f"{name}: {option}", all_words, [option] + values)
    for c, opts in per_command.items():
        text = part(c)
        if not text:
            failures.append(f"{name}: no part for `cls {c}`")
            continue
        have = words(text)
        for option, values in opts.items():
            want(f"{name}, `cls {c}`: {option}", have, [option] + values)
    want(f"{name}, `cls templates`", words(part("templates")), templates_subs)

for shell, args, path in (("bash", ["-n"], "cls.bash"), ("zsh", ["-n"], "_cls"), ("fish", ["--no-execute"], "cls.fish")):
    if shutil.which(shell):
        r = subprocess.run([shell, *args, str(src / "completions" / path)], capture_output=True, text=True)
        if r.returncode != 0:
            failures.append(f"{path}: {shell} finds a syntax error: {r.stderr.strip()}")
    else:
        print(f"({shell} is not installed: {path} not syntax-checked)")

for f in failures:
    print(f)
if failures:
    sys.exit(1)
n = sum(len(o) for o in per_command.values())
print(f"bash, zsh and fish complete the {len(commands)} commands and their {n} options")
