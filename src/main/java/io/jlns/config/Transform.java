package io.jlns.config;

/** One transform of a transform set, with its key size where the algorithm has several. */
public record Transform(EspTransform algorithm, int keyBits) {
  /** IOS prints the key size only where it differs from the default (128 for AES and GCM). */
  public String text() {
    boolean sized = algorithm == EspTransform.ESP_AES || algorithm == EspTransform.ESP_GCM;
    return sized && keyBits != 128 ? algorithm.keyword() + " " + keyBits : algorithm.keyword();
  }
}
