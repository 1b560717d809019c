#!/usr/bin/env python3
"""Every derived figure of docs/scaling.md, from a bench run's session-engine figures.

    python3 docs/scaling.py bench/target/figures.properties

The measured inputs come from the file (the unsuffixed keys: the medians of the rounds); the other inputs are the
page's own (measured elsewhere, or assumed) and are set below. It prints the figures in the page's order, each
named as the page names it; copying them in stays a person's job, as choosing the words around them does.
"""
import sys

# Inputs not measured by bench/run's session-engine section: docs/scaling.md, "The inputs".
H = 28.0          # ms, one Argon2id hash on one core (performance.md)
TR = 0.127        # ms, a read by primary key, round trip (security.md, "Throttling")
TW = 0.241        # ms, a write transaction, round trip (the same)
M_KIB = 0.67      # KiB of heap per signed-in session (performance.md)
SESSIONS = 100_000
P = 1667          # signed-in requests/s: 100,000 sessions, one request a minute each (assumed)
BUSY = 0.7        # how busy we let a node's cores be (assumed)
CORES = (2, 8)
RATES = (10, 100, 1000)


def read_figures(path):
    figures = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            key, sep, value = line.rstrip("\n").partition("=")
            if sep:
                figures[key] = value
    return figures


def number(figures, key):
    value = figures.get("engine." + key)
    if value in (None, "", "n/a"):
        sys.exit(f"no engine.{key} in the figures: is the run's session-engine section finished?")
    return float(value)


def inputs_from(figures):
    n = lambda key: number(figures, key)
    return dict(
        Cp=n("memory_profile_cpu_ms"), Cp_cluster=n("cluster_profile_cpu_ms"),
        Cs=n("memory_cycle_cpu_ms"), Cs_cluster=n("cluster_cycle_cpu_ms"),
        Qp=(n("cluster_profile_reads"), n("cluster_profile_writes")),
        Qp_memory=(n("memory_profile_reads"), n("memory_profile_writes")),
        Qs=(n("memory_cycle_reads"), n("memory_cycle_writes")),
        Qs_cluster=(n("cluster_cycle_reads"), n("cluster_cycle_writes")),
        Bp=n("cluster_profile_bytes"), Bs=n("cluster_cycle_bytes"),
        loads={key: figures.get("engine." + key) for key in
               ("memory_load_start", "memory_load_end", "cluster_load_start", "cluster_load_end")},
    )


def cores_needed(i, rate, peers):
    """Cores a cluster needs at `rate` sign-ins/s when each change is applied on `peers` other nodes."""
    return (rate * (H + i["Cs"] + peers * i["Es"]) + P * (i["Cp"] + peers * i["Ep"])) / 1000


def smallest_cluster(i, rate, cores, backup):
    per_node = cores * BUSY
    for nodes in range(1, 1000):
        peers = min(nodes - 1, 1) if backup else nodes - 1
        need = cores_needed(i, rate, peers)
        if need <= nodes * per_node:
            return nodes, need, nodes * per_node
    return None, None, None


def report(i):
    out = print
    Cp, Cs = i["Cp"], i["Cs"]
    Rp, Rs = i["Cp_cluster"] / Cp, i["Cs_cluster"] / Cs
    Ep, Es = i["Cp_cluster"] - Cp, i["Cs_cluster"] - Cs
    i.update(Rp=Rp, Rs=Rs, Ep=Ep, Es=Es)
    qs_r, qs_w = i["Qs_cluster"]
    qp_r, qp_w = i["Qp"]
    out("== inputs")
    out(f"Cp = {Cp:.3f} ms; cluster {i['Cp_cluster']:.3f} ms; Rp = {Rp:.3f}")
    out(f"Cs = {Cs:.3f} ms; cluster {i['Cs_cluster']:.3f} ms; Rs = {Rs:.3f}")
    out(f"Qp = {qp_r} reads, {qp_w} writes (cluster); in memory {i['Qp_memory']}")
    out(f"Qs = {i['Qs']} (one node); Qs' = {i['Qs_cluster']} (cluster of 2)")
    out(f"Bp = {i['Bp']:.0f} B; Bs = {i['Bs']:.0f} B")
    out(f"loads: {i['loads']}")

    out("== what each costs the database")
    profile_us = (qp_r * TR + qp_w * TW) * 1000
    cycle_ms = qs_r * TR + qs_w * TW
    one_r, one_w = i["Qs"]
    out(f"signed-in request: {qp_r:g} x tr + {qp_w:g} x tw = {profile_us:.0f} us, {qp_r + qp_w:g} statements")
    out(f"cycle, cluster: {qs_r:g} x tr + {qs_w:g} x tw = {qs_r * TR * 1000:.0f} + {qs_w * TW * 1000:.0f} us"
        f" = {cycle_ms:.3f} ms, {qs_r + qs_w:g} statements, {qs_w:g} writes")
    out(f"cycle, one node: {one_r + one_w:g} statements, {one_r * TR + one_w * TW:.3f} ms")
    out(f"wrong password: tr + tw = {(TR + TW) * 1000:.0f} us")

    out("== CPU")
    out(f"Ep = ({Rp:.3f} - 1) x {Cp:.3f} = {Ep:.3f} ms; Es = ({Rs:.3f} - 1) x {Cs:.3f} = {Es:.3f} ms")
    for name, r in (("signed-in requests", Rp), ("sign-ins with the hash", 1 + Es / (H + Cs))):
        e = r - 1
        multiples = ", ".join(f"{n / (1 + (n - 1) * e):.2f}x at {n}" for n in (2, 3, 4, 8, 16))
        out(f"{name}: R - 1 = {e:.4f}; {multiples}; ceiling 1/(R-1) = {1 / e:.2f}x;"
            f" N½ = 1 + 1/(R-1) = {1 + 1 / e:.2f} (half of N x one node: each node spends half its CPU on the"
            f" others' changes); half the ceiling at 1/(R-1) - 1 = {1 / e - 1:.2f}")
    out(f"H + Cs = {H + Cs:.2f} ms")
    memory_mib = SESSIONS * M_KIB / 1024
    out(f"memory: {SESSIONS} x {M_KIB} KiB = {memory_mib:.1f} MiB per node")

    out("== the CPU formula")
    out(f"S x ({H + Cs:.2f} + {Es:.3f} (N - 1)) / 1000 + {P * Cp / 1000:.3f} + {P * Ep / 1000:.3f} (N - 1)")

    out("== the table")
    for rate in RATES:
        out(f"-- S = {rate}/s")
        out(f"hashing {rate * H / 1000:.3f}; other sign-in CPU {rate * Cs / 1000:.4f}; signed-in {P * Cp / 1000:.3f}"
            " cores")
        for cores in CORES:
            for backup in (False, True):
                nodes, need, have = smallest_cluster(i, rate, cores, backup)
                how = "BackupManager" if backup else "all-to-all"
                if nodes is None:
                    step = (rate * Es + P * Ep) / 1000
                    out(f"{cores}-core {how}: none (each node adds {step:.3f} cores, brings {cores * BUSY:.1f})")
                else:
                    out(f"{cores}-core {how}: N = {nodes} ({need:.3f} of {have:.1f} cores)")
                    if nodes == 1:
                        out(f"   with 2 for failover: {cores_needed(i, rate, 1):.3f} of {2 * cores * BUSY:.1f}")
                    if not backup and nodes > 1:
                        prev = cores_needed(i, rate, nodes - 2)
                        out(f"   N = {nodes - 1} needs {prev:.3f} of {(nodes - 1) * cores * BUSY:.1f}: "
                            f"{rate * (H + Cs + (nodes - 2) * Es) / 1000:.3f} +"
                            f" {P * (Cp + (nodes - 2) * Ep) / 1000:.3f};"
                            f" N = {nodes}: {rate * (H + Cs + (nodes - 1) * Es) / 1000:.3f} +"
                            f" {P * (Cp + (nodes - 1) * Ep) / 1000:.3f}")
                        out(f"   replication's share at N = {nodes}: {rate * (nodes - 1) * Es / 1000:.3f} +"
                            f" {P * (nodes - 1) * Ep / 1000:.3f} of {need:.3f} cores")
        statements = rate * (qs_r + qs_w) + P * (qp_r + qp_w)
        reads = rate * qs_r + P * qp_r
        out(f"statements/s {statements:.0f} (reads {reads:.0f}); writes/s {rate * qs_w + P * qp_w:.0f}")
        out(f"connections busy: {rate * cycle_ms / 1000 + P * profile_us / 1e6:.3f}")
        # The table's cluster: the smallest all-to-all one of 2-core nodes, else of 8-core ones; 2 at least.
        nodes = smallest_cluster(i, rate, 2, False)[0] or smallest_cluster(i, rate, 8, False)[0]
        nodes = max(nodes, 2)
        per_peer = rate * i["Bs"] + P * i["Bp"]
        out(f"bytes/s all-to-all, N = {nodes}: {per_peer * (nodes - 1) / 1e6:.3f} MB/s"
            f" = {per_peer * (nodes - 1) * 8 / 1e6:.0f} Mbit/s;"
            f" applied requests/s {(rate + P) * (nodes - 1) / nodes:.1f};"
            f" session memory in all {nodes * memory_mib:.1f} MiB")
        out(f"bytes/s BackupManager: {per_peer / 1e6:.3f} MB/s"
            f" ({rate:g} x {i['Bs']:.0f} + {P} x {i['Bp']:.0f} ="
            f" {rate * i['Bs'] / 1e6:.3f} + {P * i['Bp'] / 1e6:.3f} MB)")

    out("== the limits")
    step_1000 = (1000 * Es + P * Ep) / 1000
    out(f"at 1,000/s each further node adds {1000 * Es / 1000:.3f} + {P * Ep / 1000:.3f} = {step_1000:.3f} cores")
    for cores in CORES:
        per_node = cores * BUSY
        ceiling = (per_node - P * Ep / 1000) / (Es / 1000)
        base = 1000 * (H + Cs) / 1000 + P * Cp / 1000
        gain = per_node - step_1000
        n_min = f"N >= {(base - step_1000) / gain:.2f}" if gain > 0 else "no N"
        out(f"{cores}-core nodes: all-to-all never passes ({per_node:.1f} - {P * Ep / 1000:.3f}) / {Es:.3f} ms ="
            f" {ceiling:.0f} sign-ins/s; at 1,000/s: {base:.3f} + {step_1000:.3f} (N - 1) <= {per_node:.1f} N"
            f" gives {n_min}")
    backup_need = 1000 * (H + Cs + Es) / 1000 + P * (Cp + Ep) / 1000
    out(f"BackupManager at 1,000/s: {backup_need:.3f} cores: {backup_need / 1.4:.2f} nodes of 2 cores,"
        f" {backup_need / 5.6:.2f} of 8")
    profile_account_reads = P + 1000
    reads_1000 = 1000 * qs_r + P * qp_r
    out(f"reads that may lag at 1,000/s: {profile_account_reads} of {reads_1000:.0f}"
        f" = {profile_account_reads / reads_1000:.3f}")


def main():
    if len(sys.argv) == 2:
        report(inputs_from(read_figures(sys.argv[1])))
    elif len(sys.argv) == 1:  # the page's own measured inputs, to check its arithmetic: change them with the page
        report(dict(Cp=0.43, Cp_cluster=0.54, Cs=2.62, Cs_cluster=4.36, Qp=(2, 0), Qp_memory=(2, 0), Qs=(7, 8),
                    Qs_cluster=(7, 9), Bp=349, Bs=6253, loads={}))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
