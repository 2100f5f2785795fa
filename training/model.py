"""The attnviz small Transformer (PyTorch), its attention-returning forward, and safetensors I/O.

Input X = embedding[id] * sqrt(d_model) + sinusoidal position (pos from 0); each block is the seed
article's MultiHeadAttention (q_linear, k_linear, v_linear, out_linear with biases, scores /
sqrt(dk), causal mask), then post-norm: h = LayerNorm1(X + attn), out = LayerNorm2(h + fc2(GELU(fc1(h))))
with the exact (erf) GELU; logits = out @ embedding^T (tied).
"""
import json
import math
import struct

import torch
import torch.nn as nn
import torch.nn.functional as F

LAYER_NORM_EPS = 1e-5
MAX_POSITIONS = 512


def sinusoidal_positions(count, d_model):
    """PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(same angle), in float32."""
    pos = torch.arange(count, dtype=torch.float64).unsqueeze(1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)
    angle = pos / torch.pow(torch.tensor(10000.0, dtype=torch.float64), two_i / d_model)
    pe = torch.zeros(count, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(angle)
    pe[:, 1::2] = torch.cos(angle)
    return pe.float()


def causal_mask(n):
    return torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)


class MultiHeadAttention(nn.Module):
    """The seed article's module (its names and shapes), with a causal mask and the attention returned."""

    def __init__(self, dim, dk, dv, num_heads):
        super().__init__()
        self.dk, self.dv, self.num_heads = dk, dv, num_heads
        self.q_linear = nn.Linear(dim, dk * num_heads)
        self.k_linear = nn.Linear(dim, dk * num_heads)
        self.v_linear = nn.Linear(dim, dv * num_heads)
        self.out_linear = nn.Linear(dv * num_heads, dim)

    def forward(self, x, key_padding=None):
        B, N, _ = x.shape
        Q = self.q_linear(x).view(B, N, self.num_heads, self.dk).transpose(1, 2)
        K = self.k_linear(x).view(B, N, self.num_heads, self.dk).transpose(1, 2)
        V = self.v_linear(x).view(B, N, self.num_heads, self.dv).transpose(1, 2)
        attn = (Q @ K.transpose(-2, -1)) / (self.dk ** 0.5)
        attn = attn.masked_fill(causal_mask(N), float("-inf"))
        attn = attn.softmax(dim=-1)
        out = (attn @ V).transpose(1, 2).reshape(B, N, self.num_heads * self.dv)
        return self.out_linear(out), attn


class Mlp(nn.Module):
    def __init__(self, d_model, d_mlp):
        super().__init__()
        self.fc1 = nn.Linear(d_model, d_mlp)
        self.fc2 = nn.Linear(d_mlp, d_model)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))  # F.gelu's default is the exact erf form


class Block(nn.Module):
    def __init__(self, d_model, heads, d_mlp):
        super().__init__()
        self.attn = MultiHeadAttention(d_model, d_model // heads, d_model // heads, heads)
        self.norm1 = nn.LayerNorm(d_model, eps=LAYER_NORM_EPS)
        self.mlp = Mlp(d_model, d_mlp)
        self.norm2 = nn.LayerNorm(d_model, eps=LAYER_NORM_EPS)

    def forward(self, x):
        a, attn = self.attn(x)
        h = self.norm1(x + a)
        return self.norm2(h + self.mlp(h)), attn


class TinyTransformer(nn.Module):
    def __init__(self, vocab_size, d_model, heads, d_mlp, layers):
        super().__init__()
        self.d_model = d_model
        self.embed = nn.Embedding(vocab_size, d_model)
        nn.init.normal_(self.embed.weight, std=d_model ** -0.5)  # so embed * sqrt(d) has unit scale
        self.blocks = nn.ModuleList(Block(d_model, heads, d_mlp) for _ in range(layers))
        self.register_buffer("positions", sinusoidal_positions(MAX_POSITIONS, d_model),
                             persistent=False)

    @property
    def embedding_scale(self):
        return math.sqrt(self.d_model)

    def hidden(self, ids):
        """Final hidden states [B, N, d] and the attention of every block ([B, heads, N, N] each)."""
        x = self.embed(ids) * self.embedding_scale + self.positions[: ids.shape[1]]
        attentions = []
        for block in self.blocks:
            x, attn = block(x)
            attentions.append(attn)
        return x, attentions

    def logits(self, hidden):
        return hidden @ self.embed.weight.t()


# --- safetensors (Debian has no python3-safetensors) ----------------------------------------
_DTYPES = {torch.float16: ("F16", 2), torch.float32: ("F32", 4)}
_FROM_NAME = {"F16": torch.float16, "F32": torch.float32}


def save_safetensors(path, tensors, metadata):
    """8-byte little-endian header length, JSON header (padded with spaces to a multiple of 8),
    then the tensors back to back in name order from offset 0. Written atomically."""
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name in sorted(tensors):
        t = tensors[name].contiguous()
        raw = t.numpy().tobytes()
        header[name] = {"dtype": _DTYPES[t.dtype][0], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    write_atomically(path, struct.pack("<Q", len(text)) + text + b"".join(blobs))


def load_safetensors(path):
    data = path.read_bytes()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    metadata = header.pop("__metadata__", {})
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        raw = bytearray(data[8 + n + begin:8 + n + end])
        tensors[name] = torch.frombuffer(raw, dtype=_FROM_NAME[info["dtype"]]).reshape(
            info["shape"]).clone()
    return tensors, metadata


def write_atomically(path, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    temp = path.with_name(path.name + ".tmp")
    with open(temp, "wb") as f:
        f.write(data)
        f.flush()
    temp.replace(path)


def stored_tensors(model):
    """The model's weights under the file's names, rounded to F16."""
    return {name: t.detach().to(torch.float16) for name, t in model.state_dict().items()}


def load_model(folder):
    """Rebuilds a TinyTransformer from a model folder, with the stored (F16) weights as float32."""
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    vocab = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
    if vocab and vocab[-1] == "":
        vocab.pop()
    model = TinyTransformer(config["vocab_size"], config["d_model"], config["heads"],
                            config["d_mlp"], config["layers"])
    tensors, _ = load_safetensors(folder / "model.safetensors")
    model.load_state_dict({k: v.float() for k, v in tensors.items()})
    model.eval()
    return model, config, vocab
