#!/usr/bin/env bash
# The 10,000-video batch view, timed in headless chromium against the production jar (docs/BENCHMARKS.md,
# "Production jar: the 10,000-video view"). Not part of ./mvnw verify.
#   1. builds target/tubebatch-*.jar with -Pproduction unless a production jar is already there;
#   2. starts it on a free loopback port with a fresh data folder, target/page-load-benchmark/app (embedded
#      PostgreSQL), as a web node (no workers) with yt-dlp set to /bin/false, so nothing is processed;
#   3. creates the batch "Ten thousand" of 10,000 videos (capBIG00000 … capBIG09999) through the REST API as the
#      first-start admin, and pauses it;
#   4. runs ProductionPageLoadBenchmark (-Pbenchmark) against it and stops the app.
# Figures, with the load averages before and after: target/page-load-benchmark/figures.txt. The admin password
# is read from the app's first-start console line into a file only this user can read, deleted at the end; it is
# printed nowhere (the app's console copy, app.log, has it masked). Run from anywhere:
#   src/build/page-load-benchmark.sh
#   src/build/page-load-benchmark.sh --with-development   # then BrowserTest's development-mode figures too
set -euo pipefail

with_development=false
case "${1:-}" in
  "") ;;
  --with-development) with_development=true ;;
  *) echo "usage: $0 [--with-development]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
work="$root/target/page-load-benchmark"
app_dir="$work/app"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
batch_name="Ten thousand"
app_pid=""

stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    # Spring stops the embedded PostgreSQL on the way out; bounded, then forced.
    for _ in $(seq 1 60); do
      kill -0 "$app_pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$app_pid" 2>/dev/null; then
      echo "[page-load-benchmark] the app did not stop in 60 s: killing it" >&2
      kill -KILL "$app_pid" 2>/dev/null || true
      # A killed app leaves its embedded PostgreSQL running: stop that postmaster (its id is in postmaster.pid).
      local postmaster
      postmaster="$(head -n 1 "$app_dir/data/postgres/postmaster.pid" 2>/dev/null || true)"
      [[ "$postmaster" =~ ^[0-9]+$ ]] && kill -TERM "$postmaster" 2>/dev/null || true
    fi
  fi
  app_pid=""
}
cleanup() {
  stop_app
  rm -f "$work/admin-password"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

production_jar() {
  local jar
  for jar in target/tubebatch-*.jar; do
    [[ -f "$jar" ]] || continue
    # A production build records productionMode in the jar's Flow build info; a development jar has none.
    local info
    info="$(unzip -p "$jar" META-INF/VAADIN/config/flow-build-info.json 2>/dev/null || true)"
    if grep -q '"productionMode" *: *true' <<<"$info"; then
      echo "$jar"
      return 0
    fi
  done
  return 1
}

if ! jar="$(production_jar)"; then
  echo "[page-load-benchmark] building the production jar (several minutes)" >&2
  ./mvnw -B -ntp -Pproduction -DskipTests package
  jar="$(production_jar)" || { echo "[page-load-benchmark] ERROR: no production jar after the build" >&2; exit 1; }
fi
echo "[page-load-benchmark] jar: $jar" >&2

rm -rf "$app_dir"
mkdir -p "$app_dir"
password_file="$work/admin-password"
rm -f "$password_file"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0))
print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"

# The app's console goes through awk: the first-start password goes to $password_file (mode 600), and the line
# reaches app.log with the password masked.
(
  cd "$app_dir"
  umask 077
  exec "$java_cmd" --enable-native-access=ALL-UNNAMED -jar "$root/$jar" \
    --server.address=127.0.0.1 --server.port="$port" \
    --tubebatch.node.role=web --tubebatch.ytdlp.path=/bin/false \
    --jobrunr.dashboard.enabled=false \
    --tubebatch.inference.speech.engine=none --tubebatch.inference.summary.method=none
) > >(umask 077; awk -v secret="$password_file" '
      /Initial admin password: / {
        line = $0
        sub(/.*Initial admin password: /, "", line)
        split(line, words, " ")
        printf "%s\n", words[1] > secret
        close(secret)
        sub(/Initial admin password: [^ ]+/, "Initial admin password: [masked]")
      }
      { print; fflush() }' > "$work/app.log") 2>&1 &
app_pid=$!

echo "[page-load-benchmark] starting the app on $base (data in $app_dir)" >&2
up=false
deadline=$((SECONDS + 300))
while ((SECONDS < deadline)); do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "[page-load-benchmark] ERROR: the app ended; see $work/app.log" >&2
    exit 1
  fi
  if [[ -s "$password_file" ]] \
      && [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/login" || true)" == 200 ]]; then
    up=true
    break
  fi
  sleep 1
done
$up || { echo "[page-load-benchmark] ERROR: the app was not up after 300 s; see $work/app.log" >&2; exit 1; }

# The admin's basic auth goes to curl on its standard input (-K -), never on a command line.
api() {
  curl -sS --fail-with-body --max-time 300 -K - -H 'Content-Type: application/json' "$@" \
    <<<"user = \"admin:$(cat "$password_file")\""
}
body="$work/batch-request.json"
python3 - "$batch_name" > "$body" <<'PY'
import json, sys
urls = ["https://www.youtube.com/watch?v=capBIG%05d" % i for i in range(10000)]
json.dump({"name": sys.argv[1], "maxWorkers": 1, "retryLimit": 0, "onError": "continue", "urls": urls}, sys.stdout)
PY
echo "[page-load-benchmark] creating the batch of 10,000 videos" >&2
created="$(api --data-binary "@$body" "$base/api/batches")"
batch_id="$(python3 -c 'import json, sys; print(json.load(sys.stdin)["batch"]["id"])' <<<"$created")"
total="$(python3 -c 'import json, sys; print(json.load(sys.stdin)["batch"]["progress"]["total"])' <<<"$created")"
[[ "$total" == 10000 ]] || { echo "[page-load-benchmark] ERROR: the batch has $total videos, not 10000" >&2; exit 1; }
status="$(api -X POST "$base/api/batches/$batch_id/pause" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["batch"]["status"])')"
[[ "$status" == PAUSED ]] || { echo "[page-load-benchmark] ERROR: the batch is $status, not PAUSED" >&2; exit 1; }
echo "[page-load-benchmark] batch $batch_id: 10,000 videos, paused" >&2

load_before="$(uptime)"
rm -f "$work/figures.txt"
./mvnw -q -B -ntp -Pbenchmark test -Dtest=ProductionPageLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbenchmark.page-load.url="$base" -Dbenchmark.page-load.user=admin \
  -Dbenchmark.page-load.password-file="$password_file" -Dbenchmark.page-load.batch="$batch_id" \
  -Dbenchmark.page-load.batch-name="$batch_name"
load_after="$(uptime)"
stop_app

[[ -s "$work/figures.txt" ]] || { echo "[page-load-benchmark] ERROR: the benchmark wrote no figures" >&2; exit 1; }
measured="$(cat "$work/figures.txt")"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); cores: $(nproc);" \
    "commit: $(git rev-parse --short HEAD 2>/dev/null || echo none)"
  echo "jar: $jar, built $(date -u -r "$jar" '+%Y-%m-%d %H:%M UTC')" \
    "(an existing production jar is reused: rebuild it after a change)"
  echo "before: $load_before"
  echo "$measured"
  echo "after:  $load_after"
} > "$work/figures.txt"

# For comparison, on the same machine right after: the browser test's figures in development mode (one load).
if $with_development; then
  dev_before="$(uptime)"
  rm -f target/screenshots/measurements.txt
  ./mvnw -q -B -ntp test -Dtest='BrowserTest#push_latency*' -Dsurefire.failIfNoSpecifiedTests=false
  dev_after="$(uptime)"
  {
    echo "development mode (BrowserTest), right after:"
    echo "before: $dev_before"
    cat target/screenshots/measurements.txt
    echo "after:  $dev_after"
  } >> "$work/figures.txt"
fi
cat "$work/figures.txt"
