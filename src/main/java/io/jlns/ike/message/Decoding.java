package io.jlns.ike.message;

/** A decoded value, or the reason the bytes are not one (errors in input are values). */
public record Decoding<T>(T value, String error) {
  public static <T> Decoding<T> ok(T value) {
    return new Decoding<>(value, null);
  }

  public static <T> Decoding<T> fail(String error) {
    return new Decoding<>(null, error);
  }

  public boolean ok() {
    return error == null;
  }
}
