"""The core: configuration, rules, the plugin host and its hooks, the Check
and Reporter base types, and the engine that runs checks over articles.
The built-in checks, formats and reporters sit above it, as a third
party's plugins would."""
