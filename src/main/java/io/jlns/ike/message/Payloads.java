package io.jlns.ike.message;

import java.util.Arrays;
import java.util.List;

/**
 * The payloads of one message, with where each lies in {@code bytes}: IKEv1 hashes cover the
 * bodies of SA and ID payloads and whole runs of payloads exactly as sent.
 *
 * @param starts offset of each payload's generic header in {@code bytes}
 * @param end offset just after the last payload (padding of an encrypted message follows)
 */
public record Payloads(List<Payload> list, byte[] bytes, int[] starts, int end) {
  public Payloads {
    list = List.copyOf(list);
  }

  /** The body of payload {@code i}, without its generic header. */
  public byte[] body(int i) {
    return Arrays.copyOfRange(bytes, starts[i] + 4, i + 1 < starts.length ? starts[i + 1] : end);
  }

  /** Every byte from payload {@code i}'s generic header to the end of the last payload. */
  public byte[] from(int i) {
    return i >= starts.length ? new byte[0] : Arrays.copyOfRange(bytes, starts[i], end);
  }

  /** The index of the first payload of {@code type}, or -1. */
  public int indexOf(int type) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).type() == type) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  public <T extends Payload> T first(Class<T> kind) {
    for (Payload p : list) {
      if (kind.isInstance(p)) {
        return (T) p;
      }
    }
    return null;
  }

  public <T extends Payload> List<T> all(Class<T> kind) {
    return list.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
