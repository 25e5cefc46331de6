"""The language layer: what copydesk knows of news English over the
document model (people's names and house styles, speakers, surnames, the
lexicons, the shapes of copy that repeats by design)."""
