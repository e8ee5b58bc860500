package io.jlns.config;

/**
 * {@code username NAME [privilege N] password|secret [TYPE] VALUE}. A {@code password} keeps
 * clear text (type 0 or 7) and serves CHAP, MS-CHAP and PAP; a {@code secret} is a one-way hash
 * and serves PAP only, as on IOS.
 */
public record User(String name, int privilege, boolean isSecret, Secret credential) {}
