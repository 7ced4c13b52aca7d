#!/usr/bin/env python3
"""The conventional PyTorch encoder-decoder the anki-fra-eng floors were set with, trained on rnnkit's own split.

Embedding 256, bidirectional GRU 256 encoder, decoder GRU 256 starting from h0 = tanh(W [h_fwd; h_bwd]), Luong's
general attention with the attentional vector tanh(Wc [c; h]), Adam 1e-3, one global clip_grad_norm_ of 1.0, batches
of 64 shuffled pairs, cross-entropy averaged over the real target tokens, early stopping on validation loss
(patience 2, at most 20 epochs). The flags swap in what rnnkit did before, one at a time, for the comparison in
README's translation section.

    java -cp "$(cat apps/target/rnnkit.classpath)" bench/TranslateSplit.java export DATA SPLIT
    OMP_NUM_THREADS=1 /usr/bin/python3 bench/pytorch_translate.py SPLIT --out HYP [--epochs N] [flags]
    java -cp "$(cat apps/target/rnnkit.classpath)" bench/TranslateSplit.java score SPLIT HYP.beam4
Prints train and validation loss per real target token (EOS included) each epoch (rnnkit's metrics.json gives them
per sentence: divide by the tokens per sentence, 6.034 in the validation part); writes greedy and beam-4 translations
of the test sources (alpha 0.6, at most 2 x source length + 5 tokens, never PAD/BOS/UNK) to HYP.greedy / HYP.beam4.
"""
import argparse
import math
import random
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
PAD, UNK, BOS, EOS = 0, 1, 2, 3


def read_ids(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            src, tgt = line.rstrip("\n").split("\t")
            pairs.append(([int(t) for t in src.split()], [int(t) for t in tgt.split()] if tgt else []))
    return pairs


class Model(nn.Module):
    def __init__(self, vs, vt, emb, hid, attention, bridge, xavier, emb_xavier):
        super().__init__()
        self.attention, self.bridge_mode = attention, bridge
        self.src_emb = nn.Embedding(vs, emb, padding_idx=PAD)
        self.tgt_emb = nn.Embedding(vt, emb, padding_idx=PAD)
        self.encoder = nn.GRU(emb, hid, batch_first=True, bidirectional=True)
        self.bridge = nn.Linear(2 * hid, hid)
        self.decoder = nn.GRU(emb + (hid if bridge == "input" else 0), hid, batch_first=True)
        if attention == "luong":
            self.wa = nn.Linear(2 * hid, hid, bias=False)
            self.wc = nn.Linear(3 * hid, hid)
        elif attention == "bahdanau":
            self.w1 = nn.Linear(hid, hid, bias=False)
            self.w2 = nn.Linear(2 * hid, hid)
            self.v = nn.Linear(hid, 1, bias=False)
            self.wc = nn.Linear(3 * hid, hid)
        self.out = nn.Linear(hid, vt)
        if xavier:  # DL4J's default: Xavier (normal, fan-in + fan-out) everywhere, embeddings over the vocabulary
            for name, p in self.named_parameters():
                if p.dim() == 2:
                    std = math.sqrt(2.0 / (p.size(0) + p.size(1)))
                    with torch.no_grad():
                        p.normal_(0, std)
                else:
                    nn.init.zeros_(p)
        if emb_xavier:  # DL4J's Xavier on the embeddings only: std sqrt(2 / (vocabulary + size)) instead of 1
            for e in (self.src_emb, self.tgt_emb):
                with torch.no_grad():
                    e.weight.normal_(0, math.sqrt(2.0 / (e.weight.size(0) + e.weight.size(1))))

    def encode(self, src, lengths):
        packed = nn.utils.rnn.pack_padded_sequence(self.src_emb(src), lengths.cpu(), batch_first=True,
                                                   enforce_sorted=False)
        out, h = self.encoder(packed)
        states, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=src.size(1))
        bridged = torch.tanh(self.bridge(torch.cat([h[0], h[1]], dim=1)))
        return states, src != PAD, bridged

    def decode(self, tgt_in, states, mask, bridged, h):
        x = self.tgt_emb(tgt_in)
        if self.bridge_mode == "input":
            x = torch.cat([x, bridged.unsqueeze(1).expand(-1, x.size(1), -1)], dim=2)
        out, h = self.decoder(x, h)
        if self.attention != "none":
            if self.attention == "luong":
                scores = torch.bmm(out, self.wa(states).transpose(1, 2))
            else:
                scores = self.v(torch.tanh(self.w1(out).unsqueeze(2) + self.w2(states).unsqueeze(1))).squeeze(3)
            scores = scores.masked_fill(~mask.unsqueeze(1), float("-inf"))
            context = torch.bmm(torch.softmax(scores, dim=2), states)
            out = torch.tanh(self.wc(torch.cat([context, out], dim=2)))
        return F.log_softmax(self.out(out), dim=2), h

    def initial(self, bridged):
        return bridged.unsqueeze(0) if self.bridge_mode == "init" else torch.zeros_like(bridged).unsqueeze(0)


def batch(pairs):
    lengths = torch.tensor([len(s) for s, _ in pairs])
    src = torch.zeros(len(pairs), int(lengths.max()), dtype=torch.long)
    tl = max(len(t) for _, t in pairs) + 1
    tin = torch.zeros(len(pairs), tl, dtype=torch.long)
    tout = torch.zeros(len(pairs), tl, dtype=torch.long)
    for i, (s, t) in enumerate(pairs):
        src[i, :len(s)] = torch.tensor(s)
        tin[i, :len(t) + 1] = torch.tensor([BOS] + t)
        tout[i, :len(t) + 1] = torch.tensor(t + [EOS])
    return src, lengths, tin, tout


def loss_of(model, pairs):
    src, lengths, tin, tout = batch(pairs)
    states, mask, bridged = model.encode(src, lengths)
    logp, _ = model.decode(tin, states, mask, bridged, model.initial(bridged))
    total = F.nll_loss(logp.reshape(-1, logp.size(2)), tout.reshape(-1), ignore_index=PAD, reduction="sum")
    return total, int((tout != PAD).sum())


@torch.no_grad()
def translate(model, src_ids, beam, alpha=0.6):
    src = torch.tensor([src_ids])
    states, mask, bridged = model.encode(src, torch.tensor([len(src_ids)]))
    max_len = 2 * len(src_ids) + 5
    live = [([], 0.0, model.initial(bridged))]
    ended = []
    for step in range(max_len):
        candidates = []
        for tokens, lp, h in live:
            prev = torch.tensor([[tokens[-1] if tokens else BOS]])
            logp, h2 = model.decode(prev, states, mask, bridged, h)
            logp = logp[0, 0].clone()
            logp[[PAD, UNK, BOS]] = float("-inf")
            top = torch.topk(logp, beam)
            for v, t in zip(top.values.tolist(), top.indices.tolist()):
                candidates.append((tokens + [t], lp + v, h2))
        candidates.sort(key=lambda c: -c[1])
        live = []
        for tokens, lp, h in candidates:
            if tokens[-1] == EOS:
                ended.append((tokens[:-1], lp / (len(tokens) ** alpha if alpha else 1)))
            else:
                live.append((tokens, lp, h))
            if len(live) + (len(ended) if beam == 1 else 0) >= beam:
                break
        if not live or len(ended) >= beam:
            break
    for tokens, lp, _ in live:
        ended.append((tokens, lp / (len(tokens) ** alpha if alpha else 1)))
    return max(ended, key=lambda e: e[1])[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("split")
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--patience", type=int, default=2)
    ap.add_argument("--attention", default="luong", choices=["luong", "bahdanau", "none"])
    ap.add_argument("--bridge", default="init", choices=["init", "input"], help="h0 = bridge, or bridge fed each step")
    ap.add_argument("--loss", default="token", choices=["token", "sequence"], help="mean per token or sum per pair")
    ap.add_argument("--clip", default="global", choices=["global", "layer"])
    ap.add_argument("--xavier", action="store_true", help="DL4J's Xavier init instead of PyTorch's defaults")
    ap.add_argument("--emb-xavier", action="store_true", help="DL4J's Xavier init on the embeddings only")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--no-test", action="store_true", help="stop after training (loss curve only)")
    a = ap.parse_args()
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    train, valid = read_ids(a.split + "/train.ids"), read_ids(a.split + "/valid.ids")
    vt = sum(1 for _ in open(a.split + "/target.vocab", encoding="utf-8"))
    vs = 1 + max(max(s) for s, _ in train + valid)
    model = Model(max(vs, 5), vt, 256, 256, a.attention, a.bridge, a.xavier, a.emb_xavier)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    best, best_state, bad, start = float("inf"), None, 0, time.time()
    for epoch in range(1, a.epochs + 1):
        model.train()
        random.shuffle(train)
        tot, n = 0.0, 0
        for i in range(0, len(train), 64):
            loss_sum, tokens = loss_of(model, train[i:i + 64])
            opt.zero_grad()
            (loss_sum / (tokens if a.loss == "token" else len(train[i:i + 64]))).backward()
            if a.clip == "global":
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            else:
                for p in model.parameters():
                    nn.utils.clip_grad_norm_([p], 1.0)
            opt.step()
            tot, n = tot + loss_sum.item(), n + tokens
        model.eval()
        with torch.no_grad():
            vl = [loss_of(model, valid[i:i + 64]) for i in range(0, len(valid), 64)]
        val = sum(float(l) for l, _ in vl) / sum(t for _, t in vl)
        print(f"epoch {epoch}: train {tot / n:.4f} valid {val:.4f} per token ({time.time() - start:.0f} s)", flush=True)
        if val < best:
            best, bad = val, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            bad += 1
            if bad >= a.patience:
                break
    print(f"best valid {best:.4f}; {time.time() - start:.0f} s", flush=True)
    if a.no_test:
        return
    model.load_state_dict(best_state)
    model.eval()
    vocab = [l.rstrip("\n") for l in open(a.split + "/target.vocab", encoding="utf-8")]
    tests = {}
    for line in open(a.split + "/test.tsv", encoding="utf-8"):
        ids, source, _ = line.rstrip("\n").split("\t")
        tests[source] = [int(t) for t in ids.split()]
    for beam, suffix in ((1, "greedy"), (4, "beam4")):
        with open(a.out + "." + suffix, "w", encoding="utf-8") as f:
            for source, ids in tests.items():
                f.write(source + "\t" + " ".join(vocab[t] for t in translate(model, ids, beam)) + "\n")
    print(f"translated; {time.time() - start:.0f} s")


if __name__ == "__main__":
    main()
