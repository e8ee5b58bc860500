package io.jlns.ike.message;

import java.util.List;

/** RFC 2408 section 3.6: one transform with its SA attributes. */
public record Transform(int number, int id, List<Attribute> attributes) {
  public Transform {
    attributes = List.copyOf(attributes);
  }

  /** The value of attribute {@code type}, or -1 when absent. */
  public long attribute(int type) {
    for (Attribute a : attributes) {
      if (a.type() == type) {
        return a.value();
      }
    }
    return -1;
  }
}
