package io.jlns.config;

import java.util.List;

/** {@code crypto ipsec transform-set NAME T1 [T2 [T3]]} with its {@code mode}. */
public record TransformSet(String name, List<Transform> transforms, boolean transportMode) {
  public TransformSet {
    transforms = List.copyOf(transforms);
  }

  public TransformSet withMode(boolean transport) {
    return new TransformSet(name, transforms, transport);
  }

  public String transformsText() {
    StringBuilder b = new StringBuilder();
    for (Transform t : transforms) {
      b.append(b.length() == 0 ? "" : " ").append(t.text());
    }
    return b.toString();
  }
}
