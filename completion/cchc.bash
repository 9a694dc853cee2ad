# bash completion for cchc(1): commands, each command's options and their values.
# Installed as share/bash-completion/completions/cchc; or: source completion/cchc.bash
# Files (criteria sets, assessments, workbooks) complete as file names (complete -o default).

_cchc_options()
{
	case $1 in
	validate) echo "--lang --strict --help" ;;
	score) echo "--format --lang -o --output --strict --help" ;;
	rank) echo "--block --agency --replace --format --lang -o --output --strict --help" ;;
	gap) echo "--agency --target-rank --previous --map --replace --emit-plan --format --document --lang" \
	          "-o --output --help" ;;
	robust) echo "--draws --seed --weights --no-survey --threads --target-rank --previous --replace" \
	             "--format --lang -o --output --help" ;;
	report) echo "-o --output --agency --target-rank --draws --seed --title --csv-dialect --replace --document --lang" \
	             "--help" ;;
	plan) echo "--as-of --format --lang -o --output --help" ;;
	template) echo "--agency --name --from --map --plan --criteria --lang -o --output --help" ;;
	import) echo "-o --output --lang --help" ;;
	check) echo "--field --survey --previous --submitted --draws --seed --format --lang -o --output --help" ;;
	admin) echo "--data --year --role --agency --name --block --continues --group -o --output --help" ;;
	serve) echo "--data --listen --threads --tls-cert --tls-key --sync --demo --help" ;;
	esac
}

_cchc_formats()
{
	case $1 in
	score | robust | plan) echo "text json" ;;
	rank) echo "text csv json" ;;
	gap) echo "text markdown json docx" ;;
	check) echo "text markdown json" ;;
	esac
}

_cchc()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local commands="validate score rank gap robust report plan template import check serve admin"
	COMPREPLY=()
	if ((COMP_CWORD == 1)); then
		mapfile -t COMPREPLY < <(compgen -W "$commands --help --version" -- "$cur")
		return 0
	fi
	local cmd=${COMP_WORDS[1]}
	if [[ $cmd == plan ]] && ((COMP_CWORD == 2)); then
		mapfile -t COMPREPLY < <(compgen -W "status" -- "$cur")
		return 0
	fi
	if [[ $cmd == admin && $cur != -* ]] && ((COMP_CWORD == 2)); then
		mapfile -t COMPREPLY < <(compgen -W "init user criteria agency assign import export backup" -- "$cur")
		return 0
	fi
	if [[ $cmd == admin && $prev =~ ^(user|criteria|agency)$ ]] && ((COMP_CWORD == 3)); then
		mapfile -t COMPREPLY < <(compgen -W "add" -- "$cur")
		return 0
	fi
	local words=
	case $prev in
	--lang) words="vi en" ;;
	--sync) words="normal full" ;;
	--format) words=$(_cchc_formats "$cmd") ;;
	--csv-dialect) words="rfc4180 vi" ;;
	--survey) words="last mean none" ;;
	--role) words="evaluator agency appraiser viewer" ;;
	-o | --output)
		if [[ $cmd == report || $cmd == import || $cmd == admin ]]; then
			compopt -o filenames 2>/dev/null
			mapfile -t COMPREPLY < <(compgen -d -- "$cur")
		fi
		return 0 ;; # other commands: any file name (the default)
	--agency | --target-rank | --draws | --seed | --weights | --threads | --block | --title | \
	--name | --as-of | --submitted | --year | --continues | --group)
		compopt +o default 2>/dev/null # a value to type, not a file
		return 0 ;;
	esac
	if [[ -n $words ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
	elif [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$(_cchc_options "$cmd")" -- "$cur")
	fi
	return 0 # nothing offered: bash completes file and folder names
}

complete -o bashdefault -o default -F _cchc cchc
