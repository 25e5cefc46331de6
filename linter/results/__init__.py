"""The results layer: findings, fixes, the baseline and a run's result."""
