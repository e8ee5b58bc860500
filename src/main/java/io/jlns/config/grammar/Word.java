package io.jlns.config.grammar;

/** One whitespace-separated word of a command line and the column (0-based) where it starts. */
public record Word(String text, int column) {}
