#!/usr/bin/env bash
# Fuzzes lawkb's parsers with libFuzzer.
#
#   Benchmarks/fuzz.sh [seconds-per-target] [target …]
#
# Builds the LawFuzz product once with the fuzzer sanitizer, then runs each target (all of
# them when none is named) for the given time, one after the other, in a single process:
# numeral date citation amount penalty query tokenizer listyaml csv xlsx regulation plan workdays. Each run
# starts from the seeds in Benchmarks/fuzz-seeds/<target>/ (corpus text, hostile inputs), with
# the dictionary Benchmarks/fuzz-seeds/<target>.dict when there is one, and keeps what it
# learns in Benchmarks/fuzz-findings/corpus/<target>/ for the next run. An input that traps,
# breaks an invariant, runs over 10 s or takes over 2 GB is written to
# Benchmarks/fuzz-findings/crashes/<target>/; replay it with the debug build:
#
#   LAWKB_FUZZ_TARGET=<target> swift run LawFuzz Benchmarks/fuzz-findings/crashes/<target>/crash-…
#
# Prints one line per target: seconds, executions, executions per second, crashes.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-60}
shift || true
all=(numeral date citation amount penalty query tokenizer listyaml csv xlsx regulation plan workdays)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
for target in "${targets[@]}"; do
    [[ " ${all[*]} " == *" $target "* ]] || { echo "unknown target '$target'; targets: ${all[*]}" >&2; exit 2; }
done

# libFuzzer, not the Swift runtime's backtracer, must catch a crash to save its input.
export SWIFT_BACKTRACE=enable=no

scratch=${LAWKB_FUZZ_SCRATCH:-.build-fuzz}
# lld: gold cannot link libFuzzer's runtime here. -enable-testing: the targets reach the
# corpus parsers' internal entry points, as the tests do.
swift build -c release --scratch-path "$scratch" --product LawFuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library \
    -Xswiftc -enable-testing -Xswiftc -DLAWKB_LIBFUZZER \
    -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld >&2
binary="$root/$scratch/release/LawFuzz"

findings="$root/Benchmarks/fuzz-findings"
status=0
printf '%-10s %8s %14s %10s %8s\n' target seconds executions exec/s crashes
for target in "${targets[@]}"; do
    work="$findings/corpus/$target"
    crashes="$findings/crashes/$target"
    logs="$findings/logs/$target"
    mkdir -p "$work" "$crashes" "$logs"
    seeds="$root/Benchmarks/fuzz-seeds/$target"
    dictionary="$root/Benchmarks/fuzz-seeds/$target.dict"
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
             -workers=1 -jobs=1 -artifact_prefix="$crashes/")
    case $target in
        xlsx) options+=(-max_len=65536) ;;
        csv | listyaml | regulation | plan | workdays) options+=(-max_len=16384) ;;
        *) options+=(-max_len=4096) ;;
    esac
    [ -f "$dictionary" ] && options+=(-dict="$dictionary")
    before=$(find "$crashes" -type f | wc -l)
    # With -jobs libFuzzer writes its log to fuzz-0.log in the working directory.
    (cd "$logs" && LAWKB_FUZZ_TARGET=$target "$binary" "${options[@]}" "$work" "$seeds" >/dev/null 2>&1) || true
    log="$logs/fuzz-0.log"
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
    [ -z "$runs" ] && runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
    elapsed=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 | grep -o 'in [0-9]*' | grep -o '[0-9]*' || true)
    [ -z "$elapsed" ] && elapsed=$seconds
    found=$(( $(find "$crashes" -type f | wc -l) - before ))
    rate=$(( ${runs:-0} / (elapsed > 0 ? elapsed : 1) ))
    printf '%-10s %8s %14s %10s %8s\n' "$target" "$elapsed" "${runs:-?}" "$rate" "$found"
    if [ "$found" -gt 0 ]; then
        status=1
        grep -m1 -E 'invariant broken|Fatal error|ERROR: libFuzzer' "$log" >&2 || true
        ls -t "$crashes" | head -1 | sed "s|^|  $crashes/|" >&2
    fi
done
exit $status
