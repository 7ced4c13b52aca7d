#!/usr/bin/env python3
"""Writes PyTorch parity fixtures for rnnkit's recurrent layers.

Run from this directory with the system Python that has torch (Debian python3-torch): /usr/bin/python3 make_fixtures.py
Each fixture: a seeded torch.nn.GRU / LSTM / RNN(tanh), one layer, float64, run on a right-padded batch through
pack_padded_sequence. JSON holds the state_dict tensors, the padded input [B, I, T] (NCW, as DL4J reads it; padding
filled with junk), lengths, outputs [B, D*H, T] (0 on padding) and final states h_n (and c_n) [D, B, H].
"""
import json

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

I, H, T = 3, 4, 6
LENGTHS = [6, 4, 2]


def tolist(t):
    return t.detach().double().tolist()


def make(kind, bidirectional, seed):
    torch.manual_seed(seed)
    cls = {"gru": torch.nn.GRU, "lstm": torch.nn.LSTM, "rnn": torch.nn.RNN}[kind]
    net = cls(I, H, num_layers=1, batch_first=True, bidirectional=bidirectional).double()
    with torch.no_grad():
        for p in net.parameters():
            p.uniform_(-0.8, 0.8)
    x = torch.randn(len(LENGTHS), T, I, dtype=torch.float64)
    for b, n in enumerate(LENGTHS):
        x[b, n:] = 5.0 * torch.randn(T - n, I, dtype=torch.float64)  # junk in the padding
    packed = pack_padded_sequence(x, torch.tensor(LENGTHS), batch_first=True, enforce_sorted=False)
    out, state = net(packed)
    out, _ = pad_packed_sequence(out, batch_first=True, total_length=T)
    fixture = {
        "kind": kind,
        "bidirectional": bidirectional,
        "inputSize": I,
        "hiddenSize": H,
        "lengths": LENGTHS,
        "input": tolist(x.permute(0, 2, 1)),
        "output": tolist(out.permute(0, 2, 1)),
        "weights": {k: tolist(v) for k, v in net.state_dict().items()},
    }
    if kind == "lstm":
        fixture["h_n"] = tolist(state[0])
        fixture["c_n"] = tolist(state[1])
    else:
        fixture["h_n"] = tolist(state)
    name = f"{kind}{'_bi' if bidirectional else ''}.json"
    with open(name, "w") as f:
        json.dump(fixture, f)
    print("wrote", name)


if __name__ == "__main__":
    for i, kind in enumerate(["gru", "lstm", "rnn"]):
        make(kind, False, 100 + i)
        make(kind, True, 200 + i)
