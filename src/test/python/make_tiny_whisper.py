#!/usr/bin/python3
"""Writes a tiny Whisper model in Hugging Face optimum's export layout, and reference log-mel features.

Run by WhisperTinyGraphTest with /usr/bin/python3 (Debian's python3-onnx and python3-numpy):
    make_tiny_whisper.py OUT_DIR

The graphs have the inputs and outputs of a real export (encoder_model.onnx: input_features -> last_hidden_state;
decoder_model_merged.onnx: input_ids, encoder_hidden_states, past_key_values.*, use_cache_branch -> logits,
present.*) but tiny weights chosen so the output is known: the decoder's next token depends only on its position
(past decoder length + index), so the Java side must feed the key/value cache back right to get the script below.
mel_reference.json holds log-mel features computed here with numpy, independently of the Java code.
"""
import json
import math
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)

N_MELS = 80
D_MODEL = 8
HEADS = 2
HEAD_DIM = D_MODEL // HEADS
LAYERS = 1

# Vocabulary: words, then Whisper's special tokens, then timestamps <|0.00|> .. <|30.00|> every 0.02 s.
words = ["<unk>", "hello", "world", "this", "is", "a", "tiny", "model"]
specials = ["<|endoftext|>", "<|startoftranscript|>", "<|en|>", "<|de|>", "<|translate|>", "<|transcribe|>",
            "<|startoflm|>", "<|startofprev|>", "<|nocaptions|>", "<|notimestamps|>"]
timestamps = ["<|%.2f|>" % (i * 0.02) for i in range(1501)]
vocab = words + specials + timestamps
ids = {t: i for i, t in enumerate(vocab)}
V = len(vocab)

# What the decoder says at each position of its output: with the prompt <|startoftranscript|> <|de|> <|transcribe|>
# the first generated token sits at position 3. Position 0 answers the language question (<|de|>).
script = ["<|de|>", "<|transcribe|>", "<|0.00|>",  # positions 0..2 (position 2 predicts the first timestamp)
          "hello", "world", "<|1.00|>", "<|1.00|>", "this", "is", "a", "tiny", "model", "<|2.50|>",
          "<|endoftext|>"]
# Output at position p predicts the token at p + 1; pad the rest with <|endoftext|>.
MAX_POSITIONS = 64
table = np.full((MAX_POSITIONS, V), -10.0, dtype=np.float32)
for p in range(MAX_POSITIONS):
    target = script[p] if p < len(script) else "<|endoftext|>"
    table[p, ids[target]] = 10.0
# position 0 output: language detection. Real Whisper feeds <|startoftranscript|> and reads the language logits.
expected_text = "hello world this is a tiny model"

# ---------- encoder: input_features [b, 80, 3000] -> last_hidden_state [b, 1500, 8] ----------
enc_nodes = [
    # average pairs of frames (stride 2), then project 80 mel bins to d_model
    helper.make_node("Transpose", ["input_features"], ["t"], perm=[0, 2, 1]),           # [b, 3000, 80]
    helper.make_node("Reshape", ["t", "pair_shape"], ["pairs"]),                        # [b, 1500, 2, 80]
    helper.make_node("ReduceMean", ["pairs"], ["mean"], axes=[2], keepdims=0),          # [b, 1500, 80]
    helper.make_node("MatMul", ["mean", "w_enc"], ["last_hidden_state"]),               # [b, 1500, 8]
]
rng = np.random.default_rng(7)
enc_inits = [
    numpy_helper.from_array(np.array([0, 1500, 2, N_MELS], dtype=np.int64), "pair_shape"),
    numpy_helper.from_array(rng.normal(size=(N_MELS, D_MODEL)).astype(np.float32) * 0.1, "w_enc"),
]
encoder = helper.make_graph(
    enc_nodes, "tiny_whisper_encoder",
    [helper.make_tensor_value_info("input_features", TensorProto.FLOAT, ["batch_size", N_MELS, 3000])],
    [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch_size", 1500, D_MODEL])],
    enc_inits)
encoder_model = helper.make_model(encoder, opset_imports=[helper.make_opsetid("", 14)], ir_version=8)
onnx.checker.check_model(encoder_model, full_check=True)
onnx.save(encoder_model, os.path.join(OUT, "encoder_model.onnx"))

# ---------- decoders: merged (one file) and the older pair (decoder_model + decoder_with_past_model) ----------
def build_decoder(kind):
    """kind: "merged" (past inputs + use_cache_branch), "first" (no past inputs; all presents out) or
    "with_past" (past inputs, decoder presents out; encoder keys/values come from the past)."""
    has_past = kind in ("merged", "with_past")
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64,
                                            ["batch_size", "decoder_sequence_length"])]
    if kind != "with_past":  # optimum's Whisper decoder_with_past reads cross-attention only from the cache
        inputs.append(helper.make_tensor_value_info("encoder_hidden_states", TensorProto.FLOAT,
                                                    ["batch_size", "encoder_sequence_length", D_MODEL]))
    outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT,
                                             ["batch_size", "decoder_sequence_length", V])]
    inits = [
        numpy_helper.from_array(table, "position_table"),
        numpy_helper.from_array(np.array([2], dtype=np.int64), "i2"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "i1"),
        numpy_helper.from_array(np.array([0], dtype=np.int64), "i0"),
        numpy_helper.from_array(np.array(0, dtype=np.int64), "zero_int"),
        numpy_helper.from_array(np.array(1, dtype=np.int64), "one_scalar"),
        numpy_helper.from_array(np.array([0, 0, HEADS, HEAD_DIM], dtype=np.int64), "kv_shape"),
        numpy_helper.from_array(rng.normal(size=(D_MODEL, D_MODEL)).astype(np.float32) * 0.1, "w_kv"),
        numpy_helper.from_array(np.zeros((1, 1, 1, HEAD_DIM), dtype=np.float32), "zero_row"),
        numpy_helper.from_array(np.array(0.0, dtype=np.float32), "zero_scalar_f"),
    ]
    nodes = []
    # positions = past_len + [0 .. seq)
    if has_past:
        nodes += [helper.make_node("Shape", ["past_key_values.0.decoder.key"], ["past_shape"]),
                  helper.make_node("Gather", ["past_shape", "i2"], ["past_len"], axis=0),
                  helper.make_node("Squeeze", ["past_len", "i0"], ["past_scalar"])]
    else:
        nodes.append(helper.make_node("Identity", ["zero_int"], ["past_scalar"]))
    nodes += [
        helper.make_node("Shape", ["input_ids"], ["ids_shape"]),
        helper.make_node("Gather", ["ids_shape", "i1"], ["seq_len"], axis=0),
        helper.make_node("Squeeze", ["seq_len", "i0"], ["seq_scalar"]),
        helper.make_node("Add", ["past_scalar", "seq_scalar"], ["end_scalar"]),
        helper.make_node("Range", ["past_scalar", "end_scalar", "one_scalar"], ["positions"]),
        helper.make_node("Gather", ["position_table", "positions"], ["rows"], axis=0),        # [seq, V]
        helper.make_node("Unsqueeze", ["rows", "i0"], ["rows3"]),                           # [1, seq, V]
        helper.make_node("Cast", ["input_ids"], ["ids_f"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["ids_f", "zero_scalar_f"], ["zeros_bs"]),
        helper.make_node("Unsqueeze", ["zeros_bs", "i2"], ["zeros_bs1"]),                   # [b, seq, 1]
        helper.make_node("Add", ["rows3", "zeros_bs1"], ["logits"]),
    ]
    then_nodes, else_nodes, then_out, else_out = [], [], [], []
    for layer in range(LAYERS):
        for part in ("decoder", "encoder"):
            for kind_ in ("key", "value"):
                name = "past_key_values.%d.%s.%s" % (layer, part, kind_)
                present = "present.%d.%s.%s" % (layer, part, kind_)
                if has_past:
                    inputs.append(helper.make_tensor_value_info(
                        name, TensorProto.FLOAT, ["batch_size", HEADS, "past_%s_length" % part, HEAD_DIM]))
                if part == "decoder":
                    outputs.append(helper.make_tensor_value_info(
                        present, TensorProto.FLOAT, ["batch_size", HEADS, "present_decoder_length", HEAD_DIM]))
                    nodes += [
                        helper.make_node("Unsqueeze", ["zeros_bs", "i2"], [present + ".z3"]),
                        helper.make_node("Unsqueeze", [present + ".z3", "i1"], [present + ".z4"]),
                        helper.make_node("Add", [present + ".z4", "zero_row"], [present + ".z5"]),
                        helper.make_node("Concat", [present + ".z5"] * HEADS, [present + ".new"], axis=1),
                    ]
                    nodes.append(helper.make_node("Concat", [name, present + ".new"], [present], axis=2)
                                 if has_past else helper.make_node("Identity", [present + ".new"], [present]))
                    continue
                fresh = [
                    helper.make_node("MatMul", ["encoder_hidden_states", "w_kv"], [present + ".proj"]),
                    helper.make_node("Reshape", [present + ".proj", "kv_shape"], [present + ".heads"]),
                    helper.make_node("Transpose", [present + ".heads"], [present + ".else"], perm=[0, 2, 1, 3]),
                ]
                if kind == "merged":
                    outputs.append(helper.make_tensor_value_info(
                        present, TensorProto.FLOAT, ["batch_size", HEADS, "encoder_sequence_length_out", HEAD_DIM]))
                    then_nodes.append(helper.make_node("Identity", [name], [present + ".then"]))
                    then_out.append(helper.make_tensor_value_info(present + ".then", TensorProto.FLOAT, None))
                    else_nodes += fresh
                    else_out.append(helper.make_tensor_value_info(present + ".else", TensorProto.FLOAT, None))
                elif kind == "first":
                    outputs.append(helper.make_tensor_value_info(
                        present, TensorProto.FLOAT, ["batch_size", HEADS, "encoder_sequence_length_out", HEAD_DIM]))
                    nodes += fresh + [helper.make_node("Identity", [present + ".else"], [present])]
                # with_past: the encoder's keys and values are inputs only
    if kind == "merged":
        inputs.append(helper.make_tensor_value_info("use_cache_branch", TensorProto.BOOL, [1]))
        nodes.append(helper.make_node("Squeeze", ["use_cache_branch", "i0"], ["use_cache_scalar"]))
        nodes.append(helper.make_node(
            "If", ["use_cache_scalar"], ["present.%d.encoder.%s" % (l, k) for l in range(LAYERS) for k in ("key", "value")],
            then_branch=helper.make_graph(then_nodes, "cached", [], then_out),
            else_branch=helper.make_graph(else_nodes, "fresh", [], else_out)))
    elif kind == "with_past":
        # keep the encoder cache inputs in use, as in a real export's cross-attention
        for layer in range(LAYERS):
            nodes.append(helper.make_node("Shape", ["past_key_values.%d.encoder.key" % layer], ["enc_shape%d" % layer]))
    graph = helper.make_graph(nodes, "tiny_whisper_decoder_" + kind, inputs, outputs, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)], ir_version=8)
    onnx.checker.check_model(model, full_check=True)
    return model


onnx.save(build_decoder("merged"), os.path.join(OUT, "decoder_model_merged.onnx"))
SPLIT = os.path.join(OUT, "split")
os.makedirs(SPLIT, exist_ok=True)
onnx.save(build_decoder("first"), os.path.join(SPLIT, "decoder_model.onnx"))
onnx.save(build_decoder("with_past"), os.path.join(SPLIT, "decoder_with_past_model.onnx"))
onnx.save(encoder_model, os.path.join(SPLIT, "encoder_model.onnx"))

# ---------- configuration files ----------
with open(os.path.join(OUT, "config.json"), "w") as f:
    json.dump({"model_type": "whisper", "num_mel_bins": N_MELS, "d_model": D_MODEL, "decoder_layers": LAYERS,
               "decoder_attention_heads": HEADS, "encoder_layers": LAYERS, "vocab_size": V,
               "max_target_positions": MAX_POSITIONS}, f, indent=1)
with open(os.path.join(OUT, "generation_config.json"), "w") as f:
    json.dump({"decoder_start_token_id": ids["<|startoftranscript|>"], "eos_token_id": ids["<|endoftext|>"],
               "no_timestamps_token_id": ids["<|notimestamps|>"], "max_length": MAX_POSITIONS,
               "lang_to_id": {"<|en|>": ids["<|en|>"], "<|de|>": ids["<|de|>"]},
               "task_to_id": {"translate": ids["<|translate|>"], "transcribe": ids["<|transcribe|>"]},
               "is_multilingual": True}, f, indent=1)
with open(os.path.join(OUT, "preprocessor_config.json"), "w") as f:
    json.dump({"feature_extractor_type": "WhisperFeatureExtractor", "feature_size": N_MELS, "sampling_rate": 16000,
               "hop_length": 160, "n_fft": 400, "chunk_length": 30, "n_samples": 480000, "nb_max_frames": 3000,
               "padding_value": 0.0}, f, indent=1)
added = [{"id": ids[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
          "normalized": False, "special": True} for t in specials + timestamps]
with open(os.path.join(OUT, "tokenizer.json"), "w") as f:
    json.dump({"version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None,
               "pre_tokenizer": {"type": "Whitespace"}, "post_processor": None,
               "decoder": None,
               "model": {"type": "WordLevel", "vocab": {t: i for i, t in enumerate(vocab)}, "unk_token": "<unk>"}},
              f)
import shutil
for name in ("config.json", "generation_config.json", "preprocessor_config.json", "tokenizer.json"):
    shutil.copy(os.path.join(OUT, name), os.path.join(SPLIT, name))
with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump({"language": "de", "text": expected_text,
               "segments": [{"start": 0.0, "end": 1.0, "text": "hello world"},
                            {"start": 1.0, "end": 2.5, "text": "this is a tiny model"}]}, f, indent=1)


# ---------- reference log-mel features (numpy, float64) ----------
def hz_to_mel(f):
    f = np.asarray(f, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = math.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-10) / min_log_hz) / logstep, mels)


def mel_to_hz(m):
    m = np.asarray(m, dtype=np.float64)
    f_sp = 200.0 / 3
    freqs = f_sp * m
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = math.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), freqs)


def mel_filters(sr, n_fft, n_mels):
    fft_freqs = np.linspace(0, sr / 2, 1 + n_fft // 2)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(sr / 2), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = mel_f[:, None] - fft_freqs[None, :]
    weights = np.zeros((n_mels, len(fft_freqs)))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    enorm = 2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels])
    return weights * enorm[:, None]


def log_mel(audio, n_mels, sr=16000, n_fft=400, hop=160, n_samples=480000):
    audio = np.asarray(audio, dtype=np.float64)
    audio = np.pad(audio[:n_samples], (0, max(0, n_samples - len(audio))))
    padded = np.pad(audio, (n_fft // 2, n_fft // 2), mode="reflect")
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)
    frames = 1 + (len(padded) - n_fft) // hop
    idx = np.arange(n_fft)[None, :] + hop * np.arange(frames)[:, None]
    spectrum = np.fft.rfft(padded[idx] * window[None, :], axis=1)
    power = (np.abs(spectrum) ** 2)[:-1]                         # Whisper drops the last frame: 3000 frames
    mel = mel_filters(sr, n_fft, n_mels) @ power.T                # [n_mels, 3000]
    log_spec = np.log10(np.maximum(mel, 1e-10))
    log_spec = np.maximum(log_spec, log_spec.max() - 8.0)
    return (log_spec + 4.0) / 4.0


t = np.arange(int(16000 * 2.5)) / 16000.0
signal = (0.5 * np.sin(2 * np.pi * 440 * t) + 0.25 * np.sin(2 * np.pi * (200 + 900 * t) * t)
          + 0.1 * np.sin(2 * np.pi * 3100 * t)) * np.minimum(1, t * 4)
signal = signal.astype(np.float32)
signal.tofile(os.path.join(OUT, "mel_signal.f32"))
reference = {}
for bins in (80, 128):
    features = log_mel(signal.astype(np.float64), bins)
    frames = [0, 1, 7, 100, 180, 249, 250, 400, 2999]
    reference[str(bins)] = {"frames": frames, "values": [[float(v) for v in features[:, fr]] for fr in frames],
                            "mean": float(features.mean()), "max": float(features.max())}
with open(os.path.join(OUT, "mel_reference.json"), "w") as f:
    json.dump(reference, f)
print("tiny whisper written to", OUT)
