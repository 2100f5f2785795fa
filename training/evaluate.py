#!/usr/bin/python3
"""Measures the shipped models' heads on held-out sentences, writes the parity fixtures and head plots.

Run by hand after training:  training/evaluate.py [--fixtures] [--plots] [--check] [NAME ...]
Every number comes from the model folder as stored (F16 weights, computed in float32), never from
the training process. Metrics (causal attention; rows i >= 1, i.e. rows with at least two allowed
keys, pooled over all held-out sentences):
  entropy      mean of H_i / ln(i + 1)              (1 = uniform over the allowed keys)
  confidence   mean of the row's largest weight
  tv           mean over head pairs and rows of 0.5 * sum |p_a - p_b|
  prev/self/first  a head's mean weight on key i-1, on key i, on key 0; "best" is the head and kind
               with the largest share.
The same numbers for random (untrained) weights of the same shape use TinyTransformer's initial
weights with the training seed.
"""
import argparse
import json
import logging
import math
import pathlib
import sys

import numpy as np
import torch

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import model as tiny  # noqa: E402
import tokenization  # noqa: E402

REPO = HERE.parent
MODELS = REPO / "resources" / "models"
FIXTURES = REPO / "tests" / "fixtures" / "builtin"
FIGURES = HERE / "figures"
NAMES = [f"{family}-h{h}" for family in ("en-next-word", "zh-next-char") for h in (1, 2, 4, 8)]
# The sample sentences, one with out-of-vocabulary tokens (one outside the BMP) and one with emoji.
FIXTURE_SENTENCES = {
    "en": ["The cat sat on the mat because it was warm.", "多头注意力让模型从不同角度看输入序列",
           "The quokka from Zanzibar photobombed our class photo.",
           "Transformers 很 cool 🤖, aren't they?"],
    "zh": ["The cat sat on the mat because it was warm.", "多头注意力让模型从不同角度看输入序列",
           "𠮷野家的龘字很少见，今天天气很好。", "Transformers 很 cool 🤖, aren't they?"],
}
DISPLAY_MODE = {"words-lowercase": "words", "chars": "chars"}


def encode(text, config, index):
    """(display tokens, ids) of text as the app computes them for this model."""
    tokens = tokenization.tokenize(text, DISPLAY_MODE[config["tokenizer"]])
    lookup = tokenization.model_tokens(text, config["tokenizer"])
    return tokens, [index.get(t, 0) for t in lookup]


def attention(model, ids):
    """Attention of every layer as a list of [heads, N, N] float32 tensors."""
    with torch.no_grad():
        _, layers = model.hidden(torch.tensor([ids]))
    return [a[0] for a in layers]


def measure(model, config, index, sentences):
    rows_entropy, rows_conf, rows_tv = [], [], []
    heads = config["heads"]
    share = np.zeros((heads, 3))  # prev, self, first
    rows = 0
    for text in sentences:
        _, ids = encode(text, config, index)
        a = attention(model, ids)[-1].double().numpy()  # the last (here: only) layer
        n = a.shape[1]
        for i in range(1, n):
            p = a[:, i, : i + 1]
            h = -(p * np.log(np.clip(p, 1e-30, None))).sum(axis=1) / math.log(i + 1)
            rows_entropy.extend(h)
            rows_conf.extend(p.max(axis=1))
            for x in range(heads):
                for y in range(x + 1, heads):
                    rows_tv.append(0.5 * np.abs(p[x] - p[y]).sum())
            share[:, 0] += p[:, i - 1]
            share[:, 1] += p[:, i]
            share[:, 2] += p[:, 0]
            rows += 1
    share /= rows
    best_head, best_kind = np.unravel_index(np.argmax(share), share.shape)
    return {"entropy": float(np.mean(rows_entropy)), "confidence": float(np.mean(rows_conf)),
            "tv": float(np.mean(rows_tv)) if rows_tv else None,
            "best_share": float(share[best_head, best_kind]), "best_head": int(best_head) + 1,
            "best_kind": ["previous", "self", "first"][best_kind], "shares": share.tolist()}


def random_twin(config):
    torch.manual_seed(config["training"]["seed"])
    model = tiny.TinyTransformer(config["vocab_size"], config["d_model"], config["heads"],
                                 config["d_mlp"], config["layers"])
    model.eval()
    return model


def float32_value(x):
    # The shortest decimal that reads back as the same float32.
    return float(repr(np.float32(x)))


def write_fixture(name, model, config, index):
    sentences = []
    for text in FIXTURE_SENTENCES[config["language"]]:
        tokens, ids = encode(text, config, index)
        layers = [{"heads": [{"attention": [[float32_value(v) for v in row] for row in head.tolist()]}
                             for head in layer]} for layer in attention(model, ids)]
        sentences.append({"text": text, "tokens": tokens, "ids": ids,
                          "oov": [i for i, t in enumerate(ids) if t == 0], "layers": layers})
    fixture = {"model": name, "tokenizer": config["tokenizer"],
               "comment": "attention from training/model.py's forward, stored F16 weights in float32",
               "sentences": sentences}
    tiny.write_atomically(FIXTURES / (name + ".json"),
                          json.dumps(fixture, ensure_ascii=False, separators=(",", ":")) + "\n")


def describe_heads(model, config, index, sentences):
    """One line per head: its largest previous/self/first share and the keys it looks at most."""
    heads = config["heads"]
    received = [dict() for _ in range(heads)]
    m = measure(model, config, index, sentences)
    for text in sentences:
        tokens, ids = encode(text, config, index)
        a = attention(model, ids)[-1].numpy()
        for x in range(heads):
            for i in range(1, len(ids)):
                for j in range(i + 1):
                    received[x][tokens[j].lower()] = received[x].get(tokens[j].lower(), 0) + a[x, i, j]
    lines = []
    for x in range(heads):
        prev, self_, first = m["shares"][x]
        top = sorted(received[x].items(), key=lambda kv: -kv[1])[:5]
        lines.append(f"  head {x + 1}: previous {prev:.2f} self {self_:.2f} first {first:.2f}; "
                     f"keys most looked at: {', '.join(k for k, _ in top)}")
    return lines


def plot(name, model, config, index, text):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    plt.rcParams["font.family"] = ["DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP",
                                   "WenQuanYi Zen Hei", "AR PL UMing CN"]
    tokens, ids = encode(text, config, index)
    a = attention(model, ids)[-1].numpy()
    heads = a.shape[0]
    cols = min(heads, 4)
    rows = (heads + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(3.2 * cols, 3.2 * rows), squeeze=False)
    for x in range(heads):
        ax = axes[x // cols][x % cols]
        ax.imshow(a[x], vmin=0, vmax=1, cmap="viridis")
        ax.set_title(f"head {x + 1}", fontsize=9)
        ax.set_xticks(range(len(tokens)), tokens, rotation=90, fontsize=7)
        ax.set_yticks(range(len(tokens)), tokens, fontsize=7)
    for x in range(heads, rows * cols):
        axes[x // cols][x % cols].axis("off")
    fig.suptitle(f"{name}: {text}", fontsize=9)
    fig.tight_layout()
    FIGURES.mkdir(exist_ok=True)
    fig.savefig(FIGURES / f"{name}.png", dpi=80)
    plt.close(fig)


def numpy_attention(folder, ids):
    """Attention recomputed from the files alone with numpy (no torch, no model.py): a second
    reading of the format that the fixtures must agree with. One-block models only."""
    import struct
    data = (folder / "model.safetensors").read_bytes()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    header.pop("__metadata__", None)
    w = {k: np.frombuffer(data[8 + n + v["data_offsets"][0]:8 + n + v["data_offsets"][1]],
                          dtype=np.float16).reshape(v["shape"]).astype(np.float32)
         for k, v in header.items()}
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    d, dk, count = config["d_model"], config["dk"], len(ids)
    angle = np.arange(count)[:, None] / np.power(10000.0, np.arange(0, d, 2) / d)
    pe = np.zeros((count, d))
    pe[:, 0::2], pe[:, 1::2] = np.sin(angle), np.cos(angle)
    x = w["embed.weight"][ids] * np.float32(config["embedding_scale"]) + pe.astype(np.float32)
    q = x @ w["blocks.0.attn.q_linear.weight"].T + w["blocks.0.attn.q_linear.bias"]
    k = x @ w["blocks.0.attn.k_linear.weight"].T + w["blocks.0.attn.k_linear.bias"]
    heads = []
    for h in range(config["heads"]):
        scores = q[:, h * dk:(h + 1) * dk] @ k[:, h * dk:(h + 1) * dk].T / np.sqrt(dk)
        scores[np.triu(np.ones((count, count), bool), 1)] = -np.inf
        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        heads.append(e / e.sum(axis=1, keepdims=True))
    return heads


def check_fixture(name, models):
    """Largest difference between a fixture's attention and numpy_attention of its model."""
    fixture = json.loads((FIXTURES / (name + ".json")).read_text(encoding="utf-8"))
    worst = 0.0
    for sentence in fixture["sentences"]:
        for head, expected in zip(numpy_attention(models / name, sentence["ids"]),
                                  sentence["layers"][0]["heads"]):
            worst = max(worst, float(np.abs(head - np.array(expected["attention"])).max()))
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", default=NAMES)
    parser.add_argument("--fixtures", action="store_true", help="write tests/fixtures/builtin/NAME.json")
    parser.add_argument("--plots", action="store_true", help="write training/figures/NAME.png")
    parser.add_argument("--json", type=pathlib.Path, help="write every measurement to this file")
    parser.add_argument("--check", action="store_true",
                        help="recompute every fixture with numpy from the files alone")
    parser.add_argument("--models", type=pathlib.Path, default=MODELS, help="folder of model folders")
    args = parser.parse_args()
    torch.set_num_threads(1)
    if args.check:
        for name in args.names:
            worst = check_fixture(name, args.models)
            print(f"{name}: fixture vs numpy from the files: max |difference| {worst:.2e}")
            if worst > 1e-6:
                sys.exit(f"{name}: the fixture does not match its model files")
        return
    held_out = {lang: (FIXTURES / f"heldout_{lang}.txt").read_text(encoding="utf-8").split("\n")
                for lang in ("en", "zh")}
    held_out = {k: [s for s in v if s.strip()] for k, v in held_out.items()}
    results = {}
    print("| model | heads | layers | objective | steps | val. loss | val. ppl | parameters | file (bytes) | entropy | confidence "
          "| TV | best head: share | random: entropy / confidence / TV / best share |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name in args.names:
        folder = args.models / name
        if not (folder / "config.json").exists():
            continue
        model, config, vocab = tiny.load_model(folder)
        index = {t: i for i, t in enumerate(vocab)}
        sentences = held_out[config["language"]]
        trained = measure(model, config, index, sentences)
        rand = measure(random_twin(config), config, index, sentences)
        size = (folder / "model.safetensors").stat().st_size
        results[name] = {"trained": trained, "random": rand, "file_bytes": size,
                         "validation_loss": config["validation_loss"],
                         "validation_perplexity": config["validation_perplexity"],
                         "parameters": config["parameters"],
                         "heads_described": describe_heads(model, config, index, sentences)}
        tv = lambda m: "–" if m["tv"] is None else f"{m['tv']:.2f}"  # noqa: E731
        print(f"| {name} | {config['heads']} | {config['layers']} | {config['objective']} "
              f"| {config['training']['steps']} | {config['validation_loss']:.4f} "
              f"| {config['validation_perplexity']:.2f} | {config['parameters']:,} | {size:,} "
              f"| {trained['entropy']:.2f} | {trained['confidence']:.2f} | {tv(trained)} "
              f"| {trained['best_head']} ({trained['best_kind']}): {trained['best_share']:.2f} "
              f"| {rand['entropy']:.2f} / {rand['confidence']:.2f} / {tv(rand)} / "
              f"{rand['best_share']:.2f} |", flush=True)
        if args.fixtures:
            write_fixture(name, model, config, index)
        if args.plots:
            plot(name, model, config, index, FIXTURE_SENTENCES[config["language"]][
                0 if config["language"] == "en" else 1])
    for name, r in results.items():
        print(name)
        print("\n".join(r["heads_described"]))
    if args.json:
        tiny.write_atomically(args.json, json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
