package io.jlns.cli;

/** What a CLI line produced: output text and how it ended. */
public record Response(String output, Status status) {
  public enum Status {
    OK,
    /** The line failed ({@code % ...}); a script should stop. */
    ERROR,
    /** The server asks for a password (the enable secret) before going on. */
    PASSWORD,
    /** The session ended ({@code exit} in EXEC mode). */
    CLOSE
  }

  public static Response ok(String output) {
    return new Response(output, Status.OK);
  }

  public static Response error(String output) {
    return new Response(output, Status.ERROR);
  }
}
