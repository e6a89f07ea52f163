"""Weights of the default sentence scorer: written by scripts/fit_summary_scorer.py.

Fitted on cnndm-train.jsonl, bbcsum-train.jsonl (161145 sentences; CNN/DM's share of
the weight 0.7), labels from a greedy ROUGE-1+2 oracle of at most
3 sentences, L2 1.0.
Do not edit by hand: refit and rerun the script with --write.
"""

FEATURES = (
    "lead",
    "log_index",
    "log_words",
    "centrality",
    "title",
    "quote",
    "log_paragraph",
    "paragraph_start",
    "relative",
)
# The average of each feature over the training sentences.
MEANS = (
    0.136045,
    2.59005,
    2.8414,
    0.441219,
    0.0208959,
    0.243119,
    2.29361,
    0.774358,
    0.5,
)
# Each feature's weight on the log-odds, and the log-odds of an average sentence.
WEIGHTS = (
    -2.54598,
    -0.772492,
    0.917159,
    2.39023,
    1.0267,
    -0.212622,
    -0.662838,
    0.442989,
    1.07594,
)
BASE = -2.9374
