"""Weights of the default sentence scorer: written by scripts/fit_summary_scorer.py.

Fitted on cnndm-train.jsonl, bbcsum-train.jsonl (161145 sentences; CNN/DM's share of
the weight 0.75), labels from a greedy ROUGE-1+2 oracle of at most
3 sentences, L2 1.0.
Do not edit by hand: refit and rerun the script with --write.
"""

# In the order of briefing.analysis.rank.FEATURES, which computes them.
# The average of each feature over the training sentences.
MEANS = (
    0.132832,
    2.61653,
    2.83655,
    0.438409,
    0.0174132,
    0.240337,
    2.36895,
    0.811337,
    0.5,
)
# Each feature's weight on the log-odds, and the log-odds of an average sentence.
WEIGHTS = (
    -2.5526,
    -0.749462,
    0.738933,
    2.30085,
    0.989303,
    -0.234592,
    -0.686321,
    0.466155,
    1.00659,
)
BASE = -2.94144
