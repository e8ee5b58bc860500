package io.jlns.ike;

/** What {@code show crypto call admission statistics} shows of one responder: its SAs and what admission did. */
public record AdmissionView(int total, int negotiating, long accepted, long rejectedInNegotiation, long rejectedPerAddress,
    long rejectedSaLimit, int shunnedNow, long shunnedTotal) {}
