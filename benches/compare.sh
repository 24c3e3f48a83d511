#!/usr/bin/env bash
# Side by side, one run: fivewhys against the plain tools that do the same
# job, on a generated store. Prints medians, peak RSS and ratios.
#
#   benches/compare.sh [COUNT]      (default 10000; try 100000)
#
# Against jq (the same fields extracted from every file) and Taskwarrior's
# `task overdue` (the same open actions as tasks), installed from the
# system's package manager when missing; says so when it cannot. Runs are
# interleaved: one of each command per round. Everything is written under
# a temp folder, removed at the end.
set -euo pipefail
count=${1:-10000}
runs=${RUNS:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building (release)…" >&2
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin fivewhys --example gen_sessions
bin="$root/target/release/fivewhys"
"$root/target/release/examples/gen_sessions" --count "$count" --out "$work/store" --seed 7
export FIVEWHYS_DATA_DIR="$work/store" FIVEWHYS_CONFIG="$work/none.toml" TZ=UTC
files=("$work/store/sessions/"*.json)
id=$(basename "${files[$((count / 2))]}" .json); id=${id##*-}

# The tools compared against come from the system's package manager when
# missing (as root, or with sudo that asks no password); otherwise say so.
want() { # command package
  command -v "$1" >/dev/null && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && { sudo -n true 2>/dev/null && sudo="sudo -n" || { echo "$1 is missing and cannot be installed without root (apt install $2)"; return 1; }; }
  if command -v apt-get >/dev/null; then
    echo "installing $2 (apt-get)…" >&2
    $sudo apt-get install -y -qq "$2" >/dev/null 2>&1 || $sudo sh -c "apt-get update -qq && apt-get install -y -qq $2" >/dev/null 2>&1
  elif command -v dnf >/dev/null; then $sudo dnf install -y -q "$2" >/dev/null 2>&1
  elif command -v brew >/dev/null; then brew install -q "$2" >/dev/null 2>&1
  fi
  command -v "$1" >/dev/null || { echo "$1 is not installed and could not be installed (package $2); skipped"; return 1; }
}

# Every command is run $runs times, interleaved (one of each per round),
# so a machine that slows down for a while slows all of them alike.
labels=(); commands=()
add() { labels+=("$1"); commands+=("$2"); }

echo >&2
echo "$count sessions, $(du -sh "$work/store/sessions" | cut -f1) on disk, $(nproc) cores, median of $runs run(s) each"
find "$work/store/sessions" -name '*.json' -print0 | xargs -0 cat >/dev/null   # page cache warm for everyone
"$bin" list >/dev/null   # build the index
add cold "rm -rf '$work/store/cache'; '$bin' list"
add cat "find '$work/store/sessions' -name '*.json' -print0 | xargs -0 cat"
add ls "ls -l '$work/store/sessions'"
add list "'$bin' list --json"
if want jq jq; then
  add jq "find '$work/store/sessions' -name '*.json' -print0 | xargs -0 jq -c '{id,title,created,updated,stage}'"
fi
add show "'$bin' show $id"
# Words found in about 1 % of the sessions, against the plain tools that
# list the files holding the same text.
"$bin" search "(460)" >/dev/null 2>&1   # the words are indexed once
add search "'$bin' search '(460)'"
if command -v rg >/dev/null; then
  add rg "rg -lF '(460)' '$work/store/sessions'"
else
  add rg "grep -rlF '(460)' '$work/store/sessions'"
fi
add stats "'$bin' stats"
add open "'$bin' actions --open --json"
add overdue "'$bin' actions --overdue"
if want task taskwarrior && want jq jq; then
  export TASKDATA="$work/task" TASKRC="$work/taskrc"
  mkdir -p "$TASKDATA"; printf 'data.location=%s\nconfirmation=off\nverbose=nothing\n' "$TASKDATA" > "$TASKRC"
  # The same open actions, as pending tasks with the same due dates.
  # Every open action, with or without a due date (one without has none).
  "$bin" actions --open --json | jq -c '.[] | {description, status: "pending"} + (if .due then {due: (.due | gsub("-";"") + "T000000Z")} else {} end)' > "$work/tasks.json"
  echo "importing $(wc -l < "$work/tasks.json") open actions into Taskwarrior…" >&2
  task import "$work/tasks.json" >/dev/null 2>&1 || true
  held=$(task count 2>/dev/null || echo 0)
  if [ "$held" -eq "$(wc -l < "$work/tasks.json")" ]; then
    add task "task overdue"
  else
    echo "Taskwarrior holds $held tasks of $(wc -l < "$work/tasks.json") imported; skipped"
  fi
fi
"$bin" list >/dev/null   # the cold row removes the cache; the others start warm

declare -A times rss
for _ in $(seq "$runs"); do
  for i in "${!labels[@]}"; do
    start=$EPOCHREALTIME
    /usr/bin/time -o "$work/time" -f "%M" bash -c "${commands[$i]}" >/dev/null 2>&1
    t=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f", b - a }')
    read -r r < "$work/time"
    times[$i]+="$t "
    (( r > ${rss[$i]:-0} )) && rss[$i]=$r
    # the rows after "cold" expect a built index, words and all
    [ "${labels[$i]}" = cold ] && "$bin" search "(460)" >/dev/null 2>&1
  done
done

declare -A median
describe() {
  case $1 in
    cold) echo "fivewhys list, no index (rebuild)";;
    cat) echo "cat every file";;
    ls) echo "ls -l";;
    list) echo "fivewhys list --json, index built";;
    jq) echo "jq over every file (same fields)";;
    show) echo "fivewhys show $id";;
    overdue) echo "fivewhys actions --overdue";;
    task) echo "task overdue (Taskwarrior, same actions)";;
    search) echo "fivewhys search '(460)'";;
    rg) if command -v rg >/dev/null; then echo "rg -lF '(460)' sessions/"; else echo "grep -rlF '(460)' sessions/"; fi;;
    stats) echo "fivewhys stats";;
    open) echo "fivewhys actions --open --json";;
  esac
}
printf '%-44s %10s %12s\n' "command" "median" "peak RSS"
for i in "${!labels[@]}"; do
  m=$(printf '%s\n' ${times[$i]} | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  median[${labels[$i]}]=$m
  printf '%-44s %8.3f s %9d KB\n' "$(describe "${labels[$i]}")" "$m" "${rss[$i]}"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }'; }
echo
echo "ratios (× of the medians)"
echo "  cold list is slower than cat by:            $(ratio "${median[cold]}" "${median[cat]}")×"
echo "  list --json against ls -l (under 1 faster): $(ratio "${median[list]}" "${median[ls]}")×"
[ -n "${median[jq]:-}" ] && echo "  list --json is faster than jq by:           $(ratio "${median[jq]}" "${median[list]}")×"
echo "  actions --overdue against list --json:      $(ratio "${median[overdue]}" "${median[list]}")×"
[ -n "${median[task]:-}" ] && echo "  actions --overdue is faster than task by:   $(ratio "${median[task]}" "${median[overdue]}")×"
echo "  search is faster than $(describe rg | cut -d' ' -f1) -lF by:          $(ratio "${median[rg]}" "${median[search]}")×"
echo "  stats against list --json:                  $(ratio "${median[stats]}" "${median[list]}")×"
echo "  stats against cat:                          $(ratio "${median[stats]}" "${median[cat]}")×"
exit 0
