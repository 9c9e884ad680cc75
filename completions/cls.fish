# SPDX-License-Identifier: EUPL-1.2
# fish completion for cls: the commands, their options, the values of those
# options, and the ids of the project's meetings and actors (read with
# `cls list`). Installed in fish's vendor_completions.d; tests/completions.sh
# keeps it in step with `cls --help`.

set -l commands check init schema ics diff report list agenda convocation minutes attendance-sheet emargement proxy-form pouvoir send templates

function __cls_ids --argument-names kind
    set -l dir
    set -l words (commandline -opc)
    for i in (seq (count $words))
        if contains -- $words[$i] -C --directory
            set dir -C $words[(math $i + 1)]
        end
    end
    env LC_ALL=C $words[1] $dir list $kind --format csv --csv rfc4180 2>/dev/null | tail -n +2 | cut -d, -f1
end

# Global options, before or after the command.
complete -c cls -f
complete -c cls -s h -l help -d 'Print the help and exit'
complete -c cls -l version -d 'Print the version and exit'
complete -c cls -s C -l directory -x -a '(__fish_complete_directories)' -d 'Run in DIR'
complete -c cls -l today -x -d 'The date taken as today (YYYY-MM-DD)'
complete -c cls -l color -x -a 'auto always never' -d 'Colour the output'
complete -c cls -s q -l quiet -d 'Print only what was asked'

# The commands.
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a check -d "Validate the project's files"
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a init -d 'Create a small valid project'
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a schema -d 'Write the JSON Schemas of the files, for editors'
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a ics -d 'Meetings as an iCalendar file'
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a diff -d 'What changed between two git revisions'
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a report -d 'Tableau de bord, or bilan annuel'
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a list -d 'Tables of actions, actors, meetings, follow-ups'
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a agenda -d 'The ordre du jour of a meeting'
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a convocation -d 'The convocation letters of a meeting'
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a minutes -d 'The compte rendu of a held meeting'
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a attendance-sheet -d "The feuille d'émargement of a meeting"
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a proxy-form -d 'The pouvoir form a member returns'
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a send -d 'Send the convocations, or the compte rendu, by e-mail'
complete -c cls -n "not __fish_seen_subcommand_from $commands" -a templates -d 'List or export the document templates'

# check
complete -c cls -n '__fish_seen_subcommand_from check' -l format -x -a 'text json sarif' -d 'Output format'
complete -c cls -n '__fish_seen_subcommand_from check' -l strict -d 'Fail (exit 1) on warnings too'
# init
complete -c cls -n '__fish_seen_subcommand_from init' -l kind -x -a 'cls cts' -d 'Contrat local or conseil territorial'
complete -c cls -n '__fish_seen_subcommand_from init' -a '(__fish_complete_directories)'
# ics
complete -c cls -n '__fish_seen_subcommand_from ics' -l all -d 'Every meeting of the project'
complete -c cls -n '__fish_seen_subcommand_from ics' -l body -x -d 'With --all: only the meetings of BODY'
complete -c cls -n '__fish_seen_subcommand_from ics' -s o -l output -r -F -d 'Write to FILE'
complete -c cls -n '__fish_seen_subcommand_from ics' -a '(__cls_ids meetings)'
# diff
complete -c cls -n '__fish_seen_subcommand_from diff' -l format -x -a 'md json' -d 'Output format'
complete -c cls -n '__fish_seen_subcommand_from diff' -s o -l output -r -F -d 'Write to FILE'
complete -c cls -n '__fish_seen_subcommand_from diff' -a '(echo HEAD; git for-each-ref --format="%(refname:short)" 2>/dev/null)'
# report
complete -c cls -n '__fish_seen_subcommand_from report' -l format -x -a 'md html json csv xlsx pdf' -d 'Output format'
complete -c cls -n '__fish_seen_subcommand_from report' -s o -l output -r -F -d 'Write to FILE'
complete -c cls -n '__fish_seen_subcommand_from report' -l as-of -x -d 'Compute as of this date (YYYY-MM-DD)'
complete -c cls -n '__fish_seen_subcommand_from report' -l year -x -d 'Bilan annuel of YEAR'
complete -c cls -n '__fish_seen_subcommand_from report' -l csv -x -a 'fr rfc4180' -d 'CSV dialect'
# list
complete -c cls -n '__fish_seen_subcommand_from list' -a 'actions actors meetings followups'
complete -c cls -n '__fish_seen_subcommand_from list' -l format -x -a 'text json csv xlsx' -d 'Output format'
complete -c cls -n '__fish_seen_subcommand_from list' -s o -l output -r -F -d 'Write to FILE'
complete -c cls -n '__fish_seen_subcommand_from list' -l csv -x -a 'fr rfc4180' -d 'CSV dialect'
complete -c cls -n '__fish_seen_subcommand_from list' -l status -x -a 'planned in-progress done suspended abandoned' -d 'Actions with this status'
complete -c cls -n '__fish_seen_subcommand_from list' -l lead -l owner -x -a '(__cls_ids actors)' -d 'Led or owned by ACTOR'
complete -c cls -n '__fish_seen_subcommand_from list' -l axis -x -d 'Actions of this axis'
complete -c cls -n '__fish_seen_subcommand_from list' -l late -d 'Late actions, overdue follow-ups'
complete -c cls -n '__fish_seen_subcommand_from list' -l body -x -d 'Members or meetings of BODY'
complete -c cls -n '__fish_seen_subcommand_from list' -l open -d 'Not done, not held yet'
complete -c cls -n '__fish_seen_subcommand_from list' -l from -x -d 'On or after DATE (YYYY-MM-DD)'
complete -c cls -n '__fish_seen_subcommand_from list' -l to -x -d 'On or before DATE (YYYY-MM-DD)'
# agenda, convocation, minutes, attendance-sheet, proxy-form
complete -c cls -n '__fish_seen_subcommand_from agenda attendance-sheet emargement proxy-form pouvoir' -l format -x -a 'md html pdf' -d 'Output format'
complete -c cls -n '__fish_seen_subcommand_from convocation minutes' -l format -x -a 'md html pdf eml' -d 'Output format'
complete -c cls -n '__fish_seen_subcommand_from agenda convocation minutes attendance-sheet emargement proxy-form pouvoir' -s o -l output -r -F -d 'Write to FILE'
complete -c cls -n '__fish_seen_subcommand_from agenda convocation minutes attendance-sheet emargement proxy-form pouvoir' -a '(__cls_ids meetings)'
complete -c cls -n '__fish_seen_subcommand_from convocation' -l proxy-form -d "After each member's letter, their pouvoir"
complete -c cls -n '__fish_seen_subcommand_from proxy-form pouvoir' -l to -x -a '(__cls_ids actors)' -d 'Only the forms of these members'
complete -c cls -n '__fish_seen_subcommand_from convocation' -l to -x -a '(__cls_ids actors)' -d 'Only the letters to these actors'
complete -c cls -n '__fish_seen_subcommand_from convocation' -l out-dir -x -a '(__fish_complete_directories)' -d 'One file per recipient in DIR'
complete -c cls -n '__fish_seen_subcommand_from convocation' -l ics -d 'Also write DIR/MEETING.ics'
complete -c cls -n '__fish_seen_subcommand_from minutes' -l public -d 'Leave out every personal contact detail'
complete -c cls -n '__fish_seen_subcommand_from convocation' -l substitutes -d 'The copy to each titulaire'\''s substitute'
complete -c cls -n '__fish_seen_subcommand_from minutes' -l out-dir -x -a '(__fish_complete_directories)' -d 'With --format eml: one message per participant in DIR'
complete -c cls -n '__fish_seen_subcommand_from convocation minutes' -l from -x -d 'With --format eml: the sender'
# send
complete -c cls -n '__fish_seen_subcommand_from send' -a '(__cls_ids meetings)'
complete -c cls -n '__fish_seen_subcommand_from send' -l minutes -d 'Send the compte rendu to the participants'
complete -c cls -n '__fish_seen_subcommand_from send' -l dry-run -d 'Write the messages, send nothing'
complete -c cls -n '__fish_seen_subcommand_from send' -l resend -d 'Send again what sent.log records as sent'
complete -c cls -n '__fish_seen_subcommand_from send' -l substitutes -d 'Also send the substitutes their copy'
complete -c cls -n '__fish_seen_subcommand_from send' -l out-dir -x -a '(__fish_complete_directories)' -d 'Where the messages and sent.log are kept'
complete -c cls -n '__fish_seen_subcommand_from send' -l from -x -d 'The sender'
# schema
complete -c cls -n '__fish_seen_subcommand_from schema' -a '(__fish_complete_directories)'

# templates
complete -c cls -n '__fish_seen_subcommand_from templates; and not __fish_seen_subcommand_from list export' -a 'list export'
complete -c cls -n '__fish_seen_subcommand_from templates; and __fish_seen_subcommand_from export' -a '(__fish_complete_directories; env LC_ALL=C cls templates list 2>/dev/null | cut -d" " -f1)'
