"""copydesk: an editorial quality linter for news articles."""
