#!/usr/bin/python3
"""Writes a tiny T5-style summarizer in Hugging Face optimum's export layout (encoder_model.onnx,
decoder_model_merged.onnx, tokenizer.json, config.json, generation_config.json).

Run by Seq2SeqTinyGraphTest with /usr/bin/python3 (python3-onnx, python3-numpy):  make_tiny_seq2seq.py OUT_DIR

The encoder's hidden state is the one-hot of each input token (d_model = vocabulary size). The decoder's first
output copies the first input token it is given; after that it answers by position (past decoder length + index):
"summary of part </s>". So a summary names the first word of its input ("alpha summary of part"), and the Java
side must feed the key/value cache back correctly to get the words in order.
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)

vocab = ["<pad>", "</s>", "<unk>", "summarize", ":", ".", "summary", "of", "part",
         "alpha", "beta", "gamma", "delta", "one", "two", "three", "four", "five", "six", "seven", "eight"]
ids = {t: i for i, t in enumerate(vocab)}
V = len(vocab)
HEADS = 1
HEAD_DIM = 4
LAYERS = 2
MAX_POSITIONS = 32
script = [None, "summary", "of", "part", "</s>"]  # position 0 copies the first input token
table = np.full((MAX_POSITIONS, V), -10.0, dtype=np.float32)
for p in range(MAX_POSITIONS):
    if p == 0:
        continue
    target = script[p] if p < len(script) else "</s>"
    table[p, ids[target]] = 10.0
copy_at = np.zeros((MAX_POSITIONS, 1), dtype=np.float32)
copy_at[0, 0] = 20.0

# ---------- encoder ----------
enc = helper.make_graph(
    [helper.make_node("Gather", ["one_hot", "input_ids"], ["embedded"], axis=0),      # [b, s, V]
     helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
     helper.make_node("Unsqueeze", ["mask_f", "minus1"], ["mask3"]),
     helper.make_node("Mul", ["embedded", "mask3"], ["last_hidden_state"])],
    "tiny_t5_encoder",
    [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "encoder_sequence_length"]),
     helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"])],
    [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT,
                                   ["batch_size", "encoder_sequence_length", V])],
    [numpy_helper.from_array(np.eye(V, dtype=np.float32), "one_hot"),
     numpy_helper.from_array(np.array([-1], dtype=np.int64), "minus1")])
encoder_model = helper.make_model(enc, opset_imports=[helper.make_opsetid("", 14)], ir_version=8)
onnx.checker.check_model(encoder_model, full_check=True)
onnx.save(encoder_model, os.path.join(OUT, "encoder_model.onnx"))

# ---------- merged decoder ----------
inputs = [
    helper.make_tensor_value_info("encoder_attention_mask", TensorProto.INT64,
                                  ["batch_size", "encoder_sequence_length"]),
    helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "decoder_sequence_length"]),
    helper.make_tensor_value_info("encoder_hidden_states", TensorProto.FLOAT,
                                  ["batch_size", "encoder_sequence_length", V]),
]
outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch_size", "decoder_sequence_length", V])]
inits = [
    numpy_helper.from_array(table, "position_table"),
    numpy_helper.from_array(copy_at, "copy_at"),
    numpy_helper.from_array(np.array([2], dtype=np.int64), "i2"),
    numpy_helper.from_array(np.array([1], dtype=np.int64), "i1"),
    numpy_helper.from_array(np.array([0], dtype=np.int64), "i0"),
    numpy_helper.from_array(np.array(0, dtype=np.int64), "zero_index"),
    numpy_helper.from_array(np.array(1, dtype=np.int64), "one_scalar"),
    numpy_helper.from_array(np.array(0.0, dtype=np.float32), "zero_f"),
    numpy_helper.from_array(np.array([0, 0, HEADS, HEAD_DIM], dtype=np.int64), "kv_shape"),
    numpy_helper.from_array(np.ones((V, HEADS * HEAD_DIM), dtype=np.float32) * 0.01, "w_kv"),
    numpy_helper.from_array(np.zeros((1, 1, 1, HEAD_DIM), dtype=np.float32), "zero_row"),
]
nodes = [
    helper.make_node("Shape", ["past_key_values.0.decoder.key"], ["past_shape"]),
    helper.make_node("Gather", ["past_shape", "i2"], ["past_len"], axis=0),
    helper.make_node("Shape", ["input_ids"], ["ids_shape"]),
    helper.make_node("Gather", ["ids_shape", "i1"], ["seq_len"], axis=0),
    helper.make_node("Squeeze", ["past_len", "i0"], ["past_scalar"]),
    helper.make_node("Squeeze", ["seq_len", "i0"], ["seq_scalar"]),
    helper.make_node("Add", ["past_scalar", "seq_scalar"], ["end_scalar"]),
    helper.make_node("Range", ["past_scalar", "end_scalar", "one_scalar"], ["positions"]),
    helper.make_node("Gather", ["position_table", "positions"], ["rows"], axis=0),          # [seq, V]
    helper.make_node("Gather", ["copy_at", "positions"], ["copy_weight"], axis=0),          # [seq, 1]
    helper.make_node("Gather", ["encoder_hidden_states", "zero_index"], ["first_hidden"], axis=1),  # [b, V]
    helper.make_node("Unsqueeze", ["first_hidden", "i1"], ["first3"]),                     # [b, 1, V]
    helper.make_node("Mul", ["first3", "copy_weight"], ["copied"]),                         # [b, seq, V]
    helper.make_node("Add", ["rows", "copied"], ["logits"]),
    helper.make_node("Cast", ["input_ids"], ["ids_f"], to=TensorProto.FLOAT),
    helper.make_node("Mul", ["ids_f", "zero_f"], ["zeros_bs"]),
]
then_nodes, else_nodes, then_out, else_out = [], [], [], []
for layer in range(LAYERS):
    for part in ("decoder", "encoder"):
        for kind in ("key", "value"):
            name = "past_key_values.%d.%s.%s" % (layer, part, kind)
            inputs.append(helper.make_tensor_value_info(name, TensorProto.FLOAT,
                                                        ["batch_size", HEADS, "past_%s_length" % part, HEAD_DIM]))
            present = "present.%d.%s.%s" % (layer, part, kind)
            outputs.append(helper.make_tensor_value_info(present, TensorProto.FLOAT,
                                                         ["batch_size", HEADS, "present_%s_length" % part, HEAD_DIM]))
            if part == "decoder":
                nodes += [
                    helper.make_node("Unsqueeze", ["zeros_bs", "i2"], [present + ".z3"]),
                    helper.make_node("Unsqueeze", [present + ".z3", "i1"], [present + ".z4"]),
                    helper.make_node("Add", [present + ".z4", "zero_row"], [present + ".new"]),
                    helper.make_node("Concat", [name, present + ".new"], [present], axis=2),
                ]
            else:
                then_nodes.append(helper.make_node("Identity", [name], [present + ".then"]))
                then_out.append(helper.make_tensor_value_info(present + ".then", TensorProto.FLOAT, None))
                else_nodes += [
                    helper.make_node("MatMul", ["encoder_hidden_states", "w_kv"], [present + ".proj"]),
                    helper.make_node("Reshape", [present + ".proj", "kv_shape"], [present + ".heads"]),
                    helper.make_node("Transpose", [present + ".heads"], [present + ".else"], perm=[0, 2, 1, 3]),
                ]
                else_out.append(helper.make_tensor_value_info(present + ".else", TensorProto.FLOAT, None))
inputs.append(helper.make_tensor_value_info("use_cache_branch", TensorProto.BOOL, [1]))
nodes.append(helper.make_node("Squeeze", ["use_cache_branch", "i0"], ["use_cache_scalar"]))
nodes.append(helper.make_node(
    "If", ["use_cache_scalar"], ["present.%d.encoder.%s" % (l, k) for l in range(LAYERS) for k in ("key", "value")],
    then_branch=helper.make_graph(then_nodes, "cached", [], then_out),
    else_branch=helper.make_graph(else_nodes, "fresh", [], else_out)))
decoder = helper.make_model(helper.make_graph(nodes, "tiny_t5_decoder_merged", inputs, outputs, inits),
                            opset_imports=[helper.make_opsetid("", 14)], ir_version=8)
onnx.checker.check_model(decoder, full_check=True)
onnx.save(decoder, os.path.join(OUT, "decoder_model_merged.onnx"))

with open(os.path.join(OUT, "config.json"), "w") as f:
    json.dump({"model_type": "t5", "d_model": V, "d_kv": HEAD_DIM, "num_heads": HEADS, "num_decoder_layers": LAYERS,
               "num_layers": LAYERS, "vocab_size": V, "n_positions": 16, "decoder_start_token_id": ids["<pad>"],
               "eos_token_id": ids["</s>"], "pad_token_id": ids["<pad>"]}, f, indent=1)
with open(os.path.join(OUT, "generation_config.json"), "w") as f:
    json.dump({"decoder_start_token_id": ids["<pad>"], "eos_token_id": ids["</s>"], "pad_token_id": ids["<pad>"],
               "max_length": 20}, f, indent=1)
added = [{"id": ids[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False,
          "special": True} for t in ("<pad>", "</s>", "<unk>")]
with open(os.path.join(OUT, "tokenizer.json"), "w") as f:
    json.dump({"version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None,
               "pre_tokenizer": {"type": "Whitespace"}, "post_processor": None, "decoder": None,
               "model": {"type": "WordLevel", "vocab": ids, "unk_token": "<unk>"}}, f)
print("tiny seq2seq written to", OUT)
