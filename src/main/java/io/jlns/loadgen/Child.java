package io.jlns.loadgen;

/**
 * An ESP SA pair Quick Mode made, with its keys per direction (RFC 2409 section 5.5) and the
 * lifetimes in force: the shorter of ours and the responder's RESPONDER-LIFETIME.
 */
record Child(int ourSpi, int theirSpi, Suites.Esp suite, byte[] encIn, byte[] authIn, byte[] encOut, byte[] authOut,
    long lifetimeSeconds, long lifetimeKilobytes) {}
