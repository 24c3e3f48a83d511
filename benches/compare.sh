#!/usr/bin/env bash
# Side by side, one run: fivewhys against the plain tools that do the same
# job, on a generated store. Prints medians, peak RSS and ratios.
#
#   benches/compare.sh [COUNT]      (default 10000; try 100000)
#
# Uses jq if installed (the same fields extracted from every file) and
# Taskwarrior's `task overdue` if installed (the same open actions as
# tasks); says so when one is missing. Everything is written under a temp
# folder, removed at the end.
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

# median wall seconds and peak RSS (KB) of a command, run $runs times
measure() {
  local times=() rss=0 t r
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f "%e %M" bash -c "$1" >/dev/null 2>&1
    read -r t r < "$work/time"
    times+=("$t"); (( r > rss )) && rss=$r
  done
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" "$rss"
}

row() { # label command: prints the line (stderr), returns the median (stdout)
  read -r t r < <(measure "$2")
  printf '%-44s %8.3f s %9d KB\n' "$1" "$t" "$r" >&2
  echo "$t"
}

echo >&2
echo "$count sessions, $(du -sh "$work/store/sessions" | cut -f1), $(nproc) cores, $runs runs each (median)"
find "$work/store/sessions" -name '*.json' -print0 | xargs -0 cat >/dev/null   # page cache warm for everyone
rm -rf "$work/store/cache"
cold=$(row "fivewhys list, no cache (rebuild)" "rm -rf '$work/store/cache'; '$bin' list")
cat_t=$(row "cat every file" "find '$work/store/sessions' -name '*.json' -print0 | xargs -0 cat")
"$bin" list >/dev/null   # warm the cache
ls_t=$(row "ls -l" "ls -l '$work/store/sessions'")
list_t=$(row "fivewhys list --json, cache warm" "'$bin' list --json")
if command -v jq >/dev/null; then
  jq_t=$(row "jq over every file (same fields)" "find '$work/store/sessions' -name '*.json' -print0 | xargs -0 jq -c '{id,title,created,updated,stage}'")
else
  echo "jq is not installed (apt install jq); skipped"; jq_t=
fi
show_t=$(row "fivewhys show $id" "'$bin' show $id")
over_t=$(row "fivewhys actions --overdue" "'$bin' actions --overdue")
if command -v task >/dev/null; then
  export TASKDATA="$work/task" TASKRC="$work/taskrc"
  mkdir -p "$TASKDATA"; printf 'data.location=%s\nconfirmation=off\nverbose=nothing\n' "$TASKDATA" > "$TASKRC"
  "$bin" actions --open --json | jq -c '.[] | {description, status: "pending", due: (.due // empty | gsub("-";"") + "T000000Z")}' > "$work/tasks.json" || true
  task import "$work/tasks.json" >/dev/null 2>&1 || true
  task_t=$(row "task overdue (Taskwarrior, same actions)" "task overdue")
else
  echo "Taskwarrior is not installed (apt install taskwarrior); skipped"; task_t=
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }'; }
echo
echo "ratios"
echo "  cold list / cat:             $(ratio "$cold" "$cat_t")"
echo "  list --json / ls -l:         $(ratio "$list_t" "$ls_t")"
[ -n "$jq_t" ] && echo "  jq / list --json:            $(ratio "$jq_t" "$list_t")"
echo "  actions --overdue / list:    $(ratio "$over_t" "$list_t")"
[ -n "$task_t" ] && echo "  task overdue / actions:      $(ratio "$task_t" "$over_t")"
exit 0
