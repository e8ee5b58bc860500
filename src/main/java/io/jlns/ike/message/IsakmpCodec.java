package io.jlns.ike.message;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** ISAKMP messages (RFC 2408 section 3, RFC 2407 section 4.6, RFC 3947) to and from bytes. */
public final class IsakmpCodec {
  private IsakmpCodec() {}

  public static Decoding<Header> decodeHeader(byte[] b, int length) {
    if (length < Header.SIZE) {
      return Decoding.fail("shorter than the ISAKMP header (" + length + " bytes)");
    }
    int version = u8(b, 17);
    if (version >>> 4 != 1) {
      return Decoding.fail("ISAKMP major version " + (version >>> 4) + ", not 1");
    }
    int declared = u32(b, 24);
    if (declared != length) {
      return Decoding.fail("length field " + Integer.toUnsignedString(declared) + " but " + length + " bytes received");
    }
    return Decoding.ok(new Header(u64(b, 0), u64(b, 8), u8(b, 16), version, u8(b, 18), u8(b, 19), u32(b, 20), declared));
  }

  /**
   * The chain of payloads starting with type {@code first} at {@code offset}; for an encrypted
   * message, bytes after the last payload (up to {@code limit}) are padding and are ignored.
   */
  public static Decoding<Payloads> decodePayloads(int first, byte[] b, int offset, int limit) {
    List<Payload> out = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int next = first;
    int pos = offset;
    while (next != 0) {
      if (pos + 4 > limit) {
        return Decoding.fail("payload " + next + " header truncated at offset " + pos);
      }
      int len = u16(b, pos + 2);
      if (len < 4 || pos + len > limit) {
        return Decoding.fail("payload " + next + " length " + len + " out of bounds at offset " + pos);
      }
      Decoding<Payload> p = body(next, b, pos + 4, pos + len);
      if (!p.ok()) {
        return Decoding.fail("payload " + next + ": " + p.error());
      }
      out.add(p.value());
      starts.add(pos);
      next = u8(b, pos);
      pos += len;
    }
    return Decoding.ok(new Payloads(out, b, starts.stream().mapToInt(Integer::intValue).toArray(), pos));
  }

  private static Decoding<Payload> body(int type, byte[] b, int s, int e) {
    byte[] all = Arrays.copyOfRange(b, s, e);
    switch (type) {
      case Payload.SA:
        return sa(b, s, e);
      case Payload.KE:
        return Decoding.ok(new Payload.KeyExchange(all));
      case Payload.NONCE:
        return Decoding.ok(new Payload.Nonce(all));
      case Payload.HASH:
        return Decoding.ok(new Payload.Hash(all));
      case Payload.VENDOR_ID:
        return Decoding.ok(new Payload.VendorId(all));
      case Payload.ID:
        if (e - s < 4) {
          return Decoding.fail("ID shorter than 4 bytes");
        }
        return Decoding.ok(new Payload.Identification(u8(b, s), u8(b, s + 1), u16(b, s + 2), Arrays.copyOfRange(b, s + 4, e)));
      case Payload.NAT_D:
      case Payload.NAT_D_DRAFT:
        return Decoding.ok(new Payload.NatD(type, all));
      case Payload.NAT_OA:
      case Payload.NAT_OA_DRAFT:
        if (e - s < 4) {
          return Decoding.fail("NAT-OA shorter than 4 bytes");
        }
        return Decoding.ok(new Payload.NatOa(type, u8(b, s), Arrays.copyOfRange(b, s + 4, e)));
      case Payload.NOTIFY: {
        if (e - s < 8) {
          return Decoding.fail("Notify shorter than 8 bytes");
        }
        int spiSize = u8(b, s + 5);
        if (s + 8 + spiSize > e) {
          return Decoding.fail("Notify SPI size " + spiSize + " beyond the payload");
        }
        return Decoding.ok(new Payload.Notify(u32(b, s), u8(b, s + 4), u16(b, s + 6), Arrays.copyOfRange(b, s + 8, s + 8 + spiSize),
            Arrays.copyOfRange(b, s + 8 + spiSize, e)));
      }
      case Payload.DELETE: {
        if (e - s < 8) {
          return Decoding.fail("Delete shorter than 8 bytes");
        }
        int spiSize = u8(b, s + 5);
        int n = u16(b, s + 6);
        if (s + 8 + spiSize * n != e) {
          return Decoding.fail(n + " SPIs of " + spiSize + " bytes do not fill the Delete payload");
        }
        List<byte[]> spis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          spis.add(Arrays.copyOfRange(b, s + 8 + i * spiSize, s + 8 + (i + 1) * spiSize));
        }
        return Decoding.ok(new Payload.Delete(u32(b, s), u8(b, s + 4), spiSize, spis));
      }
      default:
        return Decoding.ok(new Payload.Unknown(type, all));
    }
  }

  private static Decoding<Payload> sa(byte[] b, int s, int e) {
    if (e - s < 8) {
      return Decoding.fail("SA shorter than 8 bytes");
    }
    List<Proposal> proposals = new ArrayList<>();
    int pos = s + 8;
    int more = pos < e ? Payload.PROPOSAL : 0;
    while (more == Payload.PROPOSAL) {
      if (pos + 8 > e) {
        return Decoding.fail("proposal truncated");
      }
      more = u8(b, pos);
      int len = u16(b, pos + 2);
      if (len < 8 || pos + len > e) {
        return Decoding.fail("proposal length " + len + " out of bounds");
      }
      int spiSize = u8(b, pos + 6);
      int count = u8(b, pos + 7);
      int tpos = pos + 8 + spiSize;
      if (tpos > pos + len) {
        return Decoding.fail("proposal SPI size " + spiSize + " out of bounds");
      }
      List<Transform> transforms = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        if (tpos + 8 > pos + len) {
          return Decoding.fail("transform " + (i + 1) + " of " + count + " truncated");
        }
        int tlen = u16(b, tpos + 2);
        if (tlen < 8 || tpos + tlen > pos + len) {
          return Decoding.fail("transform length " + tlen + " out of bounds");
        }
        Decoding<List<Attribute>> attrs = attributes(b, tpos + 8, tpos + tlen);
        if (!attrs.ok()) {
          return Decoding.fail(attrs.error());
        }
        transforms.add(new Transform(u8(b, tpos + 4), u8(b, tpos + 5), attrs.value()));
        tpos += tlen;
      }
      proposals.add(new Proposal(u8(b, pos + 4), u8(b, pos + 5), Arrays.copyOfRange(b, pos + 8, pos + 8 + spiSize), transforms));
      pos += len;
    }
    if (more != 0) {
      return Decoding.fail("proposal followed by payload type " + more + " inside the SA");
    }
    return Decoding.ok(new Payload.Sa(u32(b, s), u32(b, s + 4), proposals));
  }

  private static Decoding<List<Attribute>> attributes(byte[] b, int s, int e) {
    List<Attribute> out = new ArrayList<>();
    int pos = s;
    while (pos < e) {
      if (pos + 4 > e) {
        return Decoding.fail("attribute truncated");
      }
      int af = u16(b, pos);
      if ((af & 0x8000) != 0) {
        out.add(Attribute.basic(af & 0x7FFF, u16(b, pos + 2)));
        pos += 4;
      } else {
        int len = u16(b, pos + 2);
        if (pos + 4 + len > e) {
          return Decoding.fail("attribute " + af + " of " + len + " bytes out of bounds");
        }
        out.add(new Attribute(af, 0, Arrays.copyOfRange(b, pos + 4, pos + 4 + len)));
        pos += 4 + len;
      }
    }
    return Decoding.ok(out);
  }

  /** A whole unencrypted message. */
  public static byte[] encode(long icookie, long rcookie, int exchange, int flags, int messageId, List<Payload> payloads) {
    byte[] body = encodePayloads(payloads);
    return withHeader(icookie, rcookie, payloads.isEmpty() ? 0 : payloads.get(0).type(), exchange, flags, messageId, body);
  }

  /** The header in front of {@code body} (which may be ciphertext), with the length filled in. */
  public static byte[] withHeader(long icookie, long rcookie, int firstPayload, int exchange, int flags, int messageId, byte[] body) {
    Out o = new Out();
    o.u64(icookie).u64(rcookie).u8(firstPayload).u8(Header.VERSION_1_0).u8(exchange).u8(flags).u32(messageId)
        .u32(Header.SIZE + body.length).bytes(body);
    return o.toByteArray();
  }

  /** The payloads chained by their Next Payload fields. */
  public static byte[] encodePayloads(List<Payload> payloads) {
    Out o = new Out();
    for (int i = 0; i < payloads.size(); i++) {
      byte[] body = body(payloads.get(i));
      o.u8(i + 1 < payloads.size() ? payloads.get(i + 1).type() : 0).u8(0).u16(4 + body.length).bytes(body);
    }
    return o.toByteArray();
  }

  /** A payload's body, without its generic header (what SAi_b and IDii_b denote in RFC 2409). */
  public static byte[] body(Payload p) {
    Out o = new Out();
    if (p instanceof Payload.Sa sa) {
      o.u32(sa.doi()).u32(sa.situation());
      for (int i = 0; i < sa.proposals().size(); i++) {
        proposal(o, sa.proposals().get(i), i + 1 < sa.proposals().size());
      }
    } else if (p instanceof Payload.KeyExchange ke) {
      o.bytes(ke.data());
    } else if (p instanceof Payload.Nonce n) {
      o.bytes(n.data());
    } else if (p instanceof Payload.Hash h) {
      o.bytes(h.data());
    } else if (p instanceof Payload.VendorId v) {
      o.bytes(v.data());
    } else if (p instanceof Payload.Identification id) {
      o.u8(id.idType()).u8(id.protocol()).u16(id.port()).bytes(id.data());
    } else if (p instanceof Payload.NatD d) {
      o.bytes(d.hash());
    } else if (p instanceof Payload.NatOa oa) {
      o.u8(oa.idType()).u8(0).u16(0).bytes(oa.address());
    } else if (p instanceof Payload.Notify n) {
      o.u32(n.doi()).u8(n.protocol()).u8(n.spi().length).u16(n.messageType()).bytes(n.spi()).bytes(n.data());
    } else if (p instanceof Payload.Delete d) {
      o.u32(d.doi()).u8(d.protocol()).u8(d.spiSize()).u16(d.spis().size());
      d.spis().forEach(o::bytes);
    } else if (p instanceof Payload.Unknown u) {
      o.bytes(u.body());
    }
    return o.toByteArray();
  }

  private static void proposal(Out o, Proposal p, boolean more) {
    Out t = new Out();
    for (int i = 0; i < p.transforms().size(); i++) {
      Transform tr = p.transforms().get(i);
      byte[] ab = attributes(tr.attributes());
      t.u8(i + 1 < p.transforms().size() ? Payload.TRANSFORM : 0).u8(0).u16(8 + ab.length).u8(tr.number()).u8(tr.id()).u16(0).bytes(ab);
    }
    byte[] tb = t.toByteArray();
    o.u8(more ? Payload.PROPOSAL : 0).u8(0).u16(8 + p.spi().length + tb.length).u8(p.number()).u8(p.protocol())
        .u8(p.spi().length).u8(p.transforms().size()).bytes(p.spi()).bytes(tb);
  }

  /** SA attributes in TV/TLV form (RFC 2408 section 3.3), as in transforms and RESPONDER-LIFETIME. */
  public static byte[] attributes(List<Attribute> attributes) {
    Out a = new Out();
    for (Attribute at : attributes) {
      if (at.variable() == null) {
        a.u16(0x8000 | at.type()).u16(at.basic());
      } else {
        a.u16(at.type()).u16(at.variable().length).bytes(at.variable());
      }
    }
    return a.toByteArray();
  }

  static int u8(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  static int u16(byte[] b, int i) {
    return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
  }

  static int u32(byte[] b, int i) {
    return u16(b, i) << 16 | u16(b, i + 2);
  }

  static long u64(byte[] b, int i) {
    return (long) u32(b, i) << 32 | u32(b, i + 4) & 0xFFFFFFFFL;
  }

  /** A growing big-endian writer. */
  static final class Out extends ByteArrayOutputStream {
    Out u8(int v) {
      write(v);
      return this;
    }

    Out u16(int v) {
      return u8(v >>> 8).u8(v);
    }

    Out u32(int v) {
      return u16(v >>> 16).u16(v);
    }

    Out u64(long v) {
      return u32((int) (v >>> 32)).u32((int) v);
    }

    Out bytes(byte[] b) {
      write(b, 0, b.length);
      return this;
    }
  }
}
