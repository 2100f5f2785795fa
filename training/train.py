#!/usr/bin/python3
"""Trains one attnviz built-in model (next token, causal) and writes its folder under resources/models/.

Run by hand (CI never trains), one model at a time, e.g.:
    nice training/train.py --language en --heads 8
It installs the Debian packages it needs, builds and caches the tokenized corpus
(training/.cache, git-ignored), builds the vocabulary, trains with one thread and a fixed seed,
measures the validation loss with the weights as stored (F16), and writes config.json, vocab.txt
and model.safetensors. See training/README.md for the recipe and the results.
"""
import argparse
import collections
import json
import math
import pathlib
import pickle
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import tokenization  # noqa: E402

REPO = HERE.parent
CACHE = HERE / ".cache"
MODELS = REPO / "resources" / "models"
UNK = "<unk>"
VOCAB_SIZE = {"en": 6000, "zh": 4000}
TOKENIZER = {"en": "words-lowercase", "zh": "chars"}
FAMILY = {"en": "en-next-word", "zh": "zh-next-char"}
# The app's sample sentences (ui/sample_sentences.cpp): every token is in the vocabulary.
SAMPLE_SENTENCES = [
    "The cat sat on the mat because it was warm.",
    "多头注意力让模型从不同角度看输入序列。",
    "The dog chased the cat and the cat chased the dog.",
    "Multi-head attention splits attention into several heads. Each head projects the input into "
    "its own low-dimensional subspace and attends independently, so different heads can capture "
    "different relations in parallel; their outputs are concatenated and fused by a linear layer.",
    "Transformers 很 cool 🤖, aren't they?",
]
# Words a teacher is likely to type in a first lesson on attention.
TEACHING_WORDS = """
a an the this that these those it its he she they them his her their we our you your i me my
is are was were be been being has have had do does did will would can could should may might must
and or but because so if when while then than as of in on at to from by with about into over under
after before between through during without again not no yes all some many much more most each every
cat cats dog dogs bird fish mouse horse cow mat sat sit sits chased chase ran run runs jumped jump
big small little warm cold hot red blue green happy sad good bad new old first last next other same
man woman boy girl child children teacher student students school class book books pen paper
house home room door window table chair bed tree trees river sea sky sun moon rain snow day night
morning today tomorrow yesterday week year time people friend friends mother father family city
word words sentence sentences token tokens attention head heads model models query key value values
input output layer layers transformer transformers network learn learns learning learned machine
language translate translation read reads write writes wrote look looks see saw find found give gave
make made take took went go goes come came know knew think thought say said tell told ask asked
because why how what which who where whom whose
""".split()
D_MODEL, D_MLP, LAYERS = 64, 128, 1
# Steps per family (equal for every head count of a family). Chinese needs more to sharpen its heads.
STEPS = {"en": 2000, "zh": 2000}
BATCH, LR, SEED = 32, 3e-3, 1234


def load_corpus(language):
    """Tokenized corpus {"train": [[tok]], "validation": [[tok]], ...}, cached after the first build."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / ("corpus-" + language + ".pickle")
    if path.exists():
        return pickle.loads(path.read_bytes())
    corpus.install_packages(corpus.PACKAGES[language] + corpus.TOOL_PACKAGES)
    built = corpus.build(language)
    for split in ("train", "validation"):
        built[split + "_tokens"] = [tokenization.model_tokens(s, TOKENIZER[language])
                                    for s in built[split]]
    path.write_bytes(pickle.dumps(built))
    return built


def build_vocab(language, sentences):
    counts = collections.Counter(t for s in sentences for t in s)
    forced = set()
    for s in SAMPLE_SENTENCES:
        forced.update(tokenization.model_tokens(s, TOKENIZER[language]))
    if language == "en":
        forced.update(TEACHING_WORDS)
    else:
        forced = {t for t in forced if corpus.CJK.match(t) or not t.isascii()}
    ranked = sorted(counts, key=lambda t: (-counts[t], t))
    chosen = set(forced)
    for token in ranked:
        if len(chosen) >= VOCAB_SIZE[language] - 1:
            break
        chosen.add(token)
    # <unk> is id 0; the rest by corpus frequency (forced tokens absent from the corpus last).
    return [UNK] + sorted(chosen, key=lambda t: (-counts.get(t, 0), t))


def length_batches(sequences, batch, generator):
    """Batches of sentences of (nearly) equal length, so little compute goes to padding."""
    import torch
    keys = torch.rand(len(sequences), generator=generator).tolist()
    order = sorted(range(len(sequences)), key=lambda i: (len(sequences[i]), keys[i]))
    return [order[i:i + batch] for i in range(0, len(order), batch)]


def padded(sequences, indices):
    import torch
    n = max(len(sequences[i]) for i in indices)
    ids = torch.zeros(len(indices), n, dtype=torch.long)
    valid = torch.zeros(len(indices), n, dtype=torch.bool)
    for row, i in enumerate(indices):
        ids[row, :len(sequences[i])] = torch.tensor(sequences[i])
        valid[row, :len(sequences[i])] = True
    return ids, valid


def next_token_loss(model, ids, valid, reduction="mean"):
    """Cross entropy of predicting token t+1 from tokens <= t, over real (unpadded) targets."""
    import torch.nn.functional as F
    hidden, _ = model.hidden(ids)
    target_valid = valid[:, 1:]
    h = hidden[:, :-1][target_valid]
    return F.cross_entropy(model.logits(h), ids[:, 1:][target_valid], reduction=reduction)


def validation_loss(model, sequences):
    import torch
    total, count = 0.0, 0
    with torch.no_grad():
        batches = [list(range(i, min(i + 64, len(sequences)))) for i in range(0, len(sequences), 64)]
        for indices in batches:
            ids, valid = padded(sequences, indices)
            total += next_token_loss(model, ids, valid, reduction="sum").item()
            count += int(valid[:, 1:].sum())
    return total / count


def train(args):
    import torch
    import model as tiny
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    data = load_corpus(args.language)
    vocab = build_vocab(args.language, data["train_tokens"])
    index = {t: i for i, t in enumerate(vocab)}
    to_ids = lambda seqs: [[index.get(t, 0) for t in s] for s in seqs]  # noqa: E731
    train_ids, valid_ids = to_ids(data["train_tokens"]), to_ids(data["validation_tokens"])

    model = tiny.TinyTransformer(len(vocab), args.d_model, args.heads, args.d_mlp, args.layers)
    generator = torch.Generator().manual_seed(args.seed)
    batches = length_batches(train_ids, args.batch, generator)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warmup = args.steps // 40
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: min(
        (step + 1) / warmup, 0.5 * (1 + math.cos(math.pi * step / args.steps))))
    start, cpu_start = time.time(), time.process_time()
    for step in range(args.steps):
        chosen = batches[int(torch.randint(len(batches), (1,), generator=generator))]
        ids, valid = padded(train_ids, chosen)
        loss = next_token_loss(model, ids, valid)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        if step % 250 == 0 or step == args.steps - 1:
            print(f"step {step} loss {loss.item():.3f} {time.time() - start:.0f}s", flush=True)
    seconds = time.time() - start
    cpu_seconds = time.process_time() - cpu_start

    # Measure what ships: the F16-rounded weights, computed in float32.
    stored = tiny.stored_tensors(model)
    model.load_state_dict({k: v.float() for k, v in stored.items()})
    model.eval()
    val_loss = validation_loss(model, valid_ids)
    name = f"{FAMILY[args.language]}-h{args.heads}"
    folder = args.out / name
    folder.mkdir(parents=True, exist_ok=True)
    parameters = sum(p.numel() for p in model.parameters())
    config = {
        "model_type": "attnviz", "name": name, "family": FAMILY[args.language],
        "language": args.language, "objective": "causal",
        "description": (f"English, next word, {args.heads} head{'s' if args.heads > 1 else ''}"
                        if args.language == "en" else ""),
        "description_zh": (f"英文，下一个词，{args.heads} 个头" if args.language == "en"
                           else f"中文，下一个字，{args.heads} 个头"),
        "layers": args.layers, "heads": args.heads, "d_model": args.d_model,
        "dk": args.d_model // args.heads, "dv": args.d_model // args.heads, "d_mlp": args.d_mlp,
        "vocab_size": len(vocab), "max_positions": tiny.MAX_POSITIONS,
        "embedding_scale": model.embedding_scale, "positional": "sinusoidal", "norm": "post",
        "activation": "gelu", "layer_norm_eps": tiny.LAYER_NORM_EPS, "causal": True,
        "tokenizer": TOKENIZER[args.language], "unk_token": UNK,
        "validation_loss": round(val_loss, 6), "validation_perplexity": round(math.exp(val_loss), 4),
        "parameters": parameters,
        "training": {"steps": args.steps, "batch": args.batch, "lr": args.lr, "seed": args.seed,
                     "schedule": f"linear warm-up {warmup} steps, cosine to 0",
                     "optimizer": "AdamW, weight decay 0.01, gradient clip 1.0",
                     "threads": 1, "seconds": round(seconds, 1),
                     "cpu_seconds": round(cpu_seconds, 1)},
        "corpus": {"packages": corpus.PACKAGES[args.language],
                   "sentences_train": len(train_ids), "sentences_validation": len(valid_ids),
                   "tokens": sum(map(len, train_ids)) + sum(map(len, valid_ids))},
    }
    if args.language == "zh":
        config["description"] = f"Chinese, next character, {args.heads} head{'s' if args.heads > 1 else ''}"
    metadata = {"format": "attnviz", "name": name, "family": config["family"],
                "validation_loss": str(config["validation_loss"]),
                "tokenizer": config["tokenizer"], "training_seed": str(args.seed)}
    tiny.save_safetensors(folder / "model.safetensors", stored, metadata)
    tiny.write_atomically(folder / "vocab.txt", "".join(t + "\n" for t in vocab))
    tiny.write_atomically(folder / "config.json",
                          json.dumps(config, ensure_ascii=False, indent=2) + "\n")
    print(f"{name}: validation loss {val_loss:.4f}, perplexity {math.exp(val_loss):.2f}, "
          f"{parameters} parameters, {seconds:.0f} s", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--language", choices=["en", "zh"], required=True)
    parser.add_argument("--heads", type=int, choices=[1, 2, 4, 8], default=8)
    parser.add_argument("--steps", type=int, help="default: 2000")
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument("--lr", type=float, default=LR)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--d-model", type=int, default=D_MODEL)
    parser.add_argument("--d-mlp", type=int, default=D_MLP)
    parser.add_argument("--layers", type=int, default=LAYERS)
    parser.add_argument("--out", type=pathlib.Path, default=MODELS)
    parser.add_argument("--corpus-only", action="store_true", help="build the corpus cache, stop")
    args = parser.parse_args()
    if args.steps is None:
        args.steps = STEPS[args.language]
    if args.corpus_only:
        data = load_corpus(args.language)
        print(args.language, len(data["train"]), len(data["validation"]), data["per_package"])
        return
    train(args)


if __name__ == "__main__":
    main()
