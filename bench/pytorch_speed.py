#!/usr/bin/env python3
"""The cases of `./rnnkit speed` in PyTorch, one thread, float32, for a ratio on the same machine.

Run pinned to one thread, as rnnkit's launcher is:
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 bench/pytorch_speed.py [--quick] [--cases PREFIX,...]
Case names, sizes and what is timed match org.rnnkit.core.bench.SpeedCase: training steps are forward over
[batch, T, nIn], a per-step linear head with MSE, backward and Adam; generation feeds back the arg-max token one
step at a time through embedding(64), a 2-layer RNN of 256 and a linear head over 128 tokens; output() is one
forward pass of that model over a batch of 32 random token sequences of length 100. Prints wall-clock ms and the
thread's CPU ms (as `rnnkit speed` does; with one thread all work runs on the calling thread).
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn

torch.set_num_threads(1)
VOCAB = 128
CELLS = {"simplernn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}


def cases(quick):
    out = []
    for cell in ("simplernn", "lstm", "gru"):
        out.append(("train", cell, 32, 50, 16, 64, 1))
        if not quick:
            out.append(("train", cell, 32, 100, 16, 256, 1))
            if cell != "simplernn":
                out.append(("train", cell, 64, 100, 64, 128, 1))
    for cell in ("lstm", "gru"):
        for batch in ((1,) if quick else (1, 8)):
            out.append(("generate", cell, batch, 200 if quick else 1000, 64, 256, 2))
            out.append(("decode", cell, batch, 200 if quick else 1000, 64, 256, 2))
        out.append(("output", cell, 32, 100, 64, 256, 2))
    if not quick:
        for cell in ("gru", "lstm"):
            for steps in (50, 100, 200, 400):
                out.append(("train", cell, 32, steps, 16, 128, 1))
    return out


def name(kind, cell, batch, steps, inputs, units, layers):
    if kind == "train":
        return f"train-{cell}-{batch}x{steps}x{inputs}x{units}"
    if kind in ("generate", "decode"):
        return f"{kind}-{cell}-b{batch}"
    return f"output-{cell}-{batch}x{steps}"


class TokenModel(nn.Module):
    def __init__(self, cell, inputs, units, layers):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, inputs)
        self.rnn = CELLS[cell](inputs, units, num_layers=layers, batch_first=True)
        self.head = nn.Linear(units, VOCAB)

    def forward(self, tokens, state=None):
        out, state = self.rnn(self.embed(tokens), state)
        return torch.softmax(self.head(out), dim=-1), state


def operation(kind, cell, batch, steps, inputs, units, layers):
    torch.manual_seed(1)
    if kind == "train":
        rnn = CELLS[cell](inputs, units, batch_first=True)
        head = nn.Linear(units, inputs)
        params = list(rnn.parameters()) + list(head.parameters())
        opt = torch.optim.Adam(params, lr=1e-3)
        x = torch.rand(batch, steps, inputs)
        y = torch.rand(batch, steps, inputs)

        def step():
            opt.zero_grad()
            out, _ = rnn(x)
            loss = ((head(out) - y) ** 2).mean()
            loss.backward()
            opt.step()
        return step
    model = TokenModel(cell, inputs, units, layers).eval()
    if kind == "output":
        tokens = torch.randint(0, VOCAB, (batch, steps))

        def forward():
            with torch.no_grad():
                model(tokens)
        return forward

    if kind == "decode":
        # What rnnkit's greedy decoder does per token: log-probabilities of the last step, arg-max fed back.
        def decode():
            with torch.no_grad():
                token = torch.zeros(batch, 1, dtype=torch.long)
                state = None
                for _ in range(steps):
                    p, state = model(token, state)
                    token = torch.log(p[:, -1, :]).argmax(dim=-1, keepdim=True)
        return decode

    def generate():
        with torch.no_grad():
            token = torch.zeros(batch, 1, dtype=torch.long)
            state = None
            for _ in range(steps):
                p, state = model(token, state)
                token = p[:, -1, :].argmax(dim=-1, keepdim=True)
    return generate


def flops(kind, cell, batch, steps, inputs, units, layers):
    gates = {"simplernn": 1, "gru": 3, "lstm": 4}[cell]
    total, n_in = 0.0, inputs
    for _ in range(layers):
        total += 2.0 * batch * steps * (n_in + units) * gates * units
        n_in = units
    total += 2.0 * batch * steps * units * (inputs if kind == "train" else VOCAB)
    return 3 * total if kind == "train" else total


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--cases", default="")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    prefixes = [p for p in args.cases.split(",") if p]
    rounds = 3 if args.quick else args.rounds
    seconds = 0.5 if args.quick else 1.5
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, float32")
    print(f"{'case':28s} {'torch ms':>10s} {'GFLOP/s':>8s} | {'torch cpu':>10s} {'GFLOP/s':>8s}")
    for case in cases(args.quick):
        n = name(*case)
        if prefixes and not any(n.startswith(p) for p in prefixes):
            continue
        op = operation(*case)
        op()
        t0 = time.perf_counter()
        op()
        once = max(1e-4, time.perf_counter() - t0)
        iterations = int(max(1, min(200, seconds / once)))
        for _ in range(iterations):  # one untimed round, as the Java harness does for its JIT
            op()
        per_round, cpu_round = [], []
        for _ in range(rounds):
            t0, c0 = time.perf_counter(), time.thread_time()
            for _ in range(iterations):
                op()
            per_round.append((time.perf_counter() - t0) * 1000 / iterations)
            cpu_round.append((time.thread_time() - c0) * 1000 / iterations)
        ms = statistics.median(per_round)
        cpu = statistics.median(cpu_round)
        print(f"{n:28s} {ms:10.2f} {flops(*case) / (ms * 1e6):8.1f} | {cpu:10.2f} {flops(*case) / (cpu * 1e6):8.1f}",
              flush=True)


if __name__ == "__main__":
    main()
