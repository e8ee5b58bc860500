package io.jlns.config;

/** The entry a {@code config-crypto-map} sub-mode edits. */
record MapKey(boolean dynamic, String name, int seq) {}
