package io.jlns.loadgen;

/** Why a client did not connect, or why it went down: the stages a load tool counts failures by. */
enum Failure {
  IKE_TIMEOUT("IKE timeout"),
  WRONG_PSK("wrong PSK"),
  NO_PROPOSAL("no proposal chosen"),
  IKE_REFUSED("IKE refused"),
  IKE_MALFORMED("IKE malformed answer"),
  QUICK_MODE("Quick Mode failed"),
  L2TP_REFUSED("L2TP refused"),
  L2TP_TIMEOUT("L2TP timeout"),
  PPP_TIMEOUT("PPP timeout"),
  PPP_REFUSED("PPP refused"),
  AUTH_FAILED("PPP auth failed"),
  NO_ADDRESS("no address"),
  /** Up, then lost: a Delete, StopCCN, CDN or LCP Terminate from the server, or keepalives unanswered. */
  DROPPED("dropped after up"),
  SOCKET("socket error");

  final String label;

  Failure(String label) {
    this.label = label;
  }
}
