# SPDX-License-Identifier: EUPL-1.2
# bash completion for cls: the commands, their options, the values of those
# options, and the ids of the project's meetings and actors (read with
# `cls list`, from the project that -C names or the current one). Installed
# as share/bash-completion/completions/cls; tests/completions.sh keeps it in
# step with `cls --help`.

_cls_ids() {  # _cls_ids meetings|actors: one id a line
  local -a dir=()
  local i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -C | --directory) dir=(-C "${COMP_WORDS[i + 1]}") ;;
    esac
  done
  LC_ALL=C "${COMP_WORDS[0]}" "${dir[@]}" list "$1" --format csv --csv rfc4180 2>/dev/null |
    tail -n +2 | cut -d, -f1
}

_cls_options() {  # _cls_options COMMAND [SUBCOMMAND]: its options
  case $1 in
    check) echo "--format --strict" ;;
    init) echo "--kind" ;;
    ics) echo "--all --body -o --output" ;;
    diff) echo "--format -o --output" ;;
    report) echo "--format -o --output --as-of --year --csv" ;;
    list) echo "--format -o --output --csv --status --lead --owner --axis --late --body --open --from --to" ;;
    agenda) echo "--format -o --output" ;;
    convocation) echo "--to --substitutes --proxy-form --format -o --output --out-dir --ics --from" ;;
    attendance-sheet | emargement) echo "--format -o --output" ;;
    proxy-form | pouvoir) echo "--to --format -o --output" ;;
    minutes) echo "--public --format -o --output --out-dir --from" ;;
    send) echo "--minutes --dry-run --resend --substitutes --out-dir --from" ;;
    templates) echo "" ;;
    schema) echo "" ;;
  esac
}

_cls_formats() {  # _cls_formats COMMAND: the values of its --format
  case $1 in
    check) echo "text json sarif" ;;
    diff) echo "md json" ;;
    report) echo "md html json csv xlsx pdf" ;;
    list) echo "text json csv xlsx" ;;
    agenda | attendance-sheet | emargement | proxy-form | pouvoir) echo "md html pdf" ;;
    convocation | minutes) echo "md html pdf eml" ;;
  esac
}

_cls() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local commands="check init schema ics diff report list agenda convocation minutes attendance-sheet proxy-form send templates"
  local globals="-h --help --version -C --directory --today --color -q --quiet"
  local cmd="" sub="" i w
  local -i positionals=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    case $w in
      -C | --directory | --today | --color | --format | -o | --output | --as-of | --year | --csv | \
        --status | --lead | --owner | --axis | --body | --from | --to | --out-dir | --kind)
        ((i++)) ;;
      -*) ;;
      *)
        if [[ -z $cmd ]]; then
          cmd=$w
        elif [[ $cmd == templates && -z $sub ]]; then
          sub=$w
        else
          positionals+=1
        fi
        ;;
    esac
  done

  local values=""
  case $prev in
    -C | --directory | --out-dir)
      COMPREPLY=($(compgen -d -- "$cur"))
      return
      ;;
    -o | --output)
      COMPREPLY=($(compgen -f -- "$cur"))
      return
      ;;
    --color) values="auto always never" ;;
    --format) values=$(_cls_formats "$cmd") ;;
    --csv) values="fr rfc4180" ;;
    --kind) values="cls cts" ;;
    --status) values="planned in-progress done suspended abandoned" ;;
    --lead | --owner) values=$(_cls_ids actors) ;;
    --to)
      if [[ $cmd == convocation || $cmd == proxy-form || $cmd == pouvoir ]]; then
        values=$(_cls_ids actors)
      else
        values=$(date +%F)
      fi
      ;;
    --from)
      if [[ $cmd == list ]]; then values=$(date +%F); else return; fi
      ;;
    --today | --as-of) values=$(date +%F) ;;
    --year) values=$(date +%Y) ;;
    --body | --axis) return ;;
  esac
  if [[ -n $values ]]; then
    COMPREPLY=($(compgen -W "$values" -- "$cur"))
    return
  fi

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$globals $(_cls_options "$cmd")" -- "$cur"))
    return
  fi
  case $cmd in
    "") values=$commands ;;
    list) ((positionals == 0)) && values="actions actors meetings followups" ;;
    agenda | convocation | minutes | attendance-sheet | emargement | proxy-form | pouvoir | send)
      ((positionals == 0)) && values=$(_cls_ids meetings)
      ;;
    ics) values=$(_cls_ids meetings) ;;
    diff) values="HEAD $(git for-each-ref --format='%(refname:short)' 2>/dev/null)" ;;
    init | schema)
      COMPREPLY=($(compgen -d -- "$cur"))
      return
      ;;
    templates)
      if [[ -z $sub ]]; then
        values="list export"
      elif [[ $sub == export && $positionals == 0 ]]; then
        COMPREPLY=($(compgen -d -- "$cur"))
        return
      elif [[ $sub == export ]]; then
        values=$(LC_ALL=C "${COMP_WORDS[0]}" templates list 2>/dev/null | cut -d' ' -f1)
      fi
      ;;
  esac
  COMPREPLY=($(compgen -W "$values" -- "$cur"))
}

complete -F _cls cls
